/// Pooling kernels with the semantics of PyTorch's `torch.nn.functional` pooling functions.
///
/// Every kernel accepts the batched input `[N, C, spatial...]` and the unbatched input
/// `[C, spatial...]`, pools each plane independently and keeps the leading dimensions.
public enum Pooling {
  /// Computes `max_pool1d` over `[N, C, L]` or `[C, L]` input.
  ///
  /// - Parameters:
  ///   - stride: The window step, or empty for `kernelSize`.
  ///   - padding: Implicit negative infinity on both sides, at most half the kernel size.
  ///   - ceilMode: Whether the output size rounds up. As in PyTorch, a last window that would
  ///     start in the right padding is dropped.
  /// - Throws: `PoolError` when the options are out of range or the output would be empty.
  public static func maxPool1d(
    _ input: Tensor, kernelSize: [Int], stride: [Int] = [], padding: [Int] = [0],
    dilation: [Int] = [1], ceilMode: Bool = false
  ) throws(PoolError) -> Tensor {
    try maxPool(
      input, kernelSize: kernelSize, stride: stride, padding: padding, dilation: dilation,
      ceilMode: ceilMode, spatialRank: 1)
  }

  /// Computes `max_pool2d` over `[N, C, H, W]` or `[C, H, W]` input.
  ///
  /// A value that is NaN wins its window, as in PyTorch. Each option has one entry for both
  /// dimensions or one entry per dimension.
  ///
  /// - Throws: `PoolError` when the options are out of range or the output would be empty.
  public static func maxPool2d(
    _ input: Tensor, kernelSize: [Int], stride: [Int] = [], padding: [Int] = [0],
    dilation: [Int] = [1], ceilMode: Bool = false
  ) throws(PoolError) -> Tensor {
    try maxPool(
      input, kernelSize: kernelSize, stride: stride, padding: padding, dilation: dilation,
      ceilMode: ceilMode, spatialRank: 2)
  }

  private static func maxPool(
    _ input: Tensor, kernelSize: [Int], stride: [Int], padding: [Int], dilation: [Int],
    ceilMode: Bool, spatialRank: Int
  ) throws(PoolError) -> Tensor {
    var geometry = try PoolGeometry(input: input.shape, spatialRank: spatialRank)
    try geometry.setWindow(
      kernelSize: kernelSize, stride: stride, padding: padding, dilation: dilation,
      ceilMode: ceilMode, spatialRank: spatialRank, input: input.shape)
    var output: [Float] = []
    output.reserveCapacity(geometry.planes * geometry.outHeight * geometry.outWidth)
    input.scalars.withUnsafeBufferPointer { source in
      for plane in 0..<geometry.planes {
        let base = plane * geometry.height * geometry.width
        for oy in 0..<geometry.outHeight {
          for ox in 0..<geometry.outWidth {
            output.append(windowMaximum(source, base: base, oy: oy, ox: ox, geometry))
          }
        }
      }
    }
    return Tensor(shape: geometry.outputShape, scalars: output)
  }

  private static func windowMaximum(
    _ source: UnsafeBufferPointer<Float>, base: Int, oy: Int, ox: Int, _ g: PoolGeometry
  ) -> Float {
    var maximum = -Float.infinity
    let startY = oy * g.strideY - g.paddingY
    let startX = ox * g.strideX - g.paddingX
    for ky in 0..<g.kernelY {
      let y = startY + ky * g.dilationY
      guard y >= 0 && y < g.height else { continue }
      for kx in 0..<g.kernelX {
        let x = startX + kx * g.dilationX
        guard x >= 0 && x < g.width else { continue }
        let value = source[base + y * g.width + x]
        if value > maximum || value.isNaN { maximum = value }
        if maximum.isNaN { return maximum }
      }
    }
    return maximum
  }
}
