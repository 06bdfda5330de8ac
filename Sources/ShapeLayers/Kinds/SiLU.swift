import ShapeTensor

/// `nn.SiLU()`: x·sigmoid(x) for each element.
public struct SiLUKind: ElementwiseKind {
  public init() {}
  public let name = "SiLU"
  public let arguments = [inplaceArgument]
  public let relationship = "same shape; each value x becomes x * sigmoid(x)"

  public func activation(for layer: LayerInstance) -> Activation { .silu }
}
