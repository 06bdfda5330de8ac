import ShapeSymbolic
import ShapeTensor

/// `nn.LayerNorm(normalized_shape, eps=1e-05, elementwise_affine=True, bias=True)`: normalizes
/// over the trailing dimensions, which must equal `normalized_shape`.
public struct LayerNormKind: LayerKind {
  public init() {}
  public let name = "LayerNorm"
  public let arguments: [ArgumentSpec] =
    [
      ArgumentSpec("normalized_shape", .sizes(minimum: 1), shapeConstant: true),
      ArgumentSpec("eps", .float(minimum: 0, maximum: nil), default: .float(1e-5)),
      ArgumentSpec("elementwise_affine", .boolean, default: .boolean(true)),
      ArgumentSpec("bias", .boolean, default: .boolean(true)),
    ] + ArgumentSpec.factoryArguments
  public let relationship =
    "same shape; each slice over the trailing dimensions normalized_shape is normalized to mean "
    + "0 and variance 1, then scaled by weight and shifted by bias, both of shape "
    + "normalized_shape"

  private func normalizedShape(_ layer: LayerInstance) -> [ShapeDim] {
    (layer.sizes("normalized_shape") ?? []).indices.map { layer.dimension("normalized_shape[\($0)]") }
  }

  public func parameters(of layer: LayerInstance) -> [ParameterSpec] {
    guard layer.boolean("elementwise_affine") ?? true else { return [] }
    let weight = ParameterSpec(name: "weight", shape: normalizedShape(layer))
    guard layer.boolean("bias") ?? true else { return [weight] }
    return [weight, ParameterSpec(name: "bias", shape: normalizedShape(layer))]
  }

  public func outputShape(
    for input: [ShapeDim], of layer: LayerInstance, context: ShapeContext
  ) -> ShapeRuleResult {
    let count = layer.sizes("normalized_shape")?.count ?? 0
    guard input.count >= count else {
      return .failure(
        ShapeFailure(
          code: .rankMismatch,
          message: "'\(layer.name)' normalizes over \(count) trailing dimensions, but receives a "
            + "tensor with \(input.count)",
          argument: "normalized_shape"))
    }
    let first = input.count - count
    // Each entry is named on its own, so that a fix replaces one entry and `check --fix` finds
    // the constant it sets.
    let requirements = (0..<count).map { index in
      DimRequirement(
        code: .normFeatureMismatch,
        argument: "normalized_shape[\(index)]",
        expected: .symbol(layer.symbol("normalized_shape[\(index)]")), inputAxis: first + index,
        meaning: "elements in dimension \(first + index)")
    }
    return .success(ShapeOutput(shape: input, requirements: requirements))
  }

  public func forward(_ input: Tensor, of layer: LayerInstance, parameters: [String: Tensor])
    throws(KernelError) -> Tensor
  {
    let shape = layer.sizes("normalized_shape") ?? []
    guard input.shape.suffix(shape.count).elementsEqual(shape) else {
      throw KernelError("'\(layer.name)' normalizes over \(shape), but the input has shape \(input.shape)")
    }
    do {
      return try Normalization.layerNorm(
        input, normalizedShape: shape, weight: parameters["weight"], bias: parameters["bias"],
        epsilon: Float(layer.float("eps") ?? 1e-5))
    } catch {
      throw KernelError("'\(layer.name)': \(error)")
    }
  }

  /// Weight 1 and bias 0, as PyTorch's constructor sets them without drawing.
  public func initialParameters(of layer: LayerInstance, generator: inout TorchGenerator)
    -> [String: Tensor]
  {
    guard layer.boolean("elementwise_affine") ?? true, let shape = layer.sizes("normalized_shape")
    else { return [:] }
    var tensors = ["weight": Tensor(shape: shape, repeating: 1)]
    if layer.boolean("bias") ?? true {
      tensors["bias"] = Tensor(shape: shape, repeating: 0)
    }
    return tensors
  }
}
