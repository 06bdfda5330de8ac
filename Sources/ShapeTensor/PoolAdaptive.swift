extension Pooling {
  /// Computes `adaptive_avg_pool1d` over `[N, C, L]` or `[C, L]` input.
  ///
  /// Output element `i` of a dimension of input size `L` and output size `n` covers the input
  /// range `floor(i * L / n) ..< ceil((i + 1) * L / n)`, as in PyTorch.
  ///
  /// - Parameters:
  ///   - input: `[N, C, L]` or unbatched `[C, L]`.
  ///   - outputSize: The output length, or nil to keep the input length as `None` does in
  ///     PyTorch.
  /// - Returns: `[N, C, L_out]`, or `[C, L_out]` for unbatched input.
  /// - Throws: `PoolError` when the input is empty or an output size is negative.
  public static func adaptiveAvgPool1d(_ input: Tensor, outputSize: [Int?]) throws(PoolError)
    -> Tensor
  {
    try adaptivePool(input, outputSize: outputSize, spatialRank: 1, reduce: average)
  }

  /// Computes `adaptive_avg_pool2d` over `[N, C, H, W]` or `[C, H, W]` input.
  ///
  /// Output element `i` of a dimension of input size `L` and output size `n` covers the input
  /// range `floor(i * L / n) ..< ceil((i + 1) * L / n)`, as in PyTorch.
  ///
  /// - Parameters:
  ///   - input: `[N, C, H, W]` or unbatched `[C, H, W]`.
  ///   - outputSize: The output size, one entry for both dimensions or one per dimension. A
  ///     nil entry keeps that input size, as `None` does in PyTorch.
  /// - Returns: `[N, C, H_out, W_out]`, or `[C, H_out, W_out]` for unbatched input.
  /// - Throws: `PoolError` when the input is empty or an output size is negative.
  public static func adaptiveAvgPool2d(_ input: Tensor, outputSize: [Int?]) throws(PoolError)
    -> Tensor
  {
    try adaptivePool(input, outputSize: outputSize, spatialRank: 2, reduce: average)
  }

  /// Computes `adaptive_max_pool1d` over `[N, C, L]` or `[C, L]` input.
  ///
  /// The windows are those of `adaptiveAvgPool1d`, and NaN wins its window.
  ///
  /// - Parameters:
  ///   - input: `[N, C, L]` or unbatched `[C, L]`.
  ///   - outputSize: The output length, or nil to keep the input length as `None` does in
  ///     PyTorch.
  /// - Returns: `[N, C, L_out]`, or `[C, L_out]` for unbatched input.
  /// - Throws: `PoolError` when the input is empty or an output size is negative.
  public static func adaptiveMaxPool1d(_ input: Tensor, outputSize: [Int?]) throws(PoolError)
    -> Tensor
  {
    try adaptivePool(input, outputSize: outputSize, spatialRank: 1, reduce: maximum)
  }

  /// Computes `adaptive_max_pool2d` over `[N, C, H, W]` or `[C, H, W]` input.
  ///
  /// The windows are those of `adaptiveAvgPool2d`, and NaN wins its window.
  ///
  /// - Parameters:
  ///   - input: `[N, C, H, W]` or unbatched `[C, H, W]`.
  ///   - outputSize: The output size, one entry for both dimensions or one per dimension. A
  ///     nil entry keeps that input size, as `None` does in PyTorch.
  /// - Returns: `[N, C, H_out, W_out]`, or `[C, H_out, W_out]` for unbatched input.
  /// - Throws: `PoolError` when the input is empty or an output size is negative.
  public static func adaptiveMaxPool2d(_ input: Tensor, outputSize: [Int?]) throws(PoolError)
    -> Tensor
  {
    try adaptivePool(input, outputSize: outputSize, spatialRank: 2, reduce: maximum)
  }

  /// Computes the input range that adaptive pooling output `index` of `outputSize` reads.
  ///
  /// - Precondition: `0 <= index < outputSize` and `inputSize >= 0`.
  public static func adaptiveWindow(index: Int, inputSize: Int, outputSize: Int) -> Range<Int> {
    precondition(index >= 0 && index < outputSize && inputSize >= 0, "invalid adaptive window")
    // Full-width products cannot overflow, and each quotient is at most inputSize.
    let startProduct = index.multipliedFullWidth(by: inputSize)
    let start = outputSize.dividingFullWidth(startProduct).quotient
    let endProduct = (index + 1).multipliedFullWidth(by: inputSize)
    let (quotient, remainder) = outputSize.dividingFullWidth(endProduct)
    return start..<(remainder == 0 ? quotient : quotient + 1)
  }

  private typealias Reduction = (UnsafeBufferPointer<Float>, Int, Range<Int>, Range<Int>, Int)
    -> Float

  private static func adaptivePool(
    _ input: Tensor, outputSize: [Int?], spatialRank: Int, reduce: Reduction
  ) throws(PoolError) -> Tensor {
    var geometry = try PoolGeometry(input: input.shape, spatialRank: spatialRank)
    let sizes = spatialRank == 2 ? [geometry.height, geometry.width] : [geometry.width]
    guard let requested = ConvOptions.expand(outputSize, rank: spatialRank, default: nil) else {
      // The message shows a nil entry as -1.
      throw .invalidOption(name: "output size", values: outputSize.map { $0 ?? -1 })
    }
    let outSizes = zip(requested, sizes).map { $0 ?? $1 }
    guard outSizes.allSatisfy({ $0 >= 0 }) else {
      throw .invalidOption(name: "output size", values: outSizes)
    }
    try geometry.setOutput(outSizes, input: input.shape, kernelSize: [])

    var output: [Float] = []
    output.reserveCapacity(geometry.planes * geometry.outHeight * geometry.outWidth)
    input.scalars.withUnsafeBufferPointer { source in
      for plane in 0..<geometry.planes {
        let base = plane * geometry.height * geometry.width
        for oy in 0..<geometry.outHeight {
          let rows = adaptiveWindow(
            index: oy, inputSize: geometry.height, outputSize: geometry.outHeight)
          for ox in 0..<geometry.outWidth {
            let columns = adaptiveWindow(
              index: ox, inputSize: geometry.width, outputSize: geometry.outWidth)
            output.append(reduce(source, base, rows, columns, geometry.width))
          }
        }
      }
    }
    return Tensor(shape: geometry.outputShape, scalars: output)
  }

  private static func average(
    _ source: UnsafeBufferPointer<Float>, base: Int, rows: Range<Int>, columns: Range<Int>,
    width: Int
  ) -> Float {
    var sum: Float = 0
    for y in rows {
      for x in columns { sum += source[base + y * width + x] }
    }
    return sum / Float(rows.count * columns.count)
  }

  private static func maximum(
    _ source: UnsafeBufferPointer<Float>, base: Int, rows: Range<Int>, columns: Range<Int>,
    width: Int
  ) -> Float {
    var maximum = -Float.infinity
    for y in rows {
      for x in columns {
        let value = source[base + y * width + x]
        if value > maximum || value.isNaN { maximum = value }
      }
    }
    return maximum
  }
}
