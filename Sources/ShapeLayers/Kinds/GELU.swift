import ShapeTensor

/// `nn.GELU(approximate='none')`: x·Φ(x), exactly or with the tanh approximation.
public struct GELUKind: ElementwiseKind {
  public init() {}
  public let name = "GELU"
  public let arguments = [
    ArgumentSpec("approximate", .string(allowed: ["none", "tanh"]), default: .string("none"))
  ]
  public let relationship =
    "same shape; each value x becomes x times the standard normal CDF of x"

  public func activation(for layer: LayerInstance) -> Activation {
    layer.string("approximate") == "tanh" ? .geluTanh : .gelu
  }
}
