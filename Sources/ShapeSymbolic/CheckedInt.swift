/// Overflow-checked integer operations with Python semantics for division.
enum CheckedInt {
  /// Returns `a + b`, throwing `overflow` when it does not fit in `Int`.
  static func add(_ a: Int, _ b: Int) throws(SymbolicError) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    if overflow { throw .overflow }
    return sum
  }

  /// Returns `a * b`, throwing `overflow` when it does not fit in `Int`.
  static func multiply(_ a: Int, _ b: Int) throws(SymbolicError) -> Int {
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    if overflow { throw .overflow }
    return product
  }

  /// Returns `-a`, throwing `overflow` for `Int.min`.
  static func negate(_ a: Int) throws(SymbolicError) -> Int {
    if a == .min { throw .overflow }
    return -a
  }

  /// Returns Python's `a // b`, the quotient rounded toward negative infinity.
  ///
  /// Throws `divisionByZero` when `b` is 0 and `overflow` for `Int.min // -1`.
  static func floorDivide(_ a: Int, _ b: Int) throws(SymbolicError) -> Int {
    if b == 0 { throw .divisionByZero }
    if a == .min && b == -1 { throw .overflow }
    let quotient = a / b
    let remainder = a % b
    // Swift's division truncates toward zero, so an inexact negative quotient is 1 too high.
    if remainder != 0 && (remainder < 0) != (b < 0) {
      return quotient - 1
    }
    return quotient
  }

  /// Returns Python's `a % b`, which has the sign of `b`.
  ///
  /// Throws `divisionByZero` when `b` is 0. `Int.min % -1` is 0, as in Python.
  static func floorModulo(_ a: Int, _ b: Int) throws(SymbolicError) -> Int {
    if b == 0 { throw .divisionByZero }
    if b == -1 { return 0 }
    let remainder = a % b
    if remainder != 0 && (remainder < 0) != (b < 0) {
      return remainder + b
    }
    return remainder
  }

  /// Returns the greatest common divisor of the magnitudes of `a` and `b`.
  static func gcd(_ a: UInt, _ b: UInt) -> UInt {
    var (x, y) = (a, b)
    while y != 0 {
      (x, y) = (y, x % y)
    }
    return x
  }

  /// Returns `a + b`, or `Int.max` when the sum overflows. Sizes use it because they are only
  /// compared with a limit.
  static func saturatingAdd(_ a: Int, _ b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? .max : sum
  }

  /// Returns `a * b` for nonnegative operands, or `Int.max` when the product overflows.
  static func saturatingMultiply(_ a: Int, _ b: Int) -> Int {
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? .max : product
  }
}
