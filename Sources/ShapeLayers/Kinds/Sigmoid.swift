import ShapeTensor

/// `nn.Sigmoid()`: 1 / (1 + e^(−x)) for each element.
public struct SigmoidKind: ElementwiseKind {
  public init() {}
  public let name = "Sigmoid"
  public let arguments: [ArgumentSpec] = []
  public let relationship = "same shape; every value is mapped into (0, 1) by 1 / (1 + exp(-x))"

  public func activation(for layer: LayerInstance) -> Activation { .sigmoid }
}
