// The total order on atoms, monomials and dims that sorts the terms of a canonical `Dim`.
// Each `compare` returns a negative number, zero or a positive number, like `strcmp`.

extension Atom {
  /// Orders symbols by name before floor divisions, and floor divisions by numerator, then by
  /// denominator. Recursion depth is bounded by `Dim.maxFloorDepth`.
  func compare(_ other: Atom) -> Int {
    switch (self, other) {
    case (.symbol(let a), .symbol(let b)):
      return a == b ? 0 : (a < b ? -1 : 1)
    case (.symbol, .floor):
      return -1
    case (.floor, .symbol):
      return 1
    case (.floor(let numeratorA, let denominatorA), .floor(let numeratorB, let denominatorB)):
      let numeratorOrder = numeratorA.compare(numeratorB)
      if numeratorOrder != 0 { return numeratorOrder }
      return denominatorA.compare(denominatorB)
    }
  }
}

extension Monomial {
  /// Orders monomials by degree, highest first, then factor by factor: lower atom first, and
  /// for the same atom the higher exponent first. The constant monomial comes last.
  func compare(_ other: Monomial) -> Int {
    let degreeA = degree
    let degreeB = other.degree
    if degreeA != degreeB { return degreeA > degreeB ? -1 : 1 }
    for (a, b) in zip(factors, other.factors) {
      let atomOrder = a.atom.compare(b.atom)
      if atomOrder != 0 { return atomOrder }
      if a.exponent != b.exponent { return a.exponent > b.exponent ? -1 : 1 }
    }
    return compareCounts(factors.count, other.factors.count)
  }
}

extension Dim {
  /// Orders dims term by term, comparing monomials and then coefficients; a dim that is a
  /// prefix of another comes first.
  func compare(_ other: Dim) -> Int {
    for (a, b) in zip(terms, other.terms) {
      let monomialOrder = a.monomial.compare(b.monomial)
      if monomialOrder != 0 { return monomialOrder }
      if a.coefficient != b.coefficient { return a.coefficient < b.coefficient ? -1 : 1 }
    }
    return compareCounts(terms.count, other.terms.count)
  }
}

/// Returns -1, 0 or 1 as `a` is less than, equal to or greater than `b`.
private func compareCounts(_ a: Int, _ b: Int) -> Int {
  a == b ? 0 : (a < b ? -1 : 1)
}
