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
