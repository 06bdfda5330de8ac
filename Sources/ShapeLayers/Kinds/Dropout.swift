import ShapeTensor

/// `nn.Dropout(p=0.5)`: zeroes elements at random in training, the identity in evaluation.
public struct DropoutKind: ElementwiseKind {
  public init() {}
  public let name = "Dropout"
  public let arguments = [
    ArgumentSpec("p", .float(minimum: 0, maximum: 1), default: .float(0.5)),
    inplaceArgument,
  ]
  public let relationship =
    "same shape; in training each value is zeroed with probability p and the rest scaled by "
    + "1 / (1 - p); in evaluation the values are unchanged"

  /// Dropout is the identity in evaluation mode, which is how `run` executes models.
  public func activation(for layer: LayerInstance) -> Activation { .identity }
}
