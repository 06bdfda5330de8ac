extension Pooling {
  /// Computes `avg_pool1d` over `[N, C, L]` or `[C, L]` input.
  ///
  /// - Parameters:
  ///   - stride: The window step, or empty for `kernelSize`.
  ///   - padding: Implicit zeros on both sides, at most half the kernel size.
  ///   - ceilMode: Whether the output size rounds up. As in PyTorch, a last window that would
  ///     start in the right padding is dropped.
  ///   - countIncludePad: Whether the divisor counts the padding inside the window.
  /// - Throws: `PoolError` when the options are out of range or the output would be empty.
  public static func avgPool1d(
    _ input: Tensor, kernelSize: [Int], stride: [Int] = [], padding: [Int] = [0],
    ceilMode: Bool = false, countIncludePad: Bool = true
  ) throws(PoolError) -> Tensor {
    try avgPool(
      input, kernelSize: kernelSize, stride: stride, padding: padding, ceilMode: ceilMode,
      countIncludePad: countIncludePad, divisorOverride: nil, spatialRank: 1)
  }

  /// Computes `avg_pool2d` over `[N, C, H, W]` or `[C, H, W]` input.
  ///
  /// The divisor follows PyTorch. A window clipped by `ceilMode` counts only the part that lies
  /// inside the input and its padding. With `countIncludePad` false it counts only input
  /// elements, and `divisorOverride`, when given, replaces the count.
  ///
  /// - Throws: `PoolError` when the options are out of range, `divisorOverride` is zero, or the
  ///   output would be empty.
  public static func avgPool2d(
    _ input: Tensor, kernelSize: [Int], stride: [Int] = [], padding: [Int] = [0],
    ceilMode: Bool = false, countIncludePad: Bool = true, divisorOverride: Int? = nil
  ) throws(PoolError) -> Tensor {
    if let divisorOverride, divisorOverride == 0 {
      throw .invalidOption(name: "divisor override", values: [divisorOverride])
    }
    return try avgPool(
      input, kernelSize: kernelSize, stride: stride, padding: padding, ceilMode: ceilMode,
      countIncludePad: countIncludePad, divisorOverride: divisorOverride, spatialRank: 2)
  }

  private static func avgPool(
    _ input: Tensor, kernelSize: [Int], stride: [Int], padding: [Int], ceilMode: Bool,
    countIncludePad: Bool, divisorOverride: Int?, spatialRank: Int
  ) throws(PoolError) -> Tensor {
    var geometry = try PoolGeometry(input: input.shape, spatialRank: spatialRank)
    try geometry.setWindow(
      kernelSize: kernelSize, stride: stride, padding: padding, dilation: [1],
      ceilMode: ceilMode, spatialRank: spatialRank, input: input.shape)
    let rule = AverageDivisor(countIncludePad: countIncludePad, override: divisorOverride)
    var output: [Float] = []
    output.reserveCapacity(geometry.planes * geometry.outHeight * geometry.outWidth)
    input.scalars.withUnsafeBufferPointer { source in
      for plane in 0..<geometry.planes {
        let base = plane * geometry.height * geometry.width
        for oy in 0..<geometry.outHeight {
          let rows = WindowSpan(
            index: oy, stride: geometry.strideY, padding: geometry.paddingY,
            kernel: geometry.kernelY, size: geometry.height)
          for ox in 0..<geometry.outWidth {
            let columns = WindowSpan(
              index: ox, stride: geometry.strideX, padding: geometry.paddingX,
              kernel: geometry.kernelX, size: geometry.width)
            var sum: Float = 0
            for y in rows.inside {
              for x in columns.inside { sum += source[base + y * geometry.width + x] }
            }
            output.append(sum / rule.divisor(rows: rows, columns: columns))
          }
        }
      }
    }
    return Tensor(shape: geometry.outputShape, scalars: output)
  }
}

/// One dimension of an average-pooling window, with PyTorch's clipping.
private struct WindowSpan {
  /// The size of the window clipped to the input and its padding, which `count_include_pad`
  /// counts. The ceil-mode overhang past the right padding is excluded.
  let padded: Int
  /// The window clipped to the input.
  let inside: Range<Int>

  init(index: Int, stride: Int, padding: Int, kernel: Int, size: Int) {
    let start = index * stride - padding
    let end = min(start + kernel, size + padding)
    padded = end - start
    inside = max(start, 0)..<max(max(start, 0), min(end, size))
  }
}

/// The divisor rule of average pooling.
private struct AverageDivisor {
  let countIncludePad: Bool
  let override: Int?

  func divisor(rows: WindowSpan, columns: WindowSpan) -> Float {
    if let override { return Float(override) }
    if countIncludePad { return Float(rows.padded * columns.padded) }
    return Float(rows.inside.count * columns.inside.count)
  }
}
