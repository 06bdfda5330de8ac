import ShapeDiagnostics
import ShapeLayers
import ShapeSource
import ShapeSymbolic
import ShapeSyntax

extension Checker {
  func evaluateCall(callee: Expression, arguments: [Argument], expression: Expression, nameHint: String?)
    -> Value
  {
    let calleeValue = evaluate(callee)
    switch calleeValue {
    case .layerConstructor("Sequential"):
      return constructSequential(arguments: arguments, expression: expression, nameHint: nameHint)
    case .layerConstructor(let kindName):
      guard let kind = catalog.kind(named: kindName) else { return .unknown }
      return construct(kind, arguments: arguments, expression: expression, nameHint: nameHint)
    case .layer(let layer):
      return applyCall(layer, arguments: arguments, expression: expression)
    case .unknown:
      return .unknown
    case .tensor:
      report(
        .notCallable,
        "'\(source.text(in: callee.range))' is a tensor, not a layer; only layers can be applied to tensors",
        at: callee.range)
      return .unknown
    default:
      report(
        .notCallable, "'\(source.text(in: callee.range))' is \(calleeValue.kindDescription), which cannot be called",
        at: callee.range)
      return .unknown
    }
  }

  /// Chooses a name for a layer, unique in the model: the assigned name when there is one and it is
  /// free, else the kind and position, such as `linear@12:5`.
  private func layerName(hint: String?, kind: String, range: SourceRange) -> String {
    if let hint, !usedLayerNames.contains(hint), scope[hint] == nil {
      return hint
    }
    let location = source.location(of: range.start)
    return "\(kind.lowercased())@\(location.line):\(location.column)"
  }

  private func construct(
    _ kind: any LayerKind, arguments: [Argument], expression: Expression, nameHint: String?
  ) -> Value {
    guard admitsAnotherLayer(at: expression.range) else { return .unknown }
    let name = layerName(hint: nameHint, kind: kind.name, range: expression.range)
    guard let bound = bindArguments(arguments, to: kind, callRange: expression.range) else {
      return .unknown
    }
    var values: [String: ArgumentValue] = [:]
    var ranges: [String: SourceRange] = [:]
    var formulas: [String: (Dim, Expression)] = [:]
    var entries: [String: Expression] = [:]
    var isValid = true
    for spec in kind.arguments {
      if let (value, argumentExpression) = bound[spec.name] {
        ranges[spec.name] = argumentExpression.range
        guard let converted = convert(value, to: spec, layerName: name, expression: argumentExpression) else {
          isValid = false
          continue
        }
        let written = entryExpressions(of: argumentExpression, argument: spec.name, value: converted)
        ranges.merge(written.mapValues(\.range)) { $1 }
        entries.merge(written) { $1 }
        values[spec.name] = converted
        if case .integer(let integer) = value { formulas[spec.name] = (integer.formula, argumentExpression) }
      } else if let defaultValue = spec.defaultValue {
        values[spec.name] = defaultValue
      } else {
        report(
          .missingArgument, "'\(kind.name)' needs the argument '\(spec.name)'", at: expression.range,
          notes: [Note(message: "the arguments of '\(kind.name)' are \(signature(of: kind))")])
        isValid = false
      }
    }
    guard isValid else { return .unknown }
    let layer = LayerInstance(
      name: name, kind: kind, arguments: values, argumentRanges: ranges,
      callRange: expression.range, constructionIndex: layers.count)
    for problem in kind.validate(layer) {
      report(problem.code ?? .invalidArgument, problem.message, at: layer.range(of: problem.argument))
      isValid = false
    }
    guard isValid else { return .unknown }
    bindShapeConstants(of: layer, formulas: formulas, entries: entries)
    usedLayerNames.insert(name)
    layers.append(layer)
    return .layer(.single(layer))
  }

  /// Returns the expression of each entry of a sizes argument under names such as
  /// `normalized_shape[1]`, so that a check of one entry points at it and its fix-it changes
  /// only that entry. A single value written for a one-entry sizes argument is its entry 0,
  /// and a name bound to a longer tuple has no entries.
  private func entryExpressions(
    of expression: Expression, argument: String, value: ArgumentValue
  ) -> [String: Expression] {
    guard case .sizes(let sizes) = value else { return [:] }
    switch expression.kind {
    case .tuple(let items), .list(let items):
      var entries: [String: Expression] = [:]
      for (index, item) in items.enumerated() {
        entries["\(argument)[\(index)]"] = item
      }
      return entries
    default:
      return sizes.count == 1 ? ["\(argument)[0]": expression] : [:]
    }
  }

  /// Gives each shape-constant argument a symbol, such as `linear_1.out_features`, bound to
  /// its value, so that formulas can name it.
  private func bindShapeConstants(
    of layer: LayerInstance, formulas: [String: (Dim, Expression)], entries: [String: Expression]
  ) {
    for spec in layer.kind.arguments where spec.isShapeConstant {
      let range = layer.range(of: spec.name)
      switch layer.arguments[spec.name] {
      case .integer(let value)?:
        let written = formulas[spec.name]
        define(
          layer.symbol(spec.name), value: value, formula: written?.0 ?? .constant(value), range: range,
          layer: layer, expression: written?.1)
      case .sizes(let values)?:
        for (index, value) in values.enumerated() where !isNoneEntry(value, of: spec) {
          let entry = "\(spec.name)[\(index)]"
          define(
            layer.symbol(entry), value: value, formula: .constant(value), range: layer.range(of: entry),
            layer: layer, expression: entries[entry])
        }
      default:
        continue
      }
    }
  }

