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
    if op == .equal {
      assertedShapes.append(
        AssertedShape(left: leftDims.formulas, right: rightDims.formulas, range: condition.range))
    }
    switch op {
    case .equal, .notEqual:
      checkEquality(comparison, negated: op == .notEqual, condition: condition, lhs: lhs, rhs: rhs)
    default:
      checkOrdering(comparison, op: op, condition: condition)
    }
  }

  /// Returns the formulas of a shape, a list of integers or one integer (as a list of one, with a flag).
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
    let conditionText = source.text(in: condition.range)
    let sides =
      "the left side is \(comparison.describe(comparison.left)) and the right side is \(comparison.describe(comparison.right))"
    let verdict = comparison.verdict(normalize: normalizedByConstraints)
    switch (verdict, negated) {
    case (.differs, false), (.equalByFormula, true), (.equalByValue, true):
      report(.assertionFailed, "assertion '\(conditionText)' is false: \(sides)", at: condition.range)
    case (.equalByFormula, false), (.differs, true):
      return
    case (.undecided, _):
      report(
        .undecidedCheck, "cannot decide assertion '\(conditionText)'; \(sides), which depend on a free dimension",
        at: condition.range)
    case (.equalByValue, false):
      let general =
        comparison.leftIsScalar ? (comparison.left.first?.description ?? "") : comparison.formulaList(comparison.left)
      var fixIts: [FixIt] = []
      if case .list = rhs.kind, !comparison.leftIsScalar {
        fixIts.append(
          FixIt(message: "compare with the formula \(general)", edits: [TextEdit(range: rhs.range, replacement: general)]))
      }
      report(
        .assertionHoldsOnlyByValue,
        "'\(leftText) == \(rightText)' holds for the current constants but not in general: '\(leftText)' is \(general)",
        at: condition.range, fixIts: fixIts)
    }
  }

  /// Rewrites a formula with the equalities that the model's layers require, such as
  /// `linear_2.in_features` = `linear_1.out_features`, so that an assert that follows from the
  /// model's structure is true as a formula.
  func normalizedByConstraints(_ dim: Dim) -> Dim {
    var current = dim
    for _ in 0..<16 {
      let relevant = equalities.filter { current.symbols.contains($0.key) }
      guard !relevant.isEmpty, let next = try? current.substituting(relevant) else { break }
      current = next
    }
    return current
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

/// The outcome of comparing two shapes in an assert.
enum AssertionVerdict {
  /// Equal as formulas, so equal for every value of the constants.
  case equalByFormula
  /// Equal for the current constants only.
  case equalByValue
  case differs
  /// Depends on a free dimension.
  case undecided
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

  /// Compares the two sides dimension by dimension, first by formula, then by value.
  func verdict(normalize: (Dim) -> Dim) -> AssertionVerdict {
    guard left.count == right.count, leftIsScalar == rightIsScalar else { return .differs }
    var result = AssertionVerdict.equalByFormula
    for (a, b) in zip(left, right) {
      let byFormula = normalize(a).isEqual(to: normalize(b))
      if byFormula == .yes { continue }
      if let x = values(a), let y = values(b) {
        if x != y { return .differs }
        if result == .equalByFormula { result = .equalByValue }
      } else if byFormula == .no {
        return .differs
      } else {
        result = .undecided
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
