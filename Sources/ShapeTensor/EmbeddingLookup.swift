import Foundation

/// The embedding lookup of PyTorch's `torch.nn.functional.embedding` in evaluation mode.
public enum EmbeddingLookup {
  /// Replaces each index in `indices` by row `index` of `weight`.
  ///
  /// Indices arrive as float32 values, as every tensor in this module stores them, and must be
  /// whole numbers in `0 ..< num_embeddings`. `padding_idx` changes only gradients, so this
  /// kernel has no parameter for it.
  ///
  /// - Parameters:
  ///   - indices: Any shape, including rank 0.
  ///   - weight: `[num_embeddings, embedding_dim]`.
  ///   - maxNorm: When given, each output row whose `normType`-norm exceeds it is scaled by
  ///     `maxNorm / (norm + 1e-7)`, as PyTorch scales the row. PyTorch also writes that row back
  ///     into the weight, but this kernel leaves `weight` unchanged.
  ///   - normType: The `p` of the p-norm used with `maxNorm`. Infinity means the largest
  ///     absolute value.
  /// - Returns: `indices.shape + [embedding_dim]`.
  /// - Throws: `EmbeddingError` for an invalid weight shape or an invalid index.
  public static func embedding(
    _ indices: Tensor, weight: Tensor, maxNorm: Float? = nil, normType: Float = 2
  ) throws(EmbeddingError) -> Tensor {
    guard weight.rank == 2 else { throw .invalidWeightShape(shape: weight.shape) }
    let (count, dimension) = (weight.shape[0], weight.shape[1])
    let outputShape = indices.shape + [dimension]
    guard let outputCount = Tensor.elementCount(of: outputShape) else {
      throw .outputTooLarge(indices: indices.shape, embeddingDim: dimension)
    }

    var output: [Float] = []
    output.reserveCapacity(outputCount)
    for (position, value) in indices.scalars.enumerated() {
      let row = try rowIndex(value, position: position, count: count)
      var values = weight.scalars[(row * dimension)..<((row + 1) * dimension)]
      if let maxNorm {
        let norm = pNorm(values, p: normType)
        if norm > Double(maxNorm) {
          let scale = Float(Double(maxNorm) / (norm + 1e-7))
          values = ArraySlice(values.map { $0 * scale })
        }
      }
      output.append(contentsOf: values)
    }
    return Tensor(shape: outputShape, scalars: output)
  }

  private static func rowIndex(
    _ value: Float, position: Int, count: Int
  ) throws(EmbeddingError) -> Int {
    guard value.isFinite, value.rounded(.towardZero) == value else {
      throw .nonIntegerIndex(value: value, position: position)
    }
    // Compare as Float before converting, because Int(value) traps outside Int's range.
    guard value >= 0, value < Float(count), Int(value) < count else {
      throw .indexOutOfRange(value: value, position: position, numEmbeddings: count)
    }
    return Int(value)
  }

  private static func pNorm(_ values: ArraySlice<Float>, p: Float) -> Double {
    if p == .infinity { return values.reduce(0) { max($0, Double(abs($1))) } }
    let exponent = Double(p)
    let sum = values.reduce(0.0) { $0 + pow(Double(abs($1)), exponent) }
    return pow(sum, 1 / exponent)
  }
}