  // swiftlint:disable:next function_parameter_count
  private func define(
    _ symbol: Symbol, value: Int, formula: Dim, range: SourceRange, layer: LayerInstance,
    expression: Expression?
  ) {
    bindings[symbol] = value
    definitions[symbol] = SymbolDefinition(
      value: value, formula: formula, range: range,
      isLiteral: expression.map(isIntegerLiteral) ?? false, layerName: layer.name)
  }

  /// Whether a tuple entry stands for `None`, which `spatialOrNone` arguments store as -1.
  func isNoneEntry(_ value: Int, of spec: ArgumentSpec) -> Bool {
    if case .spatialOrNone = spec.type { return value == -1 }
    return false
  }

  func signature(of kind: any LayerKind) -> String {
    kind.arguments.filter { spec in
      if case .any = spec.type { return false }
      return true
    }
    .map { spec in spec.defaultValue.map { "\(spec.name)=\($0)" } ?? spec.name }
    .joined(separator: ", ")
  }

  /// Matches positional and keyword arguments to the kind's parameters, as Python does.
  private func bindArguments(_ arguments: [Argument], to kind: any LayerKind, callRange: SourceRange)
    -> [String: (Value, Expression)]?
  {
    var bound: [String: (Value, Expression)] = [:]
    var isValid = true
    var position = 0
    for argument in arguments {
      let name: String
      if let label = argument.label {
        guard kind.arguments.contains(where: { $0.name == label.name }) else {
          reportUnknownArgument(label, kind: kind)
          isValid = false
          continue
        }
        name = label.name
      } else {
        guard position < kind.arguments.count else {
          report(
            .tooManyArguments,
            "'\(kind.name)' takes at most \(kind.arguments.count) positional arguments",
            at: argument.range,
            notes: [Note(message: "the arguments of '\(kind.name)' are \(signature(of: kind))")])
          isValid = false
          continue
        }
        name = kind.arguments[position].name
        position += 1
      }
      if bound[name] != nil {
        report(.duplicateArgument, "'\(name)' is given more than once", at: argument.range)
        isValid = false
        continue
      }
      bound[name] = (evaluate(argument.value), argument.value)
    }
    return isValid ? bound : nil
  }

  private func reportUnknownArgument(_ label: Identifier, kind: any LayerKind) {
    var fixIts: [FixIt] = []
    var message = "'\(kind.name)' has no argument '\(label.name)'"
    if let suggestion = closestName(to: label.name, among: kind.arguments.map(\.name)) {
      message += "; did you mean '\(suggestion)'?"
      fixIts.append(
        FixIt(message: "replace with '\(suggestion)'", edits: [TextEdit(range: label.range, replacement: suggestion)]))
    }
    report(
      .unknownArgument, message, at: label.range,
      notes: [Note(message: "the arguments of '\(kind.name)' are \(signature(of: kind))")], fixIts: fixIts)
  }

  private func constructSequential(arguments: [Argument], expression: Expression, nameHint: String?) -> Value {
    let name = layerName(hint: nameHint, kind: "Sequential", range: expression.range)
    usedLayerNames.insert(name)
    var children: [LayerReference] = []
    var isValid = true
    for (index, argument) in arguments.enumerated() {
      if let label = argument.label {
        report(.unknownArgument, "'Sequential' takes layers by position, not '\(label.name)='", at: label.range)
        isValid = false
        continue
      }
      // PyTorch names a child by its position, so a child that fails keeps its number.
      switch evaluate(argument.value, nameHint: "\(name).\(index)") {
      case .layer(let child):
        children.append(child)
      case .unknown:
        isValid = false
      case let other:
        report(
          .invalidArgument, "'Sequential' takes layers, but argument \(index + 1) is \(other.kindDescription)",
          at: argument.value.range)
        isValid = false
      }
    }
    guard isValid else { return .unknown }
    let sequential = SequentialInstance(name: name, children: children, callRange: expression.range)
    if sequential.depth > CheckerLimits.maxSequentialDepth {
      report(
        .modelTooLarge,
        "'\(name)' nests Sequentials \(sequential.depth) levels deep, more than the limit of \(CheckerLimits.maxSequentialDepth); put the layers of inner Sequentials into fewer levels",
        at: expression.range)
      return .unknown
    }
    if sequential.layerApplications > CheckerLimits.maxLayerApplications {
      report(
        .modelTooLarge,
        "'\(name)' runs more than the limit of \(CheckerLimits.maxLayerApplications) layers when applied, because it contains Sequentials that run their layers once for each time they appear; contain them fewer times",
        at: expression.range)
      return .unknown
    }
    sequentials.append(sequential)
    return .layer(.sequential(sequential))
  }
}
