// Symbolic equality of dims.

extension Dim {
  /// Decides whether `self == other` for all values of the symbols.
  ///
  /// Returns `yes` when the canonical forms are equal, `no` when their difference is a nonzero
  /// constant, and `unknown` otherwise, including when the difference overflows or exceeds the
  /// size limit. A `yes` ignores division by zero: `x // y - x // y` and `0` are equal here.
  public func isEqual(to other: Dim) -> Decision {
    if self == other { return .yes }
    guard let difference = try? subtracting(other) else { return .unknown }
    if let value = difference.constantValue {
      return value == 0 ? .yes : .no
    }
    return .unknown
  }
}
