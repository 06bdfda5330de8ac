import Foundation
import ShapeDiagnostics
import ShapeInference
import ShapeLayers
import ShapeSource
import ShapeSymbolic

/// One `--what-if NAME=VALUE`: a constant and the value to try.
public struct WhatIfRequest: Sendable, Equatable {
  public var name: String
  public var value: Int

  public init(name: String, value: Int) {
    self.name = name
    self.value = value
  }

  /// Parses `NAME=VALUE` texts against the model's constants.
  public static func parse(_ texts: [String], in analysis: ModelAnalysis) throws(WhatIfError)
    -> [WhatIfRequest]
  {
    let known = analysis.definitions.keys.map(\.name).sorted()
    var requests: [WhatIfRequest] = []
    for text in texts {
      guard let equals = text.firstIndex(of: "=") else {
        throw WhatIfError(
          "invalid --what-if '\(text)'; write NAME=VALUE, such as linear_1.out_features=50")
      }
      let name = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
      let valueText = String(text[text.index(after: equals)...]).trimmingCharacters(
        in: .whitespaces)
      guard known.contains(name) else {
        let list =
          known.isEmpty
          ? "the model has none" : "the known constants are " + known.joined(separator: ", ")
        throw WhatIfError("unknown constant '\(name)' in --what-if; \(list)")
      }
      guard let value = Int(valueText) else {
        throw WhatIfError(
          "invalid value '\(valueText)' for '\(name)' in --what-if; it must be an integer")
      }
      guard !requests.contains(where: { $0.name == name }) else {
        throw WhatIfError("'\(name)' is given more than once in --what-if")
      }
      requests.append(WhatIfRequest(name: name, value: value))
    }
    return requests
  }
}

/// An invalid `--what-if` argument; the CLI reports it as a usage error.
public struct WhatIfError: Error, CustomStringConvertible {
  public var description: String

  init(_ description: String) {
    self.description = description
  }
}

/// The consequences of changing some constants of a model.
public struct WhatIfOutcome: Sendable {
  /// The requested changes, each with its old value and place.
  public var changes: [ConstantChange]
  /// The requested constants whose value text cannot be edited, such as an element of a tuple
  /// written with names; the outcome leaves them unchanged.
  public var unappliedRequests: [String] = []
  /// Other constants that must change to keep the model consistent, in the order found.
  public var requiredChanges: [ConstantChange]
  /// New errors and warnings of the changed model that no required change repairs, as
  /// `line:column: severity: message [code]`.
  public var remainingProblems: [String]
  public var activationChanges: [ShapeChange]
  public var parameterChanges: [ShapeChange]
  public var parameterCountBefore: Int?
  public var parameterCountAfter: Int?
}

/// A constant's value before and after a change.
public struct ConstantChange: Sendable {
  public var name: String
  public var oldValue: Int
  public var newValue: Int
  public var location: SourceLocation
}

/// A tensor's shape before and after a change, such as `act1: [30] → [50]`.
public struct ShapeChange: Sendable {
  public var name: String
  /// The old shape, or nil when the original model has no such tensor: a layer on its path
  /// was not built, and the change repaired it.
  public var before: String?
  /// The new shape, or nil when the changed model has no such tensor: a layer on its path
  /// is not built, because the change made its arguments invalid.
  public var after: String?
}

/// Applies `--what-if` changes to an in-memory copy of a model and reports their consequences.
public enum WhatIf {
  /// The maximum number of rounds of required changes to follow; each round can reveal the next.
  static let maxRounds = 16

  /// Sets each requested constant, then repeatedly sets every other literal constant that a
  /// mismatch requires, and compares the result with the original. Places in the outcome are
  /// those of the original file.
  public static func apply(_ requests: [WhatIfRequest], to original: ModelAnalysis) -> WhatIfOutcome
  {
    var history = EditHistory(original: original.source)
    var current = original
    var changes: [ConstantChange] = []
    var unapplied: [String] = []
    // One request at a time, so that two elements of an argument written as one integer,
    // such as kernel_size=3, each see the tuple that the other one wrote.
    for request in requests {
      guard let edit = SourceEditor.edit(setting: request.name, to: request.value, in: current),
        let updated = reanalyze(current, edits: [edit])
      else {
        unapplied.append(request.name)
        continue
      }
      changes.append(change(request.name, to: request.value, in: current, at: edit, history: history))
      history.record([edit])
      current = updated
    }
    let requested = Set(requests.map(\.name))
    var required: [ConstantChange] = []
    let known = Set(original.diagnostics.map(key))
    for _ in 0..<maxRounds {
      let next = requiredEdits(
        in: current, excluding: requested.union(required.map(\.name)), known: known, history: history)
      guard !next.isEmpty, let updated = reanalyze(current, edits: next.map(\.edit)) else { break }
      required += next.map(\.change)
      history.record(next.map(\.edit))
      current = updated
    }
    var result = outcome(
      original: original, changed: current, changes: changes, required: required, history: history)
    result.unappliedRequests = unapplied
    return result
  }

