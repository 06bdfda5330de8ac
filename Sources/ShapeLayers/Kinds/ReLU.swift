/// `nn.ReLU()`: max(0, x) for each element.
public struct ReLUKind: ElementwiseKind {
  public init() {}
  public let name = "ReLU"
  public let arguments = [inplaceArgument]
  public let relationship = "same shape; negative values become 0; positive values are unchanged"
}
