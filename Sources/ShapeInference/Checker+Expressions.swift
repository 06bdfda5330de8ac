import ShapeDiagnostics
import ShapeLayers
import ShapeSource
import ShapeSymbolic
import ShapeSyntax

extension Checker {
  /// Evaluates an expression. `nameHint` names a layer constructed directly by this expression,
  /// as in `linear_1 = nn.Linear(784, 30)`.
  func evaluate(_ expression: Expression, nameHint: String? = nil) -> Value {
    switch expression.kind {
    case .name(let name):
      return lookUp(name, range: expression.range)
    case .integer(let text):
      return integerLiteral(text, range: expression.range)
    case .float(let value):
      return .float(value)
    case .string(let value):
      return .string(value)
    case .boolean(let value):
      return .boolean(value)
    case .none:
      return .none
    case .tuple(let items):
      return .tuple(items.map { evaluate($0) })
    case .list(let items):
      return .list(items.map { evaluate($0) })
    case .unary(let op, let operand):
      return unary(op, evaluate(operand), range: expression.range)
    case .binary(let op, let lhs, let rhs):
      return binary(op, lhs, rhs, range: expression.range)
    case .comparison:
      report(
        .unsupportedOperation, "comparisons are only allowed in 'assert' statements",
        at: expression.range)
      return .unknown
    case .call(let callee, let arguments):
      return evaluateCall(callee: callee, arguments: arguments, expression: expression, nameHint: nameHint)
    case .attribute(let base, let name):
      return attribute(name, of: evaluate(base), base: base, expression: expression)
    case .subscripted(let base, let index):
      return subscriptValue(evaluate(base), index: index, base: base, expression: expression)
    case .invalid:
      return .unknown
    }
  }

  private func integerLiteral(_ text: String, range: SourceRange) -> Value {
    let digits = text.filter { $0 != "_" }
    guard let value = Int(digits) else {
      report(
        .literalTooLarge,
        "the integer literal '\(text)' does not fit in 64 bits; sizes must be at most \(Int.max)",
        at: range)
      return .unknown
    }
    return .integer(IntegerValue(formula: .constant(value), value: value))
  }

  private func unary(_ op: UnaryOperator, _ operand: Value, range: SourceRange) -> Value {
    switch (op, operand) {
    case (.plus, .integer), (.plus, .float):
      return operand
    case (.minus, .float(let value)):
      return .float(-value)
    case (.minus, .integer(let integer)):
      return integerResult(range: range) { try integer.formula.negated() }
    case (_, .unknown):
      return .unknown
    default:
      report(
        .invalidOperand, "unary '\(op.rawValue)' needs a number, but the operand is \(operand.kindDescription)",
        at: range)
      return .unknown
    }
  }

  private func binary(_ op: BinaryOperator, _ lhs: Expression, _ rhs: Expression, range: SourceRange)
    -> Value
  {
    let left = evaluate(lhs)
    let right = evaluate(rhs)
    guard case .integer(let a) = left, case .integer(let b) = right else {
      if case .unknown = left { return .unknown }
      if case .unknown = right { return .unknown }
      let culprit = { if case .integer = left { return right } else { return left } }()
      report(
        .invalidOperand,
        "'\(op.rawValue)' needs two integers, but one side is \(culprit.kindDescription)", at: range)
      return .unknown
    }
    switch op {
    case .add: return integerResult(range: range) { try a.formula.adding(b.formula) }
    case .subtract: return integerResult(range: range) { try a.formula.subtracting(b.formula) }
    case .multiply: return integerResult(range: range) { try a.formula.multiplying(b.formula) }
    case .floorDivide: return integerResult(range: range) { try a.formula.floorDividing(by: b.formula) }
    case .modulo: return integerResult(range: range) { try a.formula.modulo(b.formula) }
    case .divide:
      reportTrueDivision(between: lhs, and: rhs, range: range)
      return .unknown
    case .power:
      return power(a, b, range: range)
    }
  }

  private func power(_ base: IntegerValue, _ exponent: IntegerValue, range: SourceRange) -> Value {
    guard let exponentValue = exponent.value, exponentValue >= 0, exponentValue <= 64 else {
      report(
        .unsupportedOperation, "'**' needs a constant exponent from 0 to 64 in sizes", at: range)
      return .unknown
    }
    return integerResult(range: range) {
      var result = Dim.constant(1)
      for _ in 0..<exponentValue {
        result = try result.multiplying(base.formula)
      }
      return result
    }
  }

  private func reportTrueDivision(between lhs: Expression, and rhs: Expression, range: SourceRange) {
    var fixIts: [FixIt] = []
    let gap = source.bytes[min(lhs.range.end, source.bytes.count)..<min(rhs.range.start, source.bytes.count)]
    if let slash = gap.firstIndex(of: UInt8(ascii: "/")) {
      fixIts.append(
        FixIt(
          message: "use floor division '//'",
          edits: [TextEdit(range: SourceRange(start: slash, end: slash + 1), replacement: "//")]))
    }
    report(
      .trueDivision, "'/' gives a float, but sizes are integers; use '//' for floor division",
      at: range, fixIts: fixIts)
  }

  /// Builds an integer from a formula computation, reporting overflow and division by zero.
  func integerResult(range: SourceRange, _ compute: () throws -> Dim) -> Value {
    do {
      let formula = try compute()
      let value = try formula.evaluated(bindings)
      return .integer(IntegerValue(formula: formula, value: value))
    } catch let error as SymbolicError {
      reportArithmetic(error, range: range)
      return .unknown
    } catch {
      report(.formulaTooComplex, "this expression could not be evaluated: \(error)", at: range)
      return .unknown
    }
  }

  func reportArithmetic(_ error: SymbolicError, range: SourceRange) {
    switch error {
    case .overflow:
      report(.arithmeticOverflow, "this expression overflows 64-bit integers", at: range)
    case .divisionByZero:
      report(.divisionByZero, "this expression divides by zero", at: range)
    case .tooComplex:
      report(
        .formulaTooComplex, "this expression's formula is too large to simplify; use fewer terms",
        at: range)
    }
  }
}
