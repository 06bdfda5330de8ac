import ShapeSource

/// Renders an `Explanation` as the text of `shapecheck explain`.
public enum ExplainTextRenderer {
  /// Renders every section: the exercise's questions, constants by role, named constants,
  /// other arguments, free dimensions, layer kinds, activations and parameters.
  public static func render(_ explanation: Explanation) -> String {
    let writer = SectionWriter(path: explanation.path)
    var output = "explanation of \(explanation.path)\n"
    output += writer.section("answers", answers(explanation, writer))
    output += writer.section(
      "shape constants bound to the input",
      explanation.groups
        .filter { $0.role == .boundToInput }.flatMap { writer.groupLines($0, numbered: false) })
    let together = explanation.groups.filter { $0.role == .changeTogether }
    output += writer.section(
      "shape constants that must change together",
      together.enumerated()
        .flatMap { index, group in ["group \(index + 1)"] + writer.groupLines(group, numbered: true)
        })
    output += writer.section(
      "shape constants bound to an output",
      explanation.groups
        .filter { $0.role == .boundToOutput }.flatMap { writer.groupLines($0, numbered: false) })
    output += writer.section(
      "shape constants limited by a layer rule",
      explanation.groups
        .filter { $0.role == .limited }
        .flatMap { group in
          writer.groupLines(group, numbered: false)
            + writer.effectLines(group, total: explanation.parameterCount)
        })
    output += writer.section(
      "free shape constants",
      explanation.groups
        .filter { $0.role == .free || $0.role == .inferred }
        .flatMap { writer.freeLines($0, total: explanation.parameterCount) })
    output += writer.section(
      "named constants",
      explanation.namedConstants.map { constant in
        let changed = constant.usedBy + constant.inputs.map { "the input '\($0)'" }
        let users = changed.isEmpty ? "used by nothing" : "changing it changes " + listed(changed)
        return "\(constant.name) = \(constant.value)  \(writer.place(constant.location))  \(users)"
      })
    output += writer.section(
      "arguments that are not shape constants",
      explanation.otherArguments
        .map { "\($0.name) = \($0.value)  \(writer.place($0.location))  \($0.effect)" })
    output += writer.section(
      "free dimensions",
      explanation.freeDimensions.map { dimension in
        let input = dimension.input.map {
          " of the input '\($0.name)' (\(writer.place($0.location)))"
        }
        return "\(dimension.name)\(input ?? ""): every shape must hold for any value"
      })
    output += writer.section(
      "layer kinds", explanation.layerKinds.map { "\($0.name): \($0.relationship)" })
    output += writer.section("activations", activationLines(explanation.activations))
    var parameters = explanation.parameterSentences
    parameters.append(
      "total parameters: \(explanation.parameterCount.map(groupedDigits) ?? "unknown")")
    output += writer.section("parameters", parameters)
    return output
  }

  private static func answers(_ explanation: Explanation, _ writer: SectionWriter) -> [String] {
    var lines: [String] = []
    for group in explanation.groups where group.role == .free {
      let names = listed(group.members.map(\.name))
      lines.append(
        "\(names) can change alone: no layer requirement or assert ties it to another constant")
    }
    for group in explanation.groups where group.role == .limited {
      let names = listed(group.members.map(\.name))
      let reason =
        group.ties.first.map { ", because \($0.expected) \(writer.tieText($0)) (\($0.reason))" }
        ?? ""
      lines.append("\(names) can change only to some values\(reason)")
    }
    for group in explanation.groups where group.role == .boundToInput {
      for tie in group.ties {
        guard let input = tie.input else { continue }
        let requirement = "it \(writer.tieText(tie)), which comes from '\(input.name)'"
        lines.append("\(tie.expected) depends on the input: \(requirement)")
      }
    }
    for group in explanation.groups where group.role == .changeTogether {
      let names = group.members.filter { $0.layerName != nil }.map(\.name)
      let reason = group.ties.first.map { ", because \($0.expected) \(writer.tieText($0))" } ?? ""
      let named = SectionWriter.independentNamedConstants(of: group)
      let shortcut =
        group.followsNamedConstants && !named.isEmpty
        ? "; changing \(listed(named)) changes them together" : ""
      lines.append("\(listed(names)) must change together\(reason)\(shortcut)")
    }
    for group in explanation.groups where group.role == .boundToOutput {
      let names = group.members.map(\.name)
      let reason =
        group.ties.first.map { ", because of \($0.reason): \($0.expected) \(writer.tieText($0))" }
        ?? ""
      lines.append("\(listed(names)) cannot change alone\(reason)")
    }
    return lines
  }

