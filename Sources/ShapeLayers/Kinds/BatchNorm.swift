import ShapeTensor

/// `nn.BatchNorm1d` and `nn.BatchNorm2d(num_features, eps=1e-05, momentum=0.1, affine=True,
/// track_running_stats=True)`: normalizes each channel of dimension 1.
///
/// BatchNorm1d takes `[N, C]` or `[N, C, L]` and BatchNorm2d takes only `[N, C, H, W]`;
/// neither has an unbatched form. In evaluation mode the running statistics are used, or the
/// batch's own statistics when `track_running_stats=False`.
public struct BatchNormKind: LayerKind {
  public let name: String
  /// The input ranks accepted, such as [2, 3] for BatchNorm1d.
  public let ranks: [Int]
  public let arguments: [ArgumentSpec] =
    [
      .size("num_features"),
      ArgumentSpec("eps", .float(minimum: 0, maximum: nil), default: .float(1e-5)),
      ArgumentSpec("momentum", .optional(.float(minimum: nil, maximum: nil)), default: .float(0.1)),
      ArgumentSpec("affine", .boolean, default: .boolean(true)),
      ArgumentSpec("track_running_stats", .boolean, default: .boolean(true)),
    ] + ArgumentSpec.factoryArguments
  public let relationship =
    "same shape; each channel of dimension 1 is normalized with its running mean and variance, "
    + "then scaled by weight and shifted by bias, both [num_features]"

  /// `BatchNorm1d` for `spatialRank` 1, `BatchNorm2d` for 2.
  public init(spatialRank: Int) {
    name = "BatchNorm\(spatialRank)d"
    ranks = spatialRank == 1 ? [2, 3] : [4]
  }

  private var layoutDescription: String {
    ranks == [4] ? "[N, C, H, W]" : "[N, C] or [N, C, L]"
  }

  public func parameters(of layer: LayerInstance) -> [ParameterSpec] {
    guard layer.boolean("affine") ?? true else { return [] }
    let features = layer.dimension("num_features")
    return [ParameterSpec(name: "weight", shape: [features]), ParameterSpec(name: "bias", shape: [features])]
  }

  /// `running_mean` and `running_var`. PyTorch also stores the scalar `num_batches_tracked`,
  /// which evaluation does not use; a weights file may contain it.
  public func buffers(of layer: LayerInstance) -> [ParameterSpec] {
    guard layer.boolean("track_running_stats") ?? true else { return [] }
    let features = layer.dimension("num_features")
    return [
      ParameterSpec(name: "running_mean", shape: [features]),
      ParameterSpec(name: "running_var", shape: [features]),
    ]
  }

  public func outputShape(
    for input: [ShapeDim], of layer: LayerInstance, context: ShapeContext
  ) -> ShapeRuleResult {
    guard ranks.contains(input.count) else {
      let accepted = ranks.map(String.init).joined(separator: " or ")
      var notes: [String] = []
      if ranks == [4], input.count == 3 {
        notes.append(
          "BatchNorm2d has no unbatched form; declare the input with a batch dimension, such as "
            + "'Tensor[N, C, H, W]'")
      }
      if ranks == [4], input.count == 2 || input.count == 3 {
        notes.append("for [N, C] or [N, C, L] input, use 'nn.BatchNorm1d'")
      }
      if ranks != [4], input.count == 4 {
        notes.append("for [N, C, H, W] feature maps, use 'nn.BatchNorm2d'")
      }
      return .failure(
        ShapeFailure(
          code: .rankMismatch,
          message: "'\(layer.name)' (\(name)) needs an input with \(accepted) dimensions "
            + "(\(layoutDescription)), but receives a tensor with \(input.count)",
          notes: notes))
    }
    let requirement = DimRequirement(
      code: .normFeatureMismatch, argument: "num_features",
      expected: .symbol(layer.symbol("num_features")), inputAxis: 1, meaning: "channels")
    return .success(ShapeOutput(shape: input, requirements: [requirement]))
  }

  public func forward(_ input: Tensor, of layer: LayerInstance, parameters: [String: Tensor])
    throws(KernelError) -> Tensor
  {
    guard ranks.contains(input.rank), input.shape[1] == layer.integer("num_features") else {
      throw KernelError(
        "'\(layer.name)' expects \(layer.integer("num_features") ?? 0) channels in an input of "
          + "shape \(layoutDescription), but the input has shape \(input.shape)")
    }
    let epsilon = Float(layer.float("eps") ?? 1e-5)
    let statistics: (mean: Tensor, variance: Tensor)
    if let mean = parameters["running_mean"], let variance = parameters["running_var"] {
      statistics = (mean, variance)
    } else {
      statistics = Self.batchStatistics(input)
    }
    do {
      return try Normalization.batchNorm(
        input, runningMean: statistics.mean, runningVariance: statistics.variance,
        weight: parameters["weight"], bias: parameters["bias"], epsilon: epsilon)
    } catch {
      throw KernelError("'\(layer.name)': \(error)")
    }
  }

  /// Computes the mean and biased variance of each channel over the batch and spatial positions, which
  /// PyTorch uses in evaluation mode when the layer keeps no running statistics.
  static func batchStatistics(_ input: Tensor) -> (mean: Tensor, variance: Tensor) {
    let channels = input.shape[1]
    let plane = max(Tensor.elementCount(of: Array(input.shape.dropFirst(2))) ?? 0, 1)
    let count = Double(max(input.count / max(channels, 1), 1))
    // Two passes, because the sum of squares minus the squared sum loses the variance of
    // values with a large common offset.
    var sums = [Double](repeating: 0, count: channels)
    for (index, value) in input.scalars.enumerated() {
      sums[(index / plane) % channels] += Double(value)
    }
    let means = sums.map { $0 / count }
    var squares = [Double](repeating: 0, count: channels)
    for (index, value) in input.scalars.enumerated() {
      let channel = (index / plane) % channels
      let deviation = Double(value) - means[channel]
      squares[channel] += deviation * deviation
    }
    let variances = squares.map { $0 / count }
    return (
      Tensor(shape: [channels], scalars: means.map(Float.init)),
      Tensor(shape: [channels], scalars: variances.map(Float.init))
    )
  }

  /// Weight 1 and bias 0, running mean 0 and running variance 1, as PyTorch's constructor sets
  /// them without drawing from the generator.
  public func initialParameters(of layer: LayerInstance, generator: inout TorchGenerator)
    -> [String: Tensor]
  {
    guard let features = layer.integer("num_features") else { return [:] }
    var tensors: [String: Tensor] = [:]
    if layer.boolean("affine") ?? true {
      tensors["weight"] = Tensor(shape: [features], repeating: 1)
      tensors["bias"] = Tensor(shape: [features], repeating: 0)
    }
    if layer.boolean("track_running_stats") ?? true {
      tensors["running_mean"] = Tensor(shape: [features], repeating: 0)
      tensors["running_var"] = Tensor(shape: [features], repeating: 1)
    }
    return tensors
  }
}
