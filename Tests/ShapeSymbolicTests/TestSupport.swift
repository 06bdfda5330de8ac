import ShapeSymbolic

// Throwing operators that keep the tests close to the formulas they check. `%/` stands for
// Python's `//`, which is a comment in Swift.

infix operator %/: MultiplicationPrecedence

extension Dim {
  static func + (lhs: Dim, rhs: Dim) throws(SymbolicError) -> Dim { try lhs.adding(rhs) }
  static func - (lhs: Dim, rhs: Dim) throws(SymbolicError) -> Dim { try lhs.subtracting(rhs) }
  static func * (lhs: Dim, rhs: Dim) throws(SymbolicError) -> Dim { try lhs.multiplying(rhs) }
  static func %/ (lhs: Dim, rhs: Dim) throws(SymbolicError) -> Dim {
    try lhs.floorDividing(by: rhs)
  }
  static func % (lhs: Dim, rhs: Dim) throws(SymbolicError) -> Dim { try lhs.modulo(rhs) }
  static prefix func - (operand: Dim) throws(SymbolicError) -> Dim { try operand.negated() }
}

/// Returns the error that `operation` threw, or nil when it returned.
///
/// Closures infer untyped `throws`, so the error is cast back; any other error type fails the
/// cast and is reported as nil.
func thrownError<T>(_ operation: () throws -> T) -> SymbolicError? {
  do {
    _ = try operation()
    return nil
  } catch {
    return error as? SymbolicError
  }
}