  private static func activationLines(_ activations: [ActivationRelation]) -> [String] {
    var shapes: [String: String] = [:]
    for activation in activations where shapes[activation.name] == nil {
      shapes[activation.name] = activation.shape
    }
    return activations.map { activation in
      guard activation.producer != "input" else {
        return "\(activation.name) \(activation.shape): a declared input"
      }
      let source = activation.source ?? "?"
      let call = "\(activation.producer)(\(source))"
      let head = activation.name == call ? call : "\(activation.name) = \(call)"
      let kind = activation.kind.map(withArticle) ?? (activation.relationship ?? "")
      let sourceShape = activation.sourceShape ?? shapes[source]
      let change =
        sourceShape == activation.shape
        ? "same shape as \(source)" : "\(sourceShape ?? "?") → \(activation.shape)"
      return "\(head) \(activation.shape): \(kind); \(change)"
    }
  }

  /// Prefixes a kind name with `a` or `an`, chosen by its first letter.
  private static func withArticle(_ kind: String) -> String {
    let startsWithVowel = kind.first.map { "AEIOU".contains($0) } ?? false
    return (startsWithVowel ? "an " : "a ") + kind
  }

  /// Joins names as `a and b` or `a, b and c`.
  static func listed(_ names: [String]) -> String {
    guard names.count > 1, let last = names.last else { return names.first ?? "" }
    return names.dropLast().joined(separator: ", ") + " and " + last
  }
}

/// Formats the lines of explanation sections, with locations as `path:line:column`.
struct SectionWriter {
  let path: String

  func place(_ location: SourceLocation) -> String {
    "\(path):\(location.line):\(location.column)"
  }

  /// Formats a titled section with indented lines, or `none` when there are no lines.
  func section(_ title: String, _ lines: [String]) -> String {
    let body = lines.isEmpty ? ["none"] : lines
    return "\n\(title)\n" + body.map { "  \($0)\n" }.joined()
  }

  /// Describes the requirement in words, such as `must equal linear_1.out_features = 30`.
  func tieText(_ tie: ConstantTie) -> String {
    var text = "must equal \(tie.actual)"
    if let value = tie.actualValue, tie.actual != String(value) { text += " = \(value)" }
    if !tie.isSatisfied, let value = tie.expectedValue { text += ", but is \(value)" }
    return text
  }

  /// Lists the quoted named constants of a group that are not written with other named
  /// constants. Only these can change alone: `c = 2 * a` follows `a`, and changing `c`
  /// by itself would break the ties that `a` keeps.
  static func independentNamedConstants(of group: ConstantGroup) -> [String] {
    group.members.filter { $0.layerName == nil && $0.namedConstants.isEmpty }.map { "'\($0.name)'" }
  }

  func groupLines(_ group: ConstantGroup, numbered: Bool) -> [String] {
    let indent = numbered ? "  " : ""
    var lines = group.members.map { indent + memberLine($0) }
    for tie in group.ties {
      var line = "\(indent)  \(tie.expected) \(tieText(tie)) (\(tie.reason))"
      if let input = tie.input {
        line += ", from the input '\(input.name)' (\(place(input.location)))"
      }
      lines.append(line)
    }
    let named = Self.independentNamedConstants(of: group)
    if group.followsNamedConstants, !named.isEmpty, !group.ties.isEmpty {
      let pronoun = named.count == 1 ? "it" : "them"
      lines.append(
        "\(indent)  changing \(ExplainTextRenderer.listed(named)) alone keeps these ties, "
          + "because the constants are written with \(pronoun)")
    }
    return lines
  }

  func freeLines(_ group: ConstantGroup, total: Int?) -> [String] {
    var lines = group.members.map(memberLine)
    if group.role == .inferred {
      lines.append("  the layer infers this size from its input")
      return lines
    }
    return lines + effectLines(group, total: total)
  }

  /// Lists what changing a group changes: activations, parameters and the parameter count.
  func effectLines(_ group: ConstantGroup, total: Int?) -> [String] {
    var lines: [String] = []
    guard let effect = group.effect else { return lines }
    var changes: [String] = []
    if !effect.activations.isEmpty {
      changes.append("the shapes of " + effect.activations.joined(separator: ", "))
    }
    if !effect.parameters.isEmpty {
      changes.append("the parameters " + effect.parameters.joined(separator: ", "))
    }
    lines.append("  changes " + (changes.isEmpty ? "no shape" : changes.joined(separator: " and ")))
    if let formula = effect.parameterCountFormula {
      let now = total.map { " (now \(groupedDigits($0)))" } ?? ""
      lines.append("  parameter count: \(formula)\(now)")
    }
    return lines
  }

  private func memberLine(_ member: ShapeConstant) -> String {
    let written =
      member.sourceText == String(member.value) ? "" : " (written as \(member.sourceText))"
    return "\(member.name) = \(member.value)\(written)  \(place(member.location))"
  }
}
