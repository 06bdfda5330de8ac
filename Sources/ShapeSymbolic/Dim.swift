/// A tensor dimension as a formula over integer literals and symbols, combined with
/// `+ - * //`, kept in a canonical form.
///
/// The canonical form is a sum of terms sorted by the order in `CanonicalOrder.swift`. Each
/// term is a nonzero `Int` coefficient times a monomial, and each monomial is a product of atoms
/// raised to positive exponents. An atom is a symbol or a floor division that the simplifier
/// cannot reduce. Two dims are `==` exactly when their canonical forms are identical, so formulas
/// that the simplifier proves equal compare equal. Formulas that it cannot prove equal, such as
/// `x // x` and `1`, compare unequal even where their values agree.
///
/// Every operation checks its integer arithmetic for overflow and throws
/// `SymbolicError.tooComplex` instead of building a formula larger than `maxSize` or with
/// floor divisions nested deeper than `maxFloorDepth`.
public struct Dim: Hashable, Sendable {
  /// The largest allowed `size` of a formula.
  public static let maxSize = 512

  /// The largest allowed nesting of floor divisions inside one another.
  public static let maxFloorDepth = 64

  /// The terms, sorted by monomial order, with distinct monomials and nonzero coefficients.
  let terms: [Term]

  /// The number of terms plus the number of atom occurrences, where an atom raised to the
  /// power `e` counts `e` times and a floor division counts 1 plus the sizes of its operands.
  /// The constant 0 has size 0, any other constant size 1, and `2 * x * x + y // 3` size 8.
  public let size: Int

  /// The number of floor divisions nested in one another; 0 when there is none.
  public let floorDepth: Int

  /// Creates a dim from terms that already satisfy the ordering invariant, after checking the
  /// size and depth limits.
  init(sortedTerms: [Term]) throws(SymbolicError) {
    var size = 0
    var depth = 0
    for term in sortedTerms {
      size = CheckedInt.saturatingAdd(size, term.size)
      for factor in term.monomial.factors {
        depth = max(depth, factor.atom.floorDepth)
      }
    }
    if size > Dim.maxSize || depth > Dim.maxFloorDepth {
      throw .tooComplex
    }
    self.init(terms: sortedTerms, size: size, floorDepth: depth)
  }

  /// Stores the fields as they are.
  private init(terms: [Term], size: Int, floorDepth: Int) {
    self.terms = terms
    self.size = size
    self.floorDepth = floorDepth
  }

  /// The constant 0.
  public static let zero = Dim(0)

  /// Creates the constant `value`.
  public init(_ value: Int) {
    if value == 0 {
      self.init(terms: [], size: 0, floorDepth: 0)
    } else {
      self.init(terms: [Term(coefficient: value, monomial: .one)], size: 1, floorDepth: 0)
    }
  }

  /// Creates the symbol called `name`.
  public init(_ name: String) {
    self.init(symbol: Symbol(name))
  }

  /// Creates the formula made of `symbol` alone.
  public init(symbol: Symbol) {
    let monomial = Monomial(factors: [Factor(atom: .symbol(symbol), exponent: 1)])
    self.init(terms: [Term(coefficient: 1, monomial: monomial)], size: 2, floorDepth: 0)
  }

  /// Returns the constant `value`.
  public static func constant(_ value: Int) -> Dim {
    Dim(value)
  }

  /// Returns the formula made of `symbol` alone.
  public static func symbol(_ symbol: Symbol) -> Dim {
    Dim(symbol: symbol)
  }

  /// The value of a formula without symbols; nil when it has a symbol.
  ///
  /// A floor division always contains a symbol, because the simplifier folds constant ones.
  public var constantValue: Int? {
    guard let first = terms.first else { return 0 }
    if terms.count == 1 && first.monomial.isOne {
      return first.coefficient
    }
    return nil
  }

  /// Every symbol in the formula, including those inside floor divisions.
  public var symbols: Set<Symbol> {
    var result: Set<Symbol> = []
    collectSymbols(into: &result)
    return result
  }

  /// Adds the symbols of the formula to `result`; recursion depth is bounded by
  /// `maxFloorDepth`.
  private func collectSymbols(into result: inout Set<Symbol>) {
    for term in terms {
      for factor in term.monomial.factors {
        switch factor.atom {
        case .symbol(let symbol):
          result.insert(symbol)
        case .floor(let numerator, let denominator):
          numerator.collectSymbols(into: &result)
          denominator.collectSymbols(into: &result)
        }
      }
    }
  }
}

extension Dim: ExpressibleByIntegerLiteral {
  /// Creates the constant `value`.
  public init(integerLiteral value: Int) {
    self.init(value)
  }
}
