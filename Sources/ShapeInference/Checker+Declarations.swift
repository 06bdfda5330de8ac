import ShapeDiagnostics
import ShapeLayers
import ShapeSource
import ShapeSymbolic
import ShapeSyntax

extension Checker {
  /// Checks `name: Tensor[d0, d1, …]`, an input whose dimensions are constants or free symbols,
  /// or `name: int = value`, a constant.
  func declare(name: Identifier, annotation: Expression, value: Expression?, statement: Statement) {
    if case .name("int") = annotation.kind, let value {
      assign(target: name, value: value)
      return
    }
    guard case .subscripted(let base, let index) = annotation.kind, isTensorType(base) else {
      report(
        .invalidDeclaration,
        "'\(name.name)' must be declared as a tensor with its shape, such as '\(name.name): Tensor[784]'",
        at: annotation.range)
      return
    }
    if let value {
      report(
        .invalidDeclaration, "an input declaration takes no value; the data supplies it",
        at: value.range)
      return
    }
    if let existing = scope[name.name] {
      report(
        .redefinedName, "'\(name.name)' is already defined; give this input another name", at: name.range,
        notes: [Note(message: "'\(name.name)' was first defined here", range: existing.range)])
      return
    }
    let items: [Expression]
    if case .tuple(let elements) = index.kind { items = elements } else { items = [index] }
    var shape: [ShapeDim] = []
    for (axis, item) in items.enumerated() {
      guard let dim = declaredDimension(item, axis: axis, input: name.name) else {
        scope[name.name] = Binding(value: .unknown, range: name.range, isFixed: true)
        return
      }
      shape.append(dim)
    }
    let tensor = TensorValue(id: newTensorID(), shape: shape)
    plan.append(.input(id: tensor.id, name: name.name, shape: shape))
    scope[name.name] = Binding(value: .tensor(tensor), range: name.range, isFixed: true)
    activations.append(
      ActivationRecord(
        name: name.name, producer: "input", shape: shape, range: statement.range, steps: [], tensorID: tensor.id))
  }

  private func isTensorType(_ expression: Expression) -> Bool {
    switch expression.kind {
    case .name("Tensor"): return scope["Tensor"] == nil
    case .attribute(let base, let member): return member.name == "Tensor" && isTorch(base)
    default: return false
    }
  }

  private func isTorch(_ expression: Expression) -> Bool {
    if case .name("torch") = expression.kind { return scope["torch"] == nil }
    return false
  }

  private func declaredDimension(_ item: Expression, axis: Int, input: String) -> ShapeDim? {
    declareFreeSymbols(in: item)
    let value = evaluate(item)
    guard case .integer(let integer) = value else {
      if case .unknown = value { return nil }
      report(.invalidDeclaration, "dimension \(axis) of '\(input)' must be an integer or a name", at: item.range)
      return nil
    }
    if let value = integer.value, value < 1 {
      report(
        .invalidDeclaration, "dimension \(axis) of '\(input)' must be positive, but is \(value)", at: item.range)
      return nil
    }
    let origin =
      integer.origin
      ?? DimOrigin(description: "dimension \(axis) of the input '\(input)'", range: item.range)
    return ShapeDim(integer.formula, origin: origin)
  }

  /// Makes every name in a declared dimension that nothing defines a free symbol, such as the
  /// batch size `N` in `Tensor[N, 784]`.
  private func declareFreeSymbols(in expression: Expression) {
    var pending = [expression]
    while let next = pending.popLast() {
      switch next.kind {
      case .name(let name):
        guard scope[name] == nil, builtinValue(name) == nil, laterDefinitions[name] == nil else { continue }
        let symbol = Symbol(name)
        freeSymbols.append(symbol)
        let origin = DimOrigin(description: "the free dimension '\(name)'", range: next.range, symbol: symbol)
        scope[name] = Binding(
          value: .integer(IntegerValue(formula: .symbol(symbol), value: nil, origin: origin)), range: next.range,
          isFixed: true)
      case .binary(_, let lhs, let rhs):
        pending.append(contentsOf: [lhs, rhs])
      case .unary(_, let operand):
        pending.append(operand)
      default:
        continue
      }
    }
  }
}
