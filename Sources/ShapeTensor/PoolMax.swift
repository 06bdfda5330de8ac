/// Pooling kernels with the semantics of PyTorch's `torch.nn.functional` pooling functions.
///
/// Every kernel accepts the batched input `[N, C, spatial...]` and the unbatched input
/// `[C, spatial...]`, pools each plane independently and keeps the leading dimensions.
public enum Pooling {
  /// Computes `max_pool1d` over `[N, C, L]` or `[C, L]` input.
  ///
  /// A value that is NaN wins its window, as in PyTorch.
  ///
  /// - Parameters:
  ///   - input: `[N, C, L]` or unbatched `[C, L]`.
  ///   - kernelSize: The window size.
  ///   - stride: The window step, or empty for `kernelSize`.
  ///   - padding: Implicit negative infinity on both sides, at most half the kernel size.
  ///   - dilation: The spacing between window elements.
  ///   - ceilMode: Whether the output size rounds up. As in PyTorch, a last window that would
  ///     start in the right padding is dropped.
  ///   - threads: The number of worker threads that share the planes. Values below 1 mean 1.
  /// - Returns: `[N, C, L_out]`, or `[C, L_out]` for unbatched input.
  /// - Throws: `PoolError` when the options are out of range or the output would be empty.
  public static func maxPool1d(
    _ input: Tensor, kernelSize: [Int], stride: [Int] = [], padding: [Int] = [0],
    dilation: [Int] = [1], ceilMode: Bool = false, threads: Int = 1
  ) throws(PoolError) -> Tensor {
    try maxPool(
      input, kernelSize: kernelSize, stride: stride, padding: padding, dilation: dilation,
      ceilMode: ceilMode, spatialRank: 1, threads: threads)
  }

  /// Computes `max_pool2d` over `[N, C, H, W]` or `[C, H, W]` input.
  ///
  /// A value that is NaN wins its window, as in PyTorch. Each window option has one entry for
  /// both dimensions or one entry per dimension.
  ///
  /// - Parameters:
  ///   - input: `[N, C, H, W]` or unbatched `[C, H, W]`.
  ///   - kernelSize: The window size.
  ///   - stride: The window step, or empty for `kernelSize`.
  ///   - padding: Implicit negative infinity on both sides, at most half the kernel size.
  ///   - dilation: The spacing between window elements.
  ///   - ceilMode: Whether the output size rounds up. As in PyTorch, a last window that would
  ///     start in the right padding is dropped.
  ///   - threads: The number of worker threads that share the planes. Values below 1 mean 1.
  /// - Returns: `[N, C, H_out, W_out]`, or `[C, H_out, W_out]` for unbatched input.
  /// - Throws: `PoolError` when the options are out of range or the output would be empty.
  public static func maxPool2d(
    _ input: Tensor, kernelSize: [Int], stride: [Int] = [], padding: [Int] = [0],
    dilation: [Int] = [1], ceilMode: Bool = false, threads: Int = 1
  ) throws(PoolError) -> Tensor {
    try maxPool(
      input, kernelSize: kernelSize, stride: stride, padding: padding, dilation: dilation,
      ceilMode: ceilMode, spatialRank: 2, threads: threads)
  }

  private static func maxPool(
    _ input: Tensor, kernelSize: [Int], stride: [Int], padding: [Int], dilation: [Int],
    ceilMode: Bool, spatialRank: Int, threads: Int
  ) throws(PoolError) -> Tensor {
    var geometry = try PoolGeometry(input: input.shape, spatialRank: spatialRank)
    try geometry.setWindow(
      kernelSize: kernelSize, stride: stride, padding: padding, dilation: dilation,
      ceilMode: ceilMode, spatialRank: spatialRank, input: input.shape)
    let rows = geometry.taps(vertical: true)
    let columns = geometry.taps(vertical: false)
    let output = geometry.mapPlanes(input.scalars, threads: threads) {
      [geometry] source, destination in
      var index = 0
      for oy in 0..<geometry.outHeight {
        for ox in 0..<geometry.outWidth {
          destination[index] = windowMaximum(source, rows: rows[oy], columns: columns[ox], geometry)
          index += 1
        }
      }
    }
    return Tensor(shape: geometry.outputShape, scalars: output)
  }

  private static func windowMaximum(
    _ source: UnsafePointer<Float>, rows: PoolTaps, columns: PoolTaps, _ g: PoolGeometry
  ) -> Float {
    var maximum = -Float.infinity
    var hasNaN = false
    for ky in rows.kernel {
      let row = source + (rows.start + ky * g.dilationY) * g.width + columns.start
      for kx in columns.kernel {
        let value = row[kx * g.dilationX]
        // A select instead of a branch, because random data defeats branch prediction.
        maximum = value > maximum ? value : maximum
        hasNaN = hasNaN || value.isNaN
      }
    }
    // NaN wins its window, as in PyTorch.
    if hasNaN { return .nan }
    return maximum
  }
}
