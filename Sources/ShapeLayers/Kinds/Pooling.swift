import ShapeSymbolic
import ShapeTensor

/// The shape rule shared by `MaxPool1d`, `MaxPool2d`, `AvgPool1d` and `AvgPool2d`.
public protocol PoolingKind: LayerKind {
  /// The number of spatial dimensions: 1 or 2.
  var spatialRank: Int { get }
}

extension PoolingKind {
  /// Returns the arguments that every pooling kind takes first: `kernel_size`, `stride=None` (meaning
  /// kernel_size) and `padding=0`.
  static func windowArguments(spatialRank: Int) -> [ArgumentSpec] {
    [
      ArgumentSpec("kernel_size", .spatial(count: spatialRank, minimum: 1), shapeConstant: true),
      ArgumentSpec(
        "stride", .optional(.spatial(count: spatialRank, minimum: 1)), default: ArgumentValue.none,
        shapeConstant: true),
      ArgumentSpec(
        "padding", .spatial(count: spatialRank, minimum: 0),
        default: .sizes(Array(repeating: 0, count: spatialRank)), shapeConstant: true),
    ]
  }

  public func validate(_ layer: LayerInstance) -> [ArgumentProblem] {
    paddingProblems(layer)
  }

  /// PyTorch rejects padding of more than half the kernel size.
  func paddingProblems(_ layer: LayerInstance) -> [ArgumentProblem] {
    let kernel = layer.sizes("kernel_size") ?? []
    let padding = layer.sizes("padding") ?? []
    for (pad, size) in zip(padding, kernel) where pad > size / 2 {
      return [
        ArgumentProblem(
          argument: "padding",
          message: "'padding' of '\(layer.name)' is \(pad), but it must be at most half of "
            + "kernel_size \(size), which is \(size / 2)",
          code: .paddingTooLarge)
      ]
    }
    return []
  }

  /// Returns the window of spatial axis `index`, whose stride defaults to the kernel size.
  func windowAxis(_ layer: LayerInstance, _ index: Int) -> WindowAxis? {
    guard let kernel = layer.windowConstant("kernel_size", index),
      let padding = layer.windowConstant("padding", index)
    else { return nil }
    let stride = layer.windowConstant("stride", index) ?? kernel
    let dilation = layer.windowConstant("dilation", index) ?? WindowConstant(1)
    return WindowAxis(
      kernel: kernel, stride: stride, padding: padding, dilation: dilation,
      ceilMode: layer.boolean("ceil_mode") ?? false)
  }

  public func outputShape(
    for input: [ShapeDim], of layer: LayerInstance, context: ShapeContext
  ) -> ShapeRuleResult {
    if let failure = SpatialShape.rankFailure(input, spatialRank: spatialRank, layer: layer) {
      return .failure(failure)
    }
    let axes = (0..<spatialRank).compactMap { windowAxis(layer, $0) }
    guard axes.count == spatialRank else { return .output(input) }
    switch SpatialShape.slideAll(input, axes: axes, layer: layer, context: context) {
    case .failure(let failure):
      return .failure(failure)
    case .success(let (spatial, conditions)):
      let leading = Array(input.dropLast(spatialRank))
      return .success(ShapeOutput(shape: leading + spatial, conditions: conditions))
    }
  }

  /// Returns the stride to pass to a pooling kernel, where empty means the kernel size.
  func kernelStride(_ layer: LayerInstance) -> [Int] {
    layer.sizes("stride") ?? []
  }

  /// Throws unless `input` has the batched or unbatched rank of this kind.
  func checkRank(_ input: Tensor, _ layer: LayerInstance) throws(KernelError) {
    guard input.rank == spatialRank + 1 || input.rank == spatialRank + 2 else {
      throw KernelError(
        "'\(layer.name)' needs an input of shape "
          + "\(SpatialShape.layoutDescription(spatialRank: spatialRank)), but the input has shape "
          + "\(input.shape)")
    }
  }
}
