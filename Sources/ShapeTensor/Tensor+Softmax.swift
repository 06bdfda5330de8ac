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
    normalizeSlices(dim: dim, logarithmic: false)
  }

  /// Returns `torch.log_softmax(self, dim)`: x − max − log(Σ exp(x − max)) along `dim`, in
  /// PyTorch's order of operations.
  ///
  /// - Precondition: `dim` is in −rank..<rank (−1 and 0 for a scalar).
  public func logSoftmax(dim: Int) -> Tensor {
    normalizeSlices(dim: dim, logarithmic: true)
  }

  /// Computes softmax, or log-softmax when `logarithmic` is true, of every slice along `dim`,
  /// with Σ exp(x − max) summed in Double.
  private func normalizeSlices(dim: Int, logarithmic: Bool) -> Tensor {
    guard let axis = Tensor.normalizedDimension(dim, rank: rank) else {
      let operation = logarithmic ? "logSoftmax" : "softmax"
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
            Tensor.normalizeSlice(
              input, into: result, positions: positions, logarithmic: logarithmic)
          }
        }
      }
    }
    return Tensor(shape: shape, scalars: output)
  }

  /// Writes softmax, or log-softmax when `logarithmic` is true, of the elements of `input` at
  /// `positions` to the same positions of `output`.
  private static func normalizeSlice(
    _ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>,
    positions: StrideTo<Int>, logarithmic: Bool
  ) {
    let maximum = sliceMaximum(input, positions: positions)
    var sum = 0.0
    for position in positions {
      sum += Double(Foundation.exp(input[position] - maximum))
    }

    if logarithmic {
      let logSum = Float(Foundation.log(sum))
      for position in positions {
        output[position] = input[position] - maximum - logSum
      }
    } else {
      let inverse = 1 / Float(sum)
      for position in positions {
        output[position] = Foundation.exp(input[position] - maximum) * inverse
      }
    }
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
