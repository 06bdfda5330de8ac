import ShapeTensor

/// `nn.Tanh()`: the hyperbolic tangent of each element.
public struct TanhKind: ElementwiseKind {
  public init() {}
  public let name = "Tanh"
  public let arguments: [ArgumentSpec] = []
  public let relationship = "same shape; every value is mapped into (-1, 1) by tanh"

  public func activation(for layer: LayerInstance) -> Activation { .tanh }
}
