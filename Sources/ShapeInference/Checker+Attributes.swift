import ShapeDiagnostics
import ShapeLayers
import ShapeSource
import ShapeSymbolic
import ShapeSyntax

extension Checker {
  func attribute(_ name: Identifier, of base: Value, base baseExpression: Expression, expression: Expression)
    -> Value
  {
    switch base {
    case .unknown:
      return .unknown
    case .namespace(let namespace):
      return namespaceMember(name, of: namespace)
    case .layer(.single(let layer)):
      return layerAttribute(name, of: layer, expression: expression)
    case .tensor(let tensor) where name.name == "shape":
      return .shape(tensor.shape)
    case .tensor(let tensor) where name.name == "ndim":
      return .integer(IntegerValue(formula: .constant(tensor.shape.count), value: tensor.shape.count))
    case .parameter(_, let spec) where name.name == "shape":
      return .shape(spec.shape)
    case .absentParameter(let layer, let parameter):
      report(
        .missingBias,
        "'\(layer.name).\(parameter)' is None because '\(layer.name)' is built with 'bias=False', so it has no '\(name.name)'",
        at: expression.range,
        notes: [Note(message: "'bias=False' is set here", range: layer.range(of: "bias"))])
      return .unknown
    case .tensor where ["view", "reshape", "flatten", "unsqueeze", "squeeze", "permute"].contains(name.name):
      report(
        .unknownAttribute,
        "tensor methods such as '\(name.name)' are not part of the model language; reshape with "
          + "layers such as 'nn.Flatten()' or 'nn.Unflatten(1, (28, 28))'",
        at: name.range)
      return .unknown
    default:
      reportUnknownAttribute(name, of: base, candidates: knownAttributes(of: base))
      return .unknown
    }
  }

  private func namespaceMember(_ name: Identifier, of namespace: String) -> Value {
    switch (namespace, name.name) {
    case ("torch", "nn"): return .namespace("torch.nn")
    case ("torch", "Tensor"): return .tensorType
    case ("torch.nn", "Sequential"): return .layerConstructor("Sequential")
    case ("torch.nn", let member) where catalog.kind(named: member) != nil:
      return .layerConstructor(member)
    case ("torch.nn", let member):
      var fixIts: [FixIt] = []
      var message = "'\(member)' is not a layer kind that shapecheck knows"
      if let suggestion = closestName(to: member, among: catalog.names + ["Sequential"]) {
        message += "; did you mean '\(suggestion)'?"
        fixIts.append(FixIt(message: "replace with '\(suggestion)'", edits: [TextEdit(range: name.range, replacement: suggestion)]))
      }
      // The whole list helps only when no kind is close, and it would repeat for every typo.
      var notes: [Note] = []
      if fixIts.isEmpty {
        let known = (catalog.names + ["Sequential"]).sorted().joined(separator: ", ")
        notes.append(Note(message: "known kinds: \(known)"))
      }
      report(.unknownLayerKind, message, at: name.range, notes: notes, fixIts: fixIts)
      return .unknown
    default:
      report(.unknownAttribute, "'\(namespace)' has no member '\(name.name)' that shapecheck knows", at: name.range)
      return .unknown
    }
  }

  private func layerAttribute(_ name: Identifier, of layer: LayerInstance, expression: Expression) -> Value {
    // Parameters come first: in PyTorch `linear.bias` is the bias tensor (or None), not the
    // constructor's `bias=True` flag.
    if let parameter = layer.kind.parameters(of: layer).first(where: { $0.name == name.name }) {
      return .parameter(layer: layer, spec: parameter)
    }
    if name.name == "bias", layer.boolean("bias") == false {
      return .absentParameter(layer: layer, name: "bias")
    }
    if let spec = layer.kind.arguments.first(where: { $0.name == name.name }), let value = layer.arguments[spec.name] {
      return argumentValue(value, spec: spec, layer: layer)
    }
    reportUnknownAttribute(name, of: .layer(.single(layer)), candidates: knownAttributes(of: .layer(.single(layer))))
    return .unknown
  }

