import ShapeTensor

/// `nn.GroupNorm(num_groups, num_channels, eps=1e-05, affine=True)`: normalizes each group of
/// channels of dimension 1 over the group's channels and all positions.
public struct GroupNormKind: LayerKind {
  public init() {}
  public let name = "GroupNorm"
  public let arguments: [ArgumentSpec] =
    [
      ArgumentSpec("num_groups", .integer(minimum: 1), shapeConstant: true),
      .size("num_channels"),
      ArgumentSpec("eps", .float(minimum: 0, maximum: nil), default: .float(1e-5)),
      ArgumentSpec("affine", .boolean, default: .boolean(true)),
    ] + ArgumentSpec.factoryArguments
  public let relationship =
    "same shape; dimension 1 (num_channels) is split into num_groups groups, each normalized to "
    + "mean 0 and variance 1, then each channel is scaled by weight and shifted by bias, both "
    + "[num_channels]"

  public func validate(_ layer: LayerInstance) -> [ArgumentProblem] {
    guard let groups = layer.integer("num_groups"), let channels = layer.integer("num_channels"),
      channels % groups != 0
    else { return [] }
    return [
      ArgumentProblem(
        argument: "num_groups",
        message: "'num_groups' of '\(layer.name)' is \(groups), which does not divide "
          + "'num_channels' \(channels); each group needs the same number of channels, so use "
          + "a value that divides \(channels), such as "
          + "\(largestCommonDivisor(of: [channels], atMost: groups))",
        code: .groupsMismatch)
    ]
  }

  public func divisibilityRules(of layer: LayerInstance) -> [DivisibilityRule] {
    [
      DivisibilityRule(
        divisor: "num_groups", multiples: ["num_channels"],
        reason: "'\(layer.name)' normalizes groups of equal size")
    ]
  }

  public func parameters(of layer: LayerInstance) -> [ParameterSpec] {
    guard layer.boolean("affine") ?? true else { return [] }
    let channels = layer.dimension("num_channels")
    return [ParameterSpec(name: "weight", shape: [channels]), ParameterSpec(name: "bias", shape: [channels])]
  }

  public func outputShape(
    for input: [ShapeDim], of layer: LayerInstance, context: ShapeContext
  ) -> ShapeRuleResult {
    guard input.count >= 2 else {
      return .failure(
        ShapeFailure(
          code: .rankMismatch,
          message: "'\(layer.name)' (GroupNorm) needs an input of shape [N, C, ...] with at least "
            + "2 dimensions, but receives a tensor with \(input.count)"))
    }
    let requirement = DimRequirement(
      code: .normFeatureMismatch, argument: "num_channels",
      expected: .symbol(layer.symbol("num_channels")), inputAxis: 1, meaning: "channels")
    return .success(ShapeOutput(shape: input, requirements: [requirement]))
  }

  public func forward(_ input: Tensor, of layer: LayerInstance, parameters: [String: Tensor])
    throws(KernelError) -> Tensor
  {
    guard input.rank >= 2, input.shape[1] == layer.integer("num_channels") else {
      throw KernelError(
        "'\(layer.name)' expects \(layer.integer("num_channels") ?? 0) channels in dimension 1, "
          + "but the input has shape \(input.shape)")
    }
    do {
      return try Normalization.groupNorm(
        input, groups: layer.integer("num_groups") ?? 1, weight: parameters["weight"],
        bias: parameters["bias"], epsilon: Float(layer.float("eps") ?? 1e-5))
    } catch {
      throw KernelError("'\(layer.name)': \(error)")
    }
  }

  /// Weight 1 and bias 0, as PyTorch's constructor sets them without drawing.
  public func initialParameters(of layer: LayerInstance, generator: inout TorchGenerator)
    -> [String: Tensor]
  {
    guard layer.boolean("affine") ?? true, let channels = layer.integer("num_channels") else {
      return [:]
    }
    return [
      "weight": Tensor(shape: [channels], repeating: 1),
      "bias": Tensor(shape: [channels], repeating: 0),
    ]
  }
}
