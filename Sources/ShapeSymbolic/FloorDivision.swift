// Python floor division and modulo of canonical dims, with the rules that move whole parts of
// the numerator out of a division by a constant.

extension Dim {
  /// Returns Python's `self // other`, rounding toward negative infinity.
  ///
  /// A divisor that is the constant 0 throws `divisionByZero`. A negative constant divisor
  /// negates the numerator, so it throws `overflow` for `Int.min // -1` and for a symbolic
  /// numerator with an `Int.min` coefficient. A positive constant divisor is simplified by
  /// `normalizedFloor(byPositive:)`.
  ///
  /// A symbolic divisor is kept in a floor division atom and never cancelled against the
  /// numerator, because it may be 0: `x // x` stays `x // x`, and `0 // x` stays `0 // x`.
  public func floorDividing(by other: Dim) throws(SymbolicError) -> Dim {
    guard let divisor = other.constantValue else {
      return try floorAtom(dividingBy: other)
    }
    if divisor == 0 { throw .divisionByZero }
    if let value = constantValue {
      return Dim(try CheckedInt.floorDivide(value, divisor))
    }
    if divisor < 0 {
      // n // d == (-n) // (-d) because both divide the same rational number.
      return try negated().normalizedFloor(byPositive: CheckedInt.negate(divisor))
    }
    return try normalizedFloor(byPositive: divisor)
  }

  /// Returns Python's `self % other`, which has the sign of the divisor, as
  /// `self - other * (self // other)`.
  ///
  /// Throws like `floorDividing(by:)`, except that a divisor of 1 or -1 gives 0 without
  /// overflow, as in Python (`Int.min % -1 == 0`).
  public func modulo(_ other: Dim) throws(SymbolicError) -> Dim {
    if let divisor = other.constantValue {
      if divisor == 0 { throw .divisionByZero }
      if divisor == 1 || divisor == -1 { return .zero }
      if let value = constantValue {
        return Dim(try CheckedInt.floorModulo(value, divisor))
      }
    }
    let quotient = try floorDividing(by: other)
    return try subtracting(other.multiplying(quotient))
  }

  /// Returns `self // divisor` for a constant `divisor > 0` and a non-constant `self`.
  ///
  /// Writing the numerator as `divisor * m + r`, where `m` collects the terms whose
  /// coefficients are multiples of `divisor` plus the floor quotient of the constant term, the
  /// result is `m + r // divisor`, because `m` is an integer for all values of the symbols. The
  /// remaining floor division is then normalized so that equal divisions get equal atoms:
  /// - its constant term lies in `0 ..< divisor` (so `(H - 2) // 2 + 1` becomes `H // 2`);
  /// - it is dropped when `r` is a constant, because then `0 <= r < divisor`;
  /// - the coefficients and the divisor are divided by their greatest common divisor `g`, using
  ///   `(g*a + c) // (g*e) == (a + c // g) // e`;
  /// - `(a // b + c) // d` becomes `(a + c*b) // (b*d)` for constants `b, d > 0`.
  ///
  /// Recursion happens only in the last step and lowers the floor depth, so it is bounded by
  /// `maxFloorDepth`. Runs in time linear in the size of `self` per level.
  func normalizedFloor(byPositive divisor: Int) throws(SymbolicError) -> Dim {
    if divisor == 1 { return self }

    var quotientTerms: [Term] = []
    var remainderTerms: [Term] = []
    var constant = 0
    for term in terms {
      if term.monomial.isOne {
        constant = term.coefficient
      } else if term.coefficient % divisor == 0 {
        let coefficient = term.coefficient / divisor
        quotientTerms.append(Term(coefficient: coefficient, monomial: term.monomial))
      } else {
        remainderTerms.append(term)
      }
    }
    let constantQuotient = try CheckedInt.floorDivide(constant, divisor)
    let constantRemainder = try CheckedInt.floorModulo(constant, divisor)
    if constantQuotient != 0 {
      quotientTerms.append(Term(coefficient: constantQuotient, monomial: .one))
    }
    let quotient = try Dim(sortedTerms: quotientTerms)
    if remainderTerms.isEmpty { return quotient }

    let remainder = try Dim.reducedFloor(
      terms: remainderTerms, constant: constantRemainder, divisor: divisor)
    return try quotient.adding(remainder)
  }

  /// Returns `(sum of terms + constant) // divisor` after dividing out the greatest common
  /// divisor and merging a nested division, for `divisor > 1`, `0 <= constant < divisor`,
  /// and nonempty `terms` whose coefficients are not multiples of `divisor`.
  private static func reducedFloor(
    terms: [Term], constant: Int, divisor: Int
  ) throws(SymbolicError) -> Dim {
    var common = UInt(divisor)
    for term in terms {
      common = CheckedInt.gcd(common, term.coefficient.magnitude)
    }
    // `common` divides `divisor`, so it fits in Int and the quotients below are exact.
    let g = Int(common)
    var numeratorTerms = terms.map {
      Term(coefficient: $0.coefficient / g, monomial: $0.monomial)
    }
    let reducedConstant = constant / g
    let reducedDivisor = divisor / g
    if reducedConstant != 0 {
      numeratorTerms.append(Term(coefficient: reducedConstant, monomial: .one))
    }
    let numerator = try Dim(sortedTerms: numeratorTerms)

    if let merged = try numerator.mergedNestedFloor(
      constant: reducedConstant, divisor: reducedDivisor)
    {
      return merged
    }
    return try numerator.floorAtom(dividingBy: Dim(reducedDivisor))
  }

  /// Returns `(a + c*b) // (b*d)` when `self` is `a // b + c` for a constant `b`, or nil when
  /// `self` has another form or `b*d` overflows.
  private func mergedNestedFloor(constant: Int, divisor: Int) throws(SymbolicError) -> Dim? {
    guard let first = terms.first, first.coefficient == 1,
      first.monomial.factors.count == 1,
      case .floor(let inner, let innerDivisorDim) = first.monomial.factors[0].atom,
      first.monomial.factors[0].exponent == 1,
      terms.count == 1 || (terms.count == 2 && terms[1].monomial.isOne),
      let innerDivisor = innerDivisorDim.constantValue
    else {
      return nil
    }
    let (combinedDivisor, divisorOverflow) = innerDivisor.multipliedReportingOverflow(by: divisor)
    let (shift, shiftOverflow) = constant.multipliedReportingOverflow(by: innerDivisor)
    if divisorOverflow || shiftOverflow { return nil }
    let numerator = try inner.adding(Dim(shift))
    return try numerator.floorDividing(by: Dim(combinedDivisor))
  }

  /// Returns the dim made of the single atom `self // denominator`, without simplification
  /// except a sign change that makes the first term of a symbolic denominator positive.
  func floorAtom(dividingBy denominator: Dim) throws(SymbolicError) -> Dim {
    var numerator = self
    var divisor = denominator
    if denominator.constantValue == nil, let lead = denominator.terms.first, lead.coefficient < 0,
      let negatedNumerator = try? numerator.negated(),
      let negatedDivisor = try? divisor.negated()
    {
      numerator = negatedNumerator
      divisor = negatedDivisor
    }
    let atom = Atom.floor(numerator: numerator, denominator: divisor)
    let monomial = Monomial(factors: [Factor(atom: atom, exponent: 1)])
    return try Dim(sortedTerms: [Term(coefficient: 1, monomial: monomial)])
  }
}
