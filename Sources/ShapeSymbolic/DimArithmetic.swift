// Addition, subtraction, negation and multiplication of canonical dims.

extension Dim {
  /// Returns `self + other`, combining like terms and dropping terms that cancel.
  ///
  /// Runs in time linear in the number of terms. Throws `overflow` when a combined coefficient
  /// does not fit in `Int`, and `tooComplex` past the size limit.
  public func adding(_ other: Dim) throws(SymbolicError) -> Dim {
    var merged: [Term] = []
    merged.reserveCapacity(terms.count + other.terms.count)
    var i = 0
    var j = 0
    while i < terms.count && j < other.terms.count {
      let order = terms[i].monomial.compare(other.terms[j].monomial)
      if order < 0 {
        merged.append(terms[i])
        i += 1
      } else if order > 0 {
        merged.append(other.terms[j])
        j += 1
      } else {
        let coefficient = try CheckedInt.add(terms[i].coefficient, other.terms[j].coefficient)
        if coefficient != 0 {
          merged.append(Term(coefficient: coefficient, monomial: terms[i].monomial))
        }
        i += 1
        j += 1
      }
    }
    merged.append(contentsOf: terms[i...])
    merged.append(contentsOf: other.terms[j...])
    return try Dim(sortedTerms: merged)
  }

  /// Returns `self - other`.
  public func subtracting(_ other: Dim) throws(SymbolicError) -> Dim {
    try adding(other.negated())
  }

  /// Returns `-self`; throws `overflow` when a coefficient is `Int.min`.
  public func negated() throws(SymbolicError) -> Dim {
    try scaled(by: -1)
  }

  /// Returns `self` with every coefficient multiplied by the nonzero `factor`.
  func scaled(by factor: Int) throws(SymbolicError) -> Dim {
    if factor == 0 { return .zero }
    var scaledTerms: [Term] = []
    scaledTerms.reserveCapacity(terms.count)
    for term in terms {
      let coefficient = try CheckedInt.multiply(term.coefficient, factor)
      scaledTerms.append(Term(coefficient: coefficient, monomial: term.monomial))
    }
    return try Dim(sortedTerms: scaledTerms)
  }

  /// Returns `self * other`, distributing the product over both sums.
  ///
  /// Throws `overflow` when a coefficient does not fit in `Int`, and `tooComplex` past the size
  /// limit. Because the size of a term is at least 1, the distribution stops with `tooComplex`
  /// as soon as it has produced more than `maxSize` distinct monomials, even when later terms
  /// would cancel some of them. The work is bounded by the product of the operands' sizes.
  public func multiplying(_ other: Dim) throws(SymbolicError) -> Dim {
    if let value = constantValue { return try other.scaled(by: value) }
    if let value = other.constantValue { return try scaled(by: value) }

    var coefficients: [Monomial: Int] = [:]
    for a in terms {
      for b in other.terms {
        let product = try CheckedInt.multiply(a.coefficient, b.coefficient)
        let monomial = a.monomial.multiplying(b.monomial)
        let sum = try CheckedInt.add(coefficients[monomial, default: 0], product)
        coefficients[monomial] = sum
        if coefficients.count > Dim.maxSize { throw .tooComplex }
      }
    }

    var productTerms: [Term] = []
    for (monomial, coefficient) in coefficients where coefficient != 0 {
      productTerms.append(Term(coefficient: coefficient, monomial: monomial))
    }
    productTerms.sort { $0.monomial.compare($1.monomial) < 0 }
    return try Dim(sortedTerms: productTerms)
  }

  /// Returns `self` raised to the power `exponent` (at least 1) by repeated multiplication.
  func power(_ exponent: Int) throws(SymbolicError) -> Dim {
    var result = self
    var remaining = exponent - 1
    while remaining > 0 {
      result = try result.multiplying(self)
      remaining -= 1
    }
    return result
  }
}
