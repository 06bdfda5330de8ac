import Testing

@testable import ShapeTensor

/// Comparisons for kernel outputs that allow for a different summation order than PyTorch's.
enum SpatialKernelCheck {
  /// The tolerance: `|actual - expected| <= tolerance * max(1, |expected|)`, because values near
  /// zero come from cancelling sums whose rounding error scales with their terms, not with the
  /// result.
  static let tolerance: Float = 1e-5

  /// Expects equal shapes and every element within `tolerance`, with NaN matching NaN, and
  /// lists the first mismatches.
  static func expectClose(
    _ actual: Tensor, _ expected: Tensor, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(actual.shape == expected.shape, sourceLocation: sourceLocation)
    guard actual.shape == expected.shape else { return }
    var mismatches: [String] = []
    for (index, (value, reference)) in zip(actual.scalars, expected.scalars).enumerated()
    where !isClose(value, reference) {
      mismatches.append("element \(index): \(value) != \(reference)")
    }
    #expect(
      mismatches.isEmpty,
      "\(mismatches.count) mismatches: \(mismatches.prefix(5).joined(separator: "; "))",
      sourceLocation: sourceLocation)
  }

  private static func isClose(_ value: Float, _ reference: Float) -> Bool {
    if reference.isNaN { return value.isNaN }
    if reference.isInfinite { return value == reference }
    return abs(value - reference) <= tolerance * max(1, abs(reference))
  }

  /// Expects `actual` to have `shape` and elements within `tolerance` of `scalars`.
  static func expectClose(
    _ actual: Tensor, shape: [Int], _ scalars: [Float],
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    expectClose(actual, Tensor(shape: shape, scalars: scalars), sourceLocation: sourceLocation)
  }
}
