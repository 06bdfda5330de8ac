import ShapeTensor

/// `nn.Identity()`: returns its input unchanged.
public struct IdentityKind: ElementwiseKind {
  public init() {}
  public let name = "Identity"
  public let arguments: [ArgumentSpec] = []
  public let relationship = "same shape and same values"

  public func activation(for layer: LayerInstance) -> Activation { .identity }
}
