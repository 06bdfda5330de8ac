import ShapeTensor

/// A layer kind that maps each element on its own, so the output has the input's shape.
public protocol ElementwiseKind: LayerKind {
  /// The function applied to every element, for the layer's arguments.
  func activation(for layer: LayerInstance) -> Activation
}

extension ElementwiseKind {
  public func outputShape(
    for input: [ShapeDim], of layer: LayerInstance, context: ShapeContext
  ) -> ShapeRuleResult {
    .output(input)
  }

  public func forward(_ input: Tensor, of layer: LayerInstance, parameters: [String: Tensor])
    throws(KernelError) -> Tensor
  {
    let function = activation(for: layer)
    return function == .identity ? input : input.applying(function)
  }
}

/// The `inplace=False` argument that PyTorch's activations accept; it does not affect shapes.
let inplaceArgument = ArgumentSpec("inplace", .boolean, default: .boolean(false))
