// The parts of a canonical `Dim`: a sum of terms, each a nonzero coefficient times a monomial,
// each monomial a product of atoms raised to positive exponents.

/// An indivisible factor of a monomial: a symbol or a floor division that the simplifier
/// cannot reduce further.
enum Atom: Hashable, Sendable {
  /// A symbol.
  case symbol(Symbol)
  /// `numerator // denominator` in Python semantics.
  ///
  /// Invariant: the denominator is not a constant, or it is a constant greater than 1 and the
  /// numerator is not a constant. Both operands are canonical.
  indirect case floor(numerator: Dim, denominator: Dim)

  /// The contribution of the atom to `Dim.size`: 1 for a symbol, and 1 plus the sizes of the
  /// operands for a floor division.
  var size: Int {
    switch self {
    case .symbol:
      return 1
    case .floor(let numerator, let denominator):
      return CheckedInt.saturatingAdd(1, CheckedInt.saturatingAdd(numerator.size, denominator.size))
    }
  }

  /// The number of floor divisions nested in the atom, counting the atom itself.
  var floorDepth: Int {
    switch self {
    case .symbol:
      return 0
    case .floor(let numerator, let denominator):
      return 1 + max(numerator.floorDepth, denominator.floorDepth)
    }
  }
}

/// An atom raised to a positive exponent.
struct Factor: Hashable, Sendable {
  /// The base.
  let atom: Atom
  /// The power, at least 1.
  let exponent: Int
}

/// A product of factors; the empty product is the monomial of the constant term.
///
/// Invariant: `factors` is sorted by atom order and contains each atom at most once.
struct Monomial: Hashable, Sendable {
  /// The factors in atom order.
  let factors: [Factor]

  /// The monomial of a constant term.
  static let one = Monomial(factors: [])

  /// Whether this is the monomial of the constant term.
  var isOne: Bool { factors.isEmpty }

  /// The sum of the exponents.
  var degree: Int {
    factors.reduce(0) { CheckedInt.saturatingAdd($0, $1.exponent) }
  }

  /// The sum over the factors of exponent times atom size.
  var size: Int {
    factors.reduce(0) {
      CheckedInt.saturatingAdd($0, CheckedInt.saturatingMultiply($1.exponent, $1.atom.size))
    }
  }

  /// Multiplies two monomials by merging their factor lists and adding the exponents of
  /// shared atoms. Runs in time linear in the two lengths.
  func multiplying(_ other: Monomial) -> Monomial {
    var merged: [Factor] = []
    merged.reserveCapacity(factors.count + other.factors.count)
    var i = 0
    var j = 0
    while i < factors.count && j < other.factors.count {
      let order = factors[i].atom.compare(other.factors[j].atom)
      if order < 0 {
        merged.append(factors[i])
        i += 1
      } else if order > 0 {
        merged.append(other.factors[j])
        j += 1
      } else {
        // Exponents are bounded by Dim.maxSize, so the sum cannot overflow.
        let exponent = factors[i].exponent + other.factors[j].exponent
        merged.append(Factor(atom: factors[i].atom, exponent: exponent))
        i += 1
        j += 1
      }
    }
    merged.append(contentsOf: factors[i...])
    merged.append(contentsOf: other.factors[j...])
    return Monomial(factors: merged)
  }
}

/// A nonzero coefficient times a monomial.
struct Term: Hashable, Sendable {
  /// The integer factor, never 0.
  let coefficient: Int
  /// The product of atoms.
  let monomial: Monomial

  /// The contribution of the term to `Dim.size`: 1 plus the size of the monomial.
  var size: Int {
    CheckedInt.saturatingAdd(1, monomial.size)
  }
}
