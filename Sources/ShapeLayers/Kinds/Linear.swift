import ShapeTensor
import ShapeSymbolic

/// `nn.Linear(in_features, out_features, bias=True)`: y = x·Wᵀ + b over the last dimension.
public struct LinearKind: LayerKind {
  public init() {}

  public let name = "Linear"

  public let arguments: [ArgumentSpec] =
    [
      .size("in_features"),
      .size("out_features"),
      ArgumentSpec("bias", .boolean, default: .boolean(true)),
    ] + ArgumentSpec.factoryArguments

  public let relationship =
    "the last dimension changes from in_features to out_features and every leading dimension "
    + "is kept; weight is [out_features, in_features] and bias is [out_features]"

  public func parameters(of layer: LayerInstance) -> [ParameterSpec] {
    let weight = ParameterSpec(
      name: "weight", shape: [layer.dimension("out_features"), layer.dimension("in_features")])
    guard layer.boolean("bias") ?? true else { return [weight] }
    return [weight, ParameterSpec(name: "bias", shape: [layer.dimension("out_features")])]
  }

  public func outputShape(
    for input: [ShapeDim], of layer: LayerInstance, context: ShapeContext
  ) -> ShapeRuleResult {
    guard !input.isEmpty else {
      return .failure(
        ShapeFailure(
          code: .rankMismatch,
          message: "'\(layer.name)' needs an input with at least 1 dimension, but receives a scalar"))
    }
    let requirement = DimRequirement(
      code: .featureMismatch, argument: "in_features",
      expected: .symbol(layer.symbol("in_features")), inputAxis: input.count - 1,
      meaning: "input features")
    let output = input.dropLast() + [layer.dimension("out_features")]
    return .success(ShapeOutput(shape: Array(output), requirements: [requirement]))
  }
}

extension LinearKind {
  public func forward(_ input: Tensor, of layer: LayerInstance, parameters: [String: Tensor])
    throws(KernelError) -> Tensor
  {
    guard let weight = parameters["weight"], weight.rank == 2 else {
      throw KernelError("'\(layer.name)' has no weight of rank 2")
    }
    guard input.rank >= 1, input.shape[input.rank - 1] == weight.shape[1] else {
      throw KernelError("'\(layer.name)' expects \(weight.shape[1]) input features, but the input has shape \(input.shape)")
    }
    let bias = parameters["bias"]
    if let bias, bias.shape != [weight.shape[0]] {
      throw KernelError("'\(layer.name)' has a bias of shape \(bias.shape), but needs [\(weight.shape[0])]")
    }
    return Tensor.linear(input: input, weight: weight, bias: bias)
  }

  /// Draws `kaiming_uniform_(weight, a=√5)` and then the bias from U(−1/√in, 1/√in), as
  /// `nn.Linear.reset_parameters` does.
  public func initialParameters(of layer: LayerInstance, generator: inout TorchGenerator) -> [String: Tensor] {
    guard let inFeatures = layer.integer("in_features"), let outFeatures = layer.integer("out_features"),
      let drawn = TorchInit.defaultParameters(
        weightShape: [outFeatures, inFeatures], biasCount: (layer.boolean("bias") ?? true) ? outFeatures : nil,
        generator: &generator)
    else { return [:] }
    var parameters = ["weight": drawn.weight]
    parameters["bias"] = drawn.bias
    return parameters
  }
}
