/// A failure of symbolic arithmetic or evaluation.
public enum SymbolicError: Error, Equatable, Sendable {
  /// An integer coefficient or value does not fit in `Int`.
  case overflow
  /// A floor division or modulo has a divisor equal to zero.
  case divisionByZero
  /// A formula would exceed `Dim.maxSize` or `Dim.maxFloorDepth`.
  case tooComplex
}
