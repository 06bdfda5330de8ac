import ShapeDiagnostics
import ShapeLayers
import ShapeSource
import ShapeSymbolic
import ShapeSyntax

extension Checker {
  /// Checks `assert a == b` (or `!=`, `<`, …) on shapes and sizes in two ways: by the current
  /// values, and by formula, so that an assert that holds only for today's constants is flagged.
  func checkAssertion(_ condition: Expression) {
    guard case .comparison(let op, let lhs, let rhs) = condition.kind else {
      report(
        .assertionUnsupported, "an assert must compare shapes or sizes, such as 'assert x.shape == [784]'",
        at: condition.range)
      return
    }
    let left = evaluate(lhs)
    let right = evaluate(rhs)
    guard let leftDims = dims(of: left), let rightDims = dims(of: right) else {
      if case .unknown = left { return }
      if case .unknown = right { return }
      report(
        .assertionUnsupported,
        "an assert must compare shapes or integers, but compares \(left.kindDescription) with \(right.kindDescription)",
        at: condition.range)
      return
    }
    let comparison = AssertionComparison(
      left: leftDims, right: rightDims, values: { [bindings] dim in (try? dim.evaluated(bindings)) ?? nil })
    switch op {
    case .equal, .notEqual:
      checkEquality(comparison, negated: op == .notEqual, condition: condition, lhs: lhs, rhs: rhs)
    default:
      checkOrdering(comparison, op: op, condition: condition)
    }
  }

  /// The formulas of a shape, a list of integers or one integer (as a list of one, with a flag).
  private func dims(of value: Value) -> (formulas: [Dim], isScalar: Bool)? {
    switch value {
    case .shape(let shape): return (shape.map(\.formula), false)
    case .integer(let integer): return ([integer.formula], true)
    case .list(let items), .tuple(let items):
      var formulas: [Dim] = []
      for item in items {
        guard case .integer(let integer) = item else { return nil }
        formulas.append(integer.formula)
      }
      return (formulas, false)
    default: return nil
    }
  }

  private func checkEquality(
    _ comparison: AssertionComparison, negated: Bool, condition: Expression, lhs: Expression, rhs: Expression
  ) {
    let leftText = source.text(in: lhs.range)
    let rightText = source.text(in: rhs.range)
    let sides =
      "the left side is \(comparison.describe(comparison.left)) and the right side is \(comparison.describe(comparison.right))"
    let equalByValue = comparison.valuesEqual
    let equalByFormula = comparison.formulasEqual
    let holds: Bool? = negated ? equalByValue.map { !$0 } : equalByValue
    if holds == false || (!negated && equalByFormula == .no) || (negated && equalByFormula == .yes) {
      report(.assertionFailed, "assertion '\(source.text(in: condition.range))' is false: \(sides)", at: condition.range)
      return
    }
    if !negated, equalByFormula == .yes { return }
    if negated, holds == true { return }
    guard holds == true else {
      report(
        .undecidedCheck, "cannot decide assertion '\(source.text(in: condition.range))'; \(sides), which depend on a free dimension",
        at: condition.range)
      return
    }
    let general = comparison.formulaList(comparison.left)
    var fixIts: [FixIt] = []
    if case .list = rhs.kind, !comparison.leftIsScalar {
      fixIts.append(FixIt(message: "compare with the formula \(general)", edits: [TextEdit(range: rhs.range, replacement: general)]))
    }
    report(
      .assertionHoldsOnlyByValue,
      "'\(leftText) == \(rightText)' holds for the current constants but not in general: '\(leftText)' is \(general)",
      at: condition.range, fixIts: fixIts)
  }

  private func checkOrdering(_ comparison: AssertionComparison, op: ComparisonOperator, condition: Expression) {
    guard comparison.leftIsScalar, comparison.rightIsScalar,
      let left = comparison.left.first, let right = comparison.right.first
    else {
      report(.assertionUnsupported, "'\(op.rawValue)' compares integers, not shapes", at: condition.range)
      return
    }
    guard let a = comparison.values(left), let b = comparison.values(right) else {
      report(
        .undecidedCheck, "cannot decide assertion '\(source.text(in: condition.range))'; it depends on a free dimension",
        at: condition.range)
      return
    }
    let holds: Bool
    switch op {
    case .less: holds = a < b
    case .lessOrEqual: holds = a <= b
    case .greater: holds = a > b
    default: holds = a >= b
    }
    if !holds {
      report(.assertionFailed, "assertion '\(source.text(in: condition.range))' is false: \(a) \(op.rawValue) \(b) does not hold", at: condition.range)
    }
  }
}

/// The two sides of an asserted comparison, as formulas, with their values.
struct AssertionComparison {
  var left: [Dim]
  var right: [Dim]
  var leftIsScalar: Bool
  var rightIsScalar: Bool
  var values: (Dim) -> Int?

  init(left: (formulas: [Dim], isScalar: Bool), right: (formulas: [Dim], isScalar: Bool), values: @escaping (Dim) -> Int?) {
    self.left = left.formulas
    self.right = right.formulas
    self.leftIsScalar = left.isScalar
    self.rightIsScalar = right.isScalar
    self.values = values
  }

  /// Whether the values are equal, or nil when some value depends on a free symbol.
  var valuesEqual: Bool? {
    guard left.count == right.count, leftIsScalar == rightIsScalar else { return false }
    var allKnown = true
    for (a, b) in zip(left, right) {
      guard let x = values(a), let y = values(b) else {
        allKnown = false
        continue
      }
      if x != y { return false }
    }
    return allKnown ? true : nil
  }

  var formulasEqual: Decision {
    guard left.count == right.count, leftIsScalar == rightIsScalar else { return .no }
    var result = Decision.yes
    for (a, b) in zip(left, right) {
      switch a.isEqual(to: b) {
      case .no: return .no
      case .unknown: result = .unknown
      case .yes: continue
      }
    }
    return result
  }

  func formulaList(_ dims: [Dim]) -> String {
    "[" + dims.map(\.description).joined(separator: ", ") + "]"
  }

  func describe(_ dims: [Dim]) -> String {
    let valuesText = "[" + dims.map { values($0).map(String.init) ?? "?" }.joined(separator: ", ") + "]"
    let formulas = formulaList(dims)
    return formulas == valuesText ? valuesText : "\(formulas) = \(valuesText)"
  }
}