  /// Describes setting `name` to `value` by `edit` on `analysis`, the latest version in
  /// `history`, with the place of the edit in the original file.
  private static func change(
    _ name: String, to value: Int, in analysis: ModelAnalysis, at edit: TextEdit, history: EditHistory
  )
    -> ConstantChange
  {
    let definition = analysis.definitions[Symbol(name)]
    return ConstantChange(
      name: name, oldValue: definition?.value ?? 0, newValue: value,
      location: history.originalLocation(ofLatest: edit.range.start))
  }

  private static func reanalyze(_ analysis: ModelAnalysis, edits: [TextEdit]) -> ModelAnalysis? {
    guard let bytes = SourceEditor.apply(edits, to: analysis.source.bytes) else { return nil }
    return ModelCheck.analyze(SourceFile(path: analysis.source.path, bytes: bytes))
  }

  /// Returns the edits that set each mismatched consumer constant to the value flowing into it.
  /// Mismatches that the original file already had are left out, and so are constants the user
  /// chose and those not written as an integer literal.
  private static func requiredEdits(
    in analysis: ModelAnalysis, excluding names: Set<String>, known: Set<String>,
    history: EditHistory
  ) -> [(change: ConstantChange, edit: TextEdit)] {
    var result: [(change: ConstantChange, edit: TextEdit)] = []
    var chosen = names
    for diagnostic in analysis.diagnostics where diagnostic.code.id.hasPrefix("shape.") {
      guard !known.contains(key(diagnostic)), let name = diagnostic.facts["argument"],
        !chosen.contains(name), let value = diagnostic.facts["actual"].flatMap({ Int($0) }),
        let definition = analysis.definitions[Symbol(name)], definition.isLiteral,
        let edit = SourceEditor.edit(setting: name, to: value, in: analysis)
      else { continue }
      chosen.insert(name)
      result.append((change(name, to: value, in: analysis, at: edit, history: history), edit))
    }
    return result
  }

  /// Identifies a diagnostic across versions of a file, whose positions may shift.
  private static func key(_ diagnostic: Diagnostic) -> String {
    "\(diagnostic.code.id)|\(diagnostic.message)"
  }

  private static func outcome(
    original: ModelAnalysis, changed: ModelAnalysis, changes: [ConstantChange],
    required: [ConstantChange], history: EditHistory
  ) -> WhatIfOutcome {
    let known = Set(original.diagnostics.map(key))
    let remaining = changed.diagnostics.filter {
      $0.severity >= .warning && !known.contains(key($0))
    }
    let explainer = ExplanationBuilder(analysis: original)
    let after = ExplanationBuilder(analysis: changed)
    return WhatIfOutcome(
      changes: changes, requiredChanges: required,
      remainingProblems: remaining.map { diagnostic in
        let location = history.originalLocation(ofLatest: diagnostic.range.start)
        let head = "\(location.line):\(location.column): \(diagnostic.severity.rawValue)"
        return "\(head): \(diagnostic.message) [\(diagnostic.code.id)]"
      },
      activationChanges: shapeChanges(
        before: original.activations.map {
          ($0.name, original.valuesOrFormulas(of: $0.shape))
        },
        after: changed.activations.map { ($0.name, changed.valuesOrFormulas(of: $0.shape)) }),
      parameterChanges: shapeChanges(
        before: original.parameters.map {
          ($0.qualifiedName, original.valuesOrFormulas(of: $0.spec.shape))
        },
        after: changed.parameters.map {
          ($0.qualifiedName, changed.valuesOrFormulas(of: $0.spec.shape))
        }),
      parameterCountBefore: losesLayers(changed, original) ? nil : explainer.parameterCount(),
      parameterCountAfter: losesLayers(original, changed) ? nil : after.parameterCount())
  }

  /// Returns whether a layer of `model` is not built in `other`: its arguments are invalid
  /// there, so the parameter count of `other` would leave it out.
  private static func losesLayers(_ model: ModelAnalysis, _ other: ModelAnalysis) -> Bool {
    let built = Set(other.layers.map(\.name))
    return model.layers.contains { !built.contains($0.name) }
  }

  /// Returns the entries whose shape differs, matched by name, then those that only one of
  /// the models has. The first entry of a name counts.
  private static func shapeChanges(before: [(String, String)], after: [(String, String)])
    -> [ShapeChange]
  {
    var newShapes: [String: String] = [:]
    for (name, shape) in after where newShapes[name] == nil { newShapes[name] = shape }
    var seen: Set<String> = []
    var changes: [ShapeChange] = []
    for (name, shape) in before where seen.insert(name).inserted && newShapes[name] != shape {
      changes.append(ShapeChange(name: name, before: shape, after: newShapes[name]))
    }
    for (name, shape) in after where seen.insert(name).inserted {
      changes.append(ShapeChange(name: name, before: nil, after: shape))
    }
    return changes
  }
}
