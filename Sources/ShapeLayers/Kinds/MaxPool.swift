import ShapeTensor

/// `nn.MaxPool1d` and `nn.MaxPool2d(kernel_size, stride=None, padding=0, dilation=1,
/// return_indices=False, ceil_mode=False)`: the maximum of each window.
public struct MaxPoolKind: PoolingKind {
  public let name: String
  public let spatialRank: Int
  public let arguments: [ArgumentSpec]
  public let relationship: String

  /// `MaxPool1d` for `spatialRank` 1, `MaxPool2d` for 2.
  public init(spatialRank: Int) {
    self.spatialRank = spatialRank
    name = "MaxPool\(spatialRank)d"
    arguments =
      MaxPoolKind.windowArguments(spatialRank: spatialRank) + [
        ArgumentSpec(
          "dilation", .spatial(count: spatialRank, minimum: 1),
          default: .sizes(Array(repeating: 1, count: spatialRank)), shapeConstant: true),
        ArgumentSpec("return_indices", .boolean, default: .boolean(false)),
        ArgumentSpec("ceil_mode", .boolean, default: .boolean(false)),
      ]
    relationship =
      "batch and channels are kept; each spatial size becomes (size + 2·padding − dilation·"
      + "(kernel_size − 1) − 1) // stride + 1 (rounded up with ceil_mode); stride defaults to "
      + "kernel_size"
  }

  public func validate(_ layer: LayerInstance) -> [ArgumentProblem] {
    if layer.boolean("return_indices") == true {
      return [
        ArgumentProblem(
          argument: "return_indices",
          message: "'\(layer.name)' with return_indices=True returns a tuple of values and "
            + "indices, which shapecheck does not model; remove the argument")
      ]
    }
    return paddingProblems(layer)
  }

  public func forward(_ input: Tensor, of layer: LayerInstance, parameters: [String: Tensor])
    throws(KernelError) -> Tensor
  {
    try checkRank(input, layer)
    let kernel = layer.sizes("kernel_size") ?? []
    let padding = layer.sizes("padding") ?? [0]
    let dilation = layer.sizes("dilation") ?? [1]
    let ceilMode = layer.boolean("ceil_mode") ?? false
    do {
      if spatialRank == 1 {
        return try Pooling.maxPool1d(
          input, kernelSize: kernel, stride: kernelStride(layer), padding: padding,
          dilation: dilation, ceilMode: ceilMode)
      }
      return try Pooling.maxPool2d(
        input, kernelSize: kernel, stride: kernelStride(layer), padding: padding,
        dilation: dilation, ceilMode: ceilMode)
    } catch {
      throw KernelError("'\(layer.name)': \(error)")
    }
  }
}
