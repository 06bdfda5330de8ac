import ShapeSymbolic

/// A formula as written, before simplification, with a direct evaluator that follows Python's
/// integer semantics; the reference that simplified dims are checked against.
indirect enum ExpressionTree: CustomStringConvertible {
  case literal(Int)
  case symbol(String)
  case negation(ExpressionTree)
  case sum(ExpressionTree, ExpressionTree)
  case difference(ExpressionTree, ExpressionTree)
  case product(ExpressionTree, ExpressionTree)
  case floorQuotient(ExpressionTree, ExpressionTree)
  case remainder(ExpressionTree, ExpressionTree)

  /// The tree in fully parenthesized Python syntax, for failure messages.
  var description: String {
    switch self {
    case .literal(let value): return String(value)
    case .symbol(let name): return name
    case .negation(let operand): return "(-\(operand))"
    case .sum(let a, let b): return "(\(a) + \(b))"
    case .difference(let a, let b): return "(\(a) - \(b))"
    case .product(let a, let b): return "(\(a) * \(b))"
    case .floorQuotient(let a, let b): return "(\(a) // \(b))"
    case .remainder(let a, let b): return "(\(a) % \(b))"
    }
  }

  /// Builds the simplified dim through the public operations.
  func dim() throws(SymbolicError) -> Dim {
    switch self {
    case .literal(let value): return Dim(value)
    case .symbol(let name): return Dim(name)
    case .negation(let operand): return try operand.dim().negated()
    case .sum(let a, let b): return try a.dim().adding(b.dim())
    case .difference(let a, let b): return try a.dim().subtracting(b.dim())
    case .product(let a, let b): return try a.dim().multiplying(b.dim())
    case .floorQuotient(let a, let b): return try a.dim().floorDividing(by: b.dim())
    case .remainder(let a, let b): return try a.dim().modulo(b.dim())
    }
  }

  /// Evaluates the tree as Python would, evaluating both operands of every operator, with
  /// `Int` overflow reported as `overflow` where Python would use a big integer.
  func value(_ values: [String: Int]) throws(SymbolicError) -> Int {
    switch self {
    case .literal(let value):
      return value
    case .symbol(let name):
      return values[name]!
    case .negation(let operand):
      let a = try operand.value(values)
      if a == .min { throw .overflow }
      return -a
    case .sum(let a, let b):
      return try Self.checked(a.value(values).addingReportingOverflow(b.value(values)))
    case .difference(let a, let b):
      return try Self.checked(a.value(values).subtractingReportingOverflow(b.value(values)))
    case .product(let a, let b):
      return try Self.checked(a.value(values).multipliedReportingOverflow(by: b.value(values)))
    case .floorQuotient(let a, let b):
      return try Self.pythonFloorDivide(a.value(values), b.value(values))
    case .remainder(let a, let b):
      let dividend = try a.value(values)
      let divisor = try b.value(values)
      if divisor == 0 { throw .divisionByZero }
      if divisor == -1 { return 0 }
      let quotient = try Self.pythonFloorDivide(dividend, divisor)
      let product = try Self.checked(divisor.multipliedReportingOverflow(by: quotient))
      return try Self.checked(dividend.subtractingReportingOverflow(product))
    }
  }

  private static func checked(_ result: (Int, Bool)) throws(SymbolicError) -> Int {
    if result.1 { throw .overflow }
    return result.0
  }

  /// Python's `a // b`, computed independently of the module under test: the truncated
  /// quotient, lowered by 1 when the remainder is nonzero and has the opposite sign of `b`.
  static func pythonFloorDivide(_ a: Int, _ b: Int) throws(SymbolicError) -> Int {
    if b == 0 { throw .divisionByZero }
    if a == .min && b == -1 { throw .overflow }
    let (quotient, remainder) = a.quotientAndRemainder(dividingBy: b)
    if remainder != 0 && (remainder > 0) != (b > 0) { return quotient - 1 }
    return quotient
  }
}

/// A deterministic SplitMix64 generator, so that a failing case reproduces on every run.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Random expression trees over a few symbols and small literals.
struct TreeGenerator {
  static let symbolNames = ["x", "y", "z"]
  /// The largest magnitude of a small symbol value.
  static let smallBound = 7
  var random: SplitMix64

  /// Returns a random tree of at most `depth` operator levels.
  mutating func tree(depth: Int) -> ExpressionTree {
    if depth == 0 || Int.random(in: 0..<4, using: &random) == 0 {
      return leaf()
    }
    let a = tree(depth: depth - 1)
    switch Int.random(in: 0..<10, using: &random) {
    case 0: return .negation(a)
    case 1, 2: return .sum(a, tree(depth: depth - 1))
    case 3: return .difference(a, tree(depth: depth - 1))
    case 4, 5: return .product(a, tree(depth: depth - 1))
    case 6, 7: return .floorQuotient(a, divisor(depth: depth - 1))
    case 8: return .remainder(a, divisor(depth: depth - 1))
    default: return .sum(.product(.literal(Int.random(in: -6...6, using: &random)), a), leaf())
    }
  }

  /// Returns a divisor: mostly a small nonzero constant, which the simplifier rewrites most,
  /// sometimes any tree.
  private mutating func divisor(depth: Int) -> ExpressionTree {
    if Int.random(in: 0..<3, using: &random) == 0 {
      return tree(depth: depth)
    }
    let magnitude = Int.random(in: 1...6, using: &random)
    return .literal(Bool.random(using: &random) ? magnitude : -magnitude)
  }

  private mutating func leaf() -> ExpressionTree {
    if Bool.random(using: &random) {
      return .literal(Int.random(in: -5...5, using: &random))
    }
    return .symbol(Self.symbolNames.randomElement(using: &random)!)
  }

  /// Returns values for the symbols: mostly small, sometimes large, always including signs.
  mutating func assignment() -> [String: Int] {
    var values: [String: Int] = [:]
    for name in Self.symbolNames {
      let isLarge = Int.random(in: 0..<8, using: &random) == 0
      let bound = isLarge ? 100_000 : Self.smallBound
      values[name] = Int.random(in: -bound...bound, using: &random)
    }
    return values
  }
}