  /// Returns the value of a layer argument as an attribute. A shape constant is its symbol, so that
  /// `linear_1.out_features` keeps its formula in asserts.
  private func argumentValue(_ value: ArgumentValue, spec: ArgumentSpec, layer: LayerInstance) -> Value {
    switch value {
    case .integer(let number) where spec.isShapeConstant:
      let dim = layer.dimension(spec.name)
      return .integer(IntegerValue(formula: dim.formula, value: number, origin: dim.origin))
    case .integer(let number):
      return .integer(IntegerValue(formula: .constant(number), value: number))
    case .sizes(let numbers) where spec.isShapeConstant:
      return .tuple(
        numbers.indices.map { index in
          if isNoneEntry(numbers[index], of: spec) { return .none }
          let dim = layer.dimension("\(spec.name)[\(index)]")
          return .integer(IntegerValue(formula: dim.formula, value: numbers[index], origin: dim.origin))
        })
    case .sizes(let numbers):
      return .tuple(
        numbers.map { isNoneEntry($0, of: spec) ? .none : .integer(IntegerValue(formula: .constant($0), value: $0)) })
    case .float(let number): return .float(number)
    case .boolean(let flag): return .boolean(flag)
    case .string(let text): return .string(text)
    case .none: return .none
    }
  }

  private func knownAttributes(of value: Value) -> [String] {
    switch value {
    case .layer(.single(let layer)):
      // `bias` is both an argument and a parameter; it is listed once.
      let arguments = layer.kind.arguments.map(\.name)
      let parameters = layer.kind.parameters(of: layer).map(\.name).filter { !arguments.contains($0) }
      return arguments + parameters
    case .tensor: return ["shape", "ndim"]
    case .parameter: return ["shape"]
    default: return []
    }
  }

  private func reportUnknownAttribute(_ name: Identifier, of base: Value, candidates: [String]) {
    var message = "\(base.kindDescription) has no attribute '\(name.name)'"
    var fixIts: [FixIt] = []
    if let suggestion = closestName(to: name.name, among: candidates) {
      message += "; did you mean '\(suggestion)'?"
      fixIts.append(FixIt(message: "replace with '\(suggestion)'", edits: [TextEdit(range: name.range, replacement: suggestion)]))
    }
    let notes = candidates.isEmpty ? [] : [Note(message: "known attributes: " + candidates.joined(separator: ", "))]
    report(.unknownAttribute, message, at: name.range, notes: notes, fixIts: fixIts)
  }

  // MARK: - Subscripts

  func subscriptValue(_ base: Value, index: Expression, base baseExpression: Expression, expression: Expression)
    -> Value
  {
    if case .unknown = base { return .unknown }
    let indexValue = evaluate(index)
    if case .unknown = indexValue { return .unknown }
    guard case .integer(let integer) = indexValue, let position = integer.value else {
      report(.invalidOperand, "a subscript must be a constant integer, but is \(indexValue.kindDescription)", at: index.range)
      return .unknown
    }
    let count: Int
    switch base {
    case .shape(let dims): count = dims.count
    case .layer(.sequential(let sequential)): count = sequential.children.count
    case .tuple(let items), .list(let items): count = items.count
    default:
      report(.invalidOperand, "\(base.kindDescription) cannot be subscripted", at: expression.range)
      return .unknown
    }
    guard position >= -count, position < count else {
      report(
        .indexOutOfRange,
        "index \(position) is out of range for '\(source.text(in: baseExpression.range))', which has \(count) element\(count == 1 ? "" : "s")",
        at: index.range)
      return .unknown
    }
    let wrapped = position < 0 ? position + count : position
    switch base {
    case .shape(let dims):
      let dim = dims[wrapped]
      return .integer(IntegerValue(formula: dim.formula, value: (try? dim.formula.evaluated(bindings)) ?? nil, origin: dim.origin))
    case .layer(.sequential(let sequential)):
      return .layer(sequential.children[wrapped])
    case .tuple(let items), .list(let items):
      return items[wrapped]
    default:
      return .unknown
    }
  }
}
