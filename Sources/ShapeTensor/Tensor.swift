/// A dense Float32 tensor stored contiguously in row-major (C) order, as PyTorch stores a
/// contiguous tensor.
public struct Tensor: Sendable, Equatable {
  /// The size of each dimension; empty for a scalar.
  public private(set) var shape: [Int]
  /// The elements in row-major order; `scalars.count` is the product of `shape`.
  public var scalars: [Float]

  /// Creates a tensor from its shape and elements.
  ///
  /// - Precondition: `scalars.count` equals the product of `shape`, and no dimension is negative.
  public init(shape: [Int], scalars: [Float]) {
    precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in \(shape)")
    precondition(
      Tensor.elementCount(of: shape) == scalars.count,
      "shape \(shape) needs \(String(describing: Tensor.elementCount(of: shape))) elements, got \(scalars.count)")
    self.shape = shape
    self.scalars = scalars
  }

  /// Creates a tensor of `shape` filled with `value`.
  public init(shape: [Int], repeating value: Float) {
    let count = Tensor.elementCount(of: shape) ?? 0
    self.init(shape: shape, scalars: [Float](repeating: value, count: count))
  }

  /// The number of elements.
  public var count: Int { scalars.count }

  /// The number of dimensions.
  public var rank: Int { shape.count }

  /// Returns the same elements viewed with another shape of equal element count, or nil when the
  /// counts differ.
  public func reshaped(to newShape: [Int]) -> Tensor? {
    guard newShape.allSatisfy({ $0 >= 0 }), Tensor.elementCount(of: newShape) == scalars.count else {
      return nil
    }
    var copy = self
    copy.shape = newShape
    return copy
  }

  /// The product of `shape`, or nil when it overflows `Int`.
  public static func elementCount(of shape: [Int]) -> Int? {
    var product = 1
    for size in shape {
      let (next, overflow) = product.multipliedReportingOverflow(by: size)
      if overflow { return nil }
      product = next
    }
    return product
  }
}
