// Evaluation of a dim under values of its symbols, and substitution of formulas for symbols.

extension Dim {
  /// Returns the value of the formula when every symbol has a value in `values`, or nil when
  /// some symbol has none.
  ///
  /// Floor divisions round toward negative infinity, as in Python. Throws `divisionByZero` when
  /// a divisor evaluates to 0, and `overflow` when the value of a term or of a divisor's operand
  /// does not fit in `Int`. The sum of the terms is exact even when a partial sum overflows.
  /// NOTE: products are evaluated in their expanded form, so `(x - y) * (x + y)` throws
  /// `overflow` when `x * x` overflows, even where `x == y` and the product is 0.
  /// A division that the simplifier cancelled (as in `x // y - x // y`) is not evaluated, so
  /// such a formula gives a value even where Python would raise `ZeroDivisionError`.
  public func evaluated(_ values: [Symbol: Int]) throws(SymbolicError) -> Int? {
    for symbol in symbols where values[symbol] == nil {
      return nil
    }
    return try value(values)
  }

  /// Returns the value of the formula, given a value for every symbol. Recursion depth is
  /// bounded by `maxFloorDepth`.
  fileprivate func value(_ values: [Symbol: Int]) throws(SymbolicError) -> Int {
    var sum = 0
    // The exact sum is `sum + wraps * 2^64`; it fits in Int exactly when `wraps` ends at 0.
    var wraps = 0
    for term in terms {
      let product = try term.value(values)
      let (next, overflow) = sum.addingReportingOverflow(product)
      if overflow {
        wraps += product > 0 ? 1 : -1
      }
      sum = next
    }
    if wraps != 0 { throw .overflow }
    return sum
  }

  /// Returns the formula with each symbol in `bindings` replaced by its formula, simplified
  /// again. Symbols without a binding stay.
  ///
  /// Throws like the arithmetic operations, for example `divisionByZero` when a divisor
  /// becomes the constant 0 and `tooComplex` when the result exceeds the size limit.
  public func substituting(_ bindings: [Symbol: Dim]) throws(SymbolicError) -> Dim {
    var result = Dim.zero
    for term in terms {
      var product = Dim(term.coefficient)
      for factor in term.monomial.factors {
        let base = try factor.atom.substituting(bindings)
        product = try product.multiplying(base.power(factor.exponent))
      }
      result = try result.adding(product)
    }
    return result
  }
}

extension Term {
  /// Returns the value of the term, given a value for every symbol in it.
  ///
  /// Every atom is evaluated before any multiplication, so that a zero divisor in any factor
  /// throws and a zero factor gives 0 even when the other factors would overflow. Without a zero
  /// factor no partial product is larger in magnitude than the whole product, so an overflow is
  /// then a real one.
  fileprivate func value(_ values: [Symbol: Int]) throws(SymbolicError) -> Int {
    var bases: [Int] = []
    bases.reserveCapacity(monomial.factors.count)
    for factor in monomial.factors {
      bases.append(try factor.atom.value(values))
    }
    if bases.contains(0) { return 0 }
    var product = coefficient
    for (factor, base) in zip(monomial.factors, bases) {
      for _ in 0..<factor.exponent {
        product = try CheckedInt.multiply(product, base)
      }
    }
    return product
  }
}

extension Atom {
  /// Returns the value of the atom, given a value for every symbol in it.
  fileprivate func value(_ values: [Symbol: Int]) throws(SymbolicError) -> Int {
    switch self {
    case .symbol(let symbol):
      // `evaluated` checked that every symbol has a value.
      return values[symbol] ?? 0
    case .floor(let numerator, let denominator):
      let dividend = try numerator.value(values)
      let divisor = try denominator.value(values)
      return try CheckedInt.floorDivide(dividend, divisor)
    }
  }

  /// Returns the atom with bindings applied, as a simplified dim.
  fileprivate func substituting(_ bindings: [Symbol: Dim]) throws(SymbolicError) -> Dim {
    switch self {
    case .symbol(let symbol):
      return bindings[symbol] ?? Dim(symbol: symbol)
    case .floor(let numerator, let denominator):
      let newNumerator = try numerator.substituting(bindings)
      let newDenominator = try denominator.substituting(bindings)
      return try newNumerator.floorDividing(by: newDenominator)
    }
  }
}
