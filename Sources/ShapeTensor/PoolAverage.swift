extension Pooling {
  /// Computes `avg_pool1d` over `[N, C, L]` or `[C, L]` input.
  ///
  /// The divisor follows PyTorch, as `avgPool2d` describes.
  ///
  /// - Parameters:
  ///   - input: `[N, C, L]` or unbatched `[C, L]`.
  ///   - kernelSize: The window size.
  ///   - stride: The window step, or empty for `kernelSize`.
  ///   - padding: Implicit zeros on both sides, at most half the kernel size.
  ///   - ceilMode: Whether the output size rounds up. As in PyTorch, a last window that would
  ///     start in the right padding is dropped.
  ///   - countIncludePad: Whether the divisor counts the padding inside the window.
  ///   - threads: The number of worker threads that share the planes. Values below 1 mean 1.
  /// - Returns: `[N, C, L_out]`, or `[C, L_out]` for unbatched input.
  /// - Throws: `PoolError` when the options are out of range or the output would be empty.
  public static func avgPool1d(
    _ input: Tensor, kernelSize: [Int], stride: [Int] = [], padding: [Int] = [0],
    ceilMode: Bool = false, countIncludePad: Bool = true, threads: Int = 1
  ) throws(PoolError) -> Tensor {
    try avgPool(
      input, kernelSize: kernelSize, stride: stride, padding: padding, ceilMode: ceilMode,
      countIncludePad: countIncludePad, divisorOverride: nil, spatialRank: 1, threads: threads)
  }

  /// Computes `avg_pool2d` over `[N, C, H, W]` or `[C, H, W]` input.
  ///
  /// The divisor follows PyTorch. A window clipped by `ceilMode` counts only the part that lies
  /// inside the input and its padding. With `countIncludePad` false it counts only input
  /// elements, and `divisorOverride`, when given, replaces the count. Each window option has one
  /// entry for both dimensions or one entry per dimension.
  ///
  /// - Parameters:
  ///   - input: `[N, C, H, W]` or unbatched `[C, H, W]`.
  ///   - kernelSize: The window size.
  ///   - stride: The window step, or empty for `kernelSize`.
  ///   - padding: Implicit zeros on both sides, at most half the kernel size.
  ///   - ceilMode: Whether the output size rounds up. As in PyTorch, a last window that would
  ///     start in the right padding is dropped.
  ///   - countIncludePad: Whether the divisor counts the padding inside the window.
  ///   - divisorOverride: The divisor of every window, or nil for the rule above.
  ///   - threads: The number of worker threads that share the planes. Values below 1 mean 1.
  /// - Returns: `[N, C, H_out, W_out]`, or `[C, H_out, W_out]` for unbatched input.
  /// - Throws: `PoolError` when the options are out of range, `divisorOverride` is zero, or the
  ///   output would be empty.
  public static func avgPool2d(
    _ input: Tensor, kernelSize: [Int], stride: [Int] = [], padding: [Int] = [0],
    ceilMode: Bool = false, countIncludePad: Bool = true, divisorOverride: Int? = nil,
    threads: Int = 1
  ) throws(PoolError) -> Tensor {
    if let divisorOverride, divisorOverride == 0 {
      throw .invalidOption(name: "divisor override", values: [divisorOverride])
    }
    return try avgPool(
      input, kernelSize: kernelSize, stride: stride, padding: padding, ceilMode: ceilMode,
      countIncludePad: countIncludePad, divisorOverride: divisorOverride, spatialRank: 2,
      threads: threads)
  }

  private static func avgPool(
    _ input: Tensor, kernelSize: [Int], stride: [Int], padding: [Int], ceilMode: Bool,
    countIncludePad: Bool, divisorOverride: Int?, spatialRank: Int, threads: Int
  ) throws(PoolError) -> Tensor {
    var geometry = try PoolGeometry(input: input.shape, spatialRank: spatialRank)
    try geometry.setWindow(
      kernelSize: kernelSize, stride: stride, padding: padding, dilation: [1],
      ceilMode: ceilMode, spatialRank: spatialRank, input: input.shape)
    let rule = AverageDivisor(countIncludePad: countIncludePad, override: divisorOverride)
    let rows = (0..<geometry.outHeight).map {
      WindowSpan(
        index: $0, stride: geometry.strideY, padding: geometry.paddingY,
        kernel: geometry.kernelY, size: geometry.height)
    }
    let columns = (0..<geometry.outWidth).map {
      WindowSpan(
        index: $0, stride: geometry.strideX, padding: geometry.paddingX,
        kernel: geometry.kernelX, size: geometry.width)
    }
    let output = geometry.mapPlanes(input.scalars, threads: threads) {
      [width = geometry.width] source, destination in
      var index = 0
      for rowSpan in rows {
        for columnSpan in columns {
          var sum: Float = 0
          for y in rowSpan.inside {
            for x in columnSpan.inside { sum += source[y * width + x] }
          }
          destination[index] = sum / rule.divisor(rows: rowSpan, columns: columnSpan)
          index += 1
        }
      }
    }
    return Tensor(shape: geometry.outputShape, scalars: output)
  }
}

/// One dimension of an average-pooling window, with PyTorch's clipping.
private struct WindowSpan: Sendable {
  /// The size of the window clipped to the input and its padding, which `count_include_pad`
  /// counts, excluding the ceil-mode overhang past the right padding.
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
private struct AverageDivisor: Sendable {
  let countIncludePad: Bool
  let override: Int?

  func divisor(rows: WindowSpan, columns: WindowSpan) -> Float {
    if let override { return Float(override) }
    if countIncludePad { return Float(rows.padded * columns.padded) }
    return Float(rows.inside.count * columns.inside.count)
  }
}
