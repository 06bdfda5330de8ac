import Foundation

extension Tensor {
  /// Returns the dimension index `dimension` refers to in a tensor of rank `rank`, counting
  /// negative values from the end as PyTorch does, or nil when it is out of range.
  ///
  /// As in PyTorch, a scalar (rank 0) accepts 0 and −1, which both return 0.
  public static func normalizedDimension(_ dimension: Int, rank: Int) -> Int? {
    let effectiveRank = max(rank, 1)
    guard dimension >= -effectiveRank, dimension < effectiveRank else { return nil }
    return dimension < 0 ? dimension + effectiveRank : dimension
  }

  /// Returns `torch.softmax(self, dim)`: exp(x − max) / Σ exp(x − max) along `dim`.
  ///
  /// Subtracting the maximum keeps large inputs from overflowing. As in PyTorch, a slice that
  /// contains NaN, contains +∞ or is all −∞ gives NaN throughout.
  ///
  /// - Precondition: `dim` is in −rank..<rank (−1 and 0 for a scalar).
  public func softmax(dim: Int) -> Tensor {
    mapSlices(dim: dim, operation: "softmax") { maximum, sum in
      let inverse = 1 / Float(sum)
      return { Foundation.exp($0 - maximum) * inverse }
    }
  }

  /// Returns `torch.log_softmax(self, dim)`: x − max − log(Σ exp(x − max)) along `dim`, in
  /// PyTorch's order of operations.
  ///
  /// - Precondition: `dim` is in −rank..<rank (−1 and 0 for a scalar).
  public func logSoftmax(dim: Int) -> Tensor {
    mapSlices(dim: dim, operation: "logSoftmax") { maximum, sum in
      let logSum = Float(Foundation.log(sum))
      return { $0 - maximum - logSum }
    }
  }

  /// Applies a function built per slice along `dim` to every element of the slice.
  ///
  /// `makeTransform` receives the slice's maximum and Σ exp(x − max), summed in Double, and
  /// returns the function from an input element to its output element.
  private func mapSlices(
    dim: Int, operation: String,
    makeTransform: (_ maximum: Float, _ sum: Double) -> (Float) -> Float
  ) -> Tensor {
    guard let axis = Tensor.normalizedDimension(dim, rank: rank) else {
      preconditionFailure("\(operation): dim \(dim) is out of range for shape \(shape)")
    }
    // With no zero dimension every partial product is at most `count`, so none overflows.
    guard !scalars.isEmpty else { return self }
    let size = rank == 0 ? 1 : shape[axis]
    let inner = rank == 0 ? 1 : shape[(axis + 1)...].reduce(1, *)
    let outer = scalars.count / (size * inner)

    var output = scalars
    scalars.withUnsafeBufferPointer { input in
      output.withUnsafeMutableBufferPointer { result in
        for outerIndex in 0..<outer {
          for innerIndex in 0..<inner {
            let start = outerIndex * size * inner + innerIndex
            let positions = stride(from: start, to: start + size * inner, by: inner)
            let maximum = Tensor.sliceMaximum(input, positions: positions)
            var sum = 0.0
            for position in positions {
              sum += Double(Foundation.exp(input[position] - maximum))
            }
            let transform = makeTransform(maximum, sum)
            for position in positions {
              result[position] = transform(input[position])
            }
          }
        }
      }
    }
    return Tensor(shape: shape, scalars: output)
  }

  /// Returns the maximum of the elements at `positions`, or NaN when one of them is NaN.
  private static func sliceMaximum(
    _ values: UnsafeBufferPointer<Float>, positions: StrideTo<Int>
  ) -> Float {
    var maximum = -Float.infinity
    for position in positions {
      let value = values[position]
      if value.isNaN { return .nan }
      if value > maximum { maximum = value }
    }
    return maximum
  }
}
