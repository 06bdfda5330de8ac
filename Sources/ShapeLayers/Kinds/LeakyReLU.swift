import ShapeTensor

/// `nn.LeakyReLU(negative_slope=0.01)`: x for x ≥ 0, negative_slope·x otherwise.
public struct LeakyReLUKind: ElementwiseKind {
  public init() {}
  public let name = "LeakyReLU"
  public let arguments = [
    ArgumentSpec("negative_slope", .float(minimum: nil, maximum: nil), default: .float(0.01)),
    inplaceArgument,
  ]
  public let relationship =
    "same shape; negative values are multiplied by negative_slope; positive values are unchanged"

  public func activation(for layer: LayerInstance) -> Activation {
    .leakyRelu(negativeSlope: Float(layer.float("negative_slope") ?? 0.01))
  }
}
