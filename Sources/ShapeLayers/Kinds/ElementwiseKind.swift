/// A layer kind that maps each element on its own, so the output has the input's shape.
public protocol ElementwiseKind: LayerKind {}

extension ElementwiseKind {
  public func outputShape(
    for input: [ShapeDim], of layer: LayerInstance, context: ShapeContext
  ) -> ShapeRuleResult {
    .output(input)
  }
}

/// The `inplace=False` argument that PyTorch's activations accept; it does not affect shapes.
let inplaceArgument = ArgumentSpec("inplace", .boolean, default: .boolean(false))
