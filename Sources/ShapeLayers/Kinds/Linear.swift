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
    if let failure = missingFlatten(input, layer: layer, context: context) {
      return .failure(failure)
    }
    // A size that a Flatten computed carries its derivation, which the mismatch lists.
    let isComputed = input.last?.origin?.derivation.isEmpty == false
    let requirement = DimRequirement(
      code: isComputed ? .flattenedSizeMismatch : .featureMismatch, argument: "in_features",
      expected: .symbol(layer.symbol("in_features")), inputAxis: input.count - 1,
      meaning: "input features")
    let output = input.dropLast() + [layer.dimension("out_features")]
    return .success(ShapeOutput(shape: Array(output), requirements: [requirement]))
  }
}

extension LinearKind {
  /// Returns a failure for an input that still has spatial dimensions, such as `[N, 16, 5, 5]`, when
  /// the last dimension differs from in_features but the elements per sample equal it.
  func missingFlatten(_ input: [ShapeDim], layer: LayerInstance, context: ShapeContext) -> ShapeFailure? {
    guard input.count >= 3, let features = layer.integer("in_features"),
      let last = input.last.flatMap({ context.value(of: $0.formula) }), last != features
    else { return nil }
    let values = input.map { context.value(of: $0.formula) }
    for first in [1, 0] {
      let sample = values[first...].compactMap { $0 }
      guard sample.count == input.count - first, Self.product(sample) == features else { continue }
      let dims = sample.map(String.init).joined(separator: " · ")
      let start = first == 1 ? "" : "start_dim=0"
      return ShapeFailure(
        code: .missingFlatten,
        message: "'\(layer.name)' receives \(last) input features in the last dimension, but "
          + "'in_features' is \(features); the \(dims) = \(features) elements per sample match, so "
          + "the input was probably never flattened",
        argument: "in_features",
        notes: [
          "define 'flatten = nn.Flatten(\(start))' and apply it to the tensor before "
            + "'\(layer.name)', such as 'x = flatten(x)'"
        ])
    }
    return nil
  }

  private static func product(_ values: [Int]) -> Int? {
    var result = 1
    for value in values {
      let (next, overflow) = result.multipliedReportingOverflow(by: value)
      if overflow { return nil }
      result = next
    }
    return result
  }

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
