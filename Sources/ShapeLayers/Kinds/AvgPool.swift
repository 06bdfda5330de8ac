import ShapeTensor

/// `nn.AvgPool1d(kernel_size, stride=None, padding=0, ceil_mode=False,
/// count_include_pad=True)` and `nn.AvgPool2d`, which also takes `divisor_override=None`: the
/// mean of each window.
public struct AvgPoolKind: PoolingKind {
  public let name: String
  public let spatialRank: Int
  public let arguments: [ArgumentSpec]
  public let relationship: String

  /// `AvgPool1d` for `spatialRank` 1, `AvgPool2d` for 2.
  public init(spatialRank: Int) {
    self.spatialRank = spatialRank
    name = "AvgPool\(spatialRank)d"
    var arguments =
      AvgPoolKind.windowArguments(spatialRank: spatialRank) + [
        ArgumentSpec("ceil_mode", .boolean, default: .boolean(false)),
        ArgumentSpec("count_include_pad", .boolean, default: .boolean(true)),
      ]
    if spatialRank == 2 {
      arguments.append(
        ArgumentSpec(
          "divisor_override", .optional(.integer(minimum: 1)), default: ArgumentValue.none))
    }
    self.arguments = arguments
    relationship =
      "batch and channels are kept; each spatial size becomes (size + 2·padding − kernel_size) "
      + "// stride + 1 (rounded up with ceil_mode); stride defaults to kernel_size"
  }

  public func forward(_ input: Tensor, of layer: LayerInstance, parameters: [String: Tensor])
    throws(KernelError) -> Tensor
  {
    try checkRank(input, layer)
    let kernel = layer.sizes("kernel_size") ?? []
    let padding = layer.sizes("padding") ?? [0]
    let ceilMode = layer.boolean("ceil_mode") ?? false
    let countIncludePad = layer.boolean("count_include_pad") ?? true
    do {
      if spatialRank == 1 {
        return try Pooling.avgPool1d(
          input, kernelSize: kernel, stride: kernelStride(layer), padding: padding,
          ceilMode: ceilMode, countIncludePad: countIncludePad)
      }
      return try Pooling.avgPool2d(
        input, kernelSize: kernel, stride: kernelStride(layer), padding: padding,
        ceilMode: ceilMode, countIncludePad: countIncludePad,
        divisorOverride: layer.integer("divisor_override"))
    } catch {
      throw KernelError("'\(layer.name)': \(error)")
    }
  }
}
