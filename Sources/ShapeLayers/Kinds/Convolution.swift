import ShapeSymbolic
import ShapeTensor

/// The shape rule, parameters, kernel call and initialization shared by `Conv1d` and `Conv2d`.
public protocol ConvolutionKind: LayerKind {
  /// The number of spatial dimensions: 1 for `Conv1d`, 2 for `Conv2d`.
  var spatialRank: Int { get }
}

extension ConvolutionKind {
  /// PyTorch's constructor arguments of `nn.Conv1d` and `nn.Conv2d`.
  static func convolutionArguments(spatialRank: Int) -> [ArgumentSpec] {
    let ones = ArgumentValue.sizes(Array(repeating: 1, count: spatialRank))
    let zeros = ArgumentValue.sizes(Array(repeating: 0, count: spatialRank))
    let paddingType = ArgumentType.either([
      .spatial(count: spatialRank, minimum: 0), .string(allowed: ["valid", "same"]),
    ])
    let modes = ConvPaddingMode.allCases.map(\.rawValue)
    return [
      .size("in_channels"),
      .size("out_channels"),
      ArgumentSpec("kernel_size", .spatial(count: spatialRank, minimum: 1), shapeConstant: true),
      ArgumentSpec(
        "stride", .spatial(count: spatialRank, minimum: 1), default: ones, shapeConstant: true),
      ArgumentSpec("padding", paddingType, default: zeros, shapeConstant: true),
      ArgumentSpec(
        "dilation", .spatial(count: spatialRank, minimum: 1), default: ones, shapeConstant: true),
      ArgumentSpec("groups", .integer(minimum: 1), default: .integer(1), shapeConstant: true),
      ArgumentSpec("bias", .boolean, default: .boolean(true)),
      ArgumentSpec("padding_mode", .string(allowed: modes), default: .string("zeros")),
    ] + ArgumentSpec.factoryArguments
  }

  public func validate(_ layer: LayerInstance) -> [ArgumentProblem] {
    var problems: [ArgumentProblem] = []
    let groups = layer.integer("groups") ?? 1
    let inChannels = layer.integer("in_channels") ?? 1
    let outChannels = layer.integer("out_channels") ?? 1
    for (argument, channels) in [("in_channels", inChannels), ("out_channels", outChannels)]
    where channels % groups != 0 {
      let suggestion = largestCommonDivisor(of: [inChannels, outChannels], atMost: groups)
      problems.append(
        ArgumentProblem(
          argument: "groups",
          message: "'groups' of '\(layer.name)' is \(groups), which does not divide "
            + "'\(argument)' \(channels); each group needs the same number of channels, so use "
            + "a value that divides \(inChannels) and \(outChannels), such as \(suggestion)",
          code: .groupsMismatch))
      break
    }
    let strides = layer.sizes("stride") ?? []
    if layer.string("padding") == "same", strides.contains(where: { $0 != 1 }) {
      let half = (layer.sizes("kernel_size") ?? []).map { $0 / 2 }
      problems.append(
        ArgumentProblem(
          argument: "padding",
          message: "'\(layer.name)' uses padding='same' with stride \(ArgumentValue.sizes(strides)), "
            + "but PyTorch accepts 'same' only with stride 1; give the padding as numbers instead, "
            + "such as padding=\(ArgumentValue.sizes(half)) (half the kernel size, rounded down)",
          code: .samePaddingStride))
    }
    return problems
  }

  public func divisibilityRules(of layer: LayerInstance) -> [DivisibilityRule] {
    [
      DivisibilityRule(
        divisor: "groups", multiples: ["in_channels", "out_channels"],
        reason: "'\(layer.name)' splits its channels into groups of equal size")
    ]
  }

  /// Returns the window of spatial axis `index`, with 'valid' as zero padding, or nil for
  /// 'same' padding.
  func windowAxis(_ layer: LayerInstance, _ index: Int) -> WindowAxis? {
    guard layer.string("padding") != "same",
      let kernel = layer.windowConstant("kernel_size", index),
      let stride = layer.windowConstant("stride", index),
      let dilation = layer.windowConstant("dilation", index)
    else { return nil }
    let padding = layer.windowConstant("padding", index) ?? WindowConstant(0)
    return WindowAxis(kernel: kernel, stride: stride, padding: padding, dilation: dilation)
  }

  public func parameters(of layer: LayerInstance) -> [ParameterSpec] {
    var inPerGroup = layer.dimension("in_channels")
    if layer.argumentRanges["groups"] != nil,
      let formula = try? inPerGroup.formula.floorDividing(by: .symbol(layer.symbol("groups")))
    {
      inPerGroup = ShapeDim(formula)
    } else if let groups = layer.integer("groups"), groups != 1,
      let formula = try? inPerGroup.formula.floorDividing(by: .constant(groups))
    {
      inPerGroup = ShapeDim(formula)
    }
    let kernel = (0..<spatialRank).map { layer.dimension("kernel_size[\($0)]") }
    let weight = ParameterSpec(name: "weight", shape: [layer.dimension("out_channels"), inPerGroup] + kernel)
    guard layer.boolean("bias") ?? true else { return [weight] }
    return [weight, ParameterSpec(name: "bias", shape: [layer.dimension("out_channels")])]
  }

  public func outputShape(
    for input: [ShapeDim], of layer: LayerInstance, context: ShapeContext
  ) -> ShapeRuleResult {
    if let failure = SpatialShape.rankFailure(input, spatialRank: spatialRank, layer: layer) {
      return .failure(failure)
    }
    let channelAxis = input.count - spatialRank - 1
    let requirement = DimRequirement(
      code: .channelMismatch, argument: "in_channels",
      expected: .symbol(layer.symbol("in_channels")), inputAxis: channelAxis,
      meaning: "input channels")
    let leading = Array(input[..<channelAxis]) + [layer.dimension("out_channels")]
    let spatialInput = Array(input[(channelAxis + 1)...])
    if let failure = paddingModeFailure(spatialInput, layer: layer, context: context) {
      return .failure(failure)
    }
    let axes = (0..<spatialRank).compactMap { windowAxis(layer, $0) }
    guard axes.count == spatialRank else {
      // padding='same' with stride 1 keeps every spatial size.
      return .success(ShapeOutput(shape: leading + spatialInput, requirements: [requirement]))
    }
    switch SpatialShape.slideAll(input, axes: axes, layer: layer, context: context) {
    case .failure(let failure):
      return .failure(failure)
    case .success(let (spatial, conditions)):
      return .success(
        ShapeOutput(shape: leading + spatial, requirements: [requirement], conditions: conditions))
    }
  }

  /// PyTorch's limits on non-zero padding: reflect padding must be smaller than the input
  /// size, circular padding at most the input size.
  private func paddingModeFailure(
    _ spatial: [ShapeDim], layer: LayerInstance, context: ShapeContext
  ) -> ShapeFailure? {
    let mode = layer.string("padding_mode") ?? "zeros"
    guard mode == "reflect" || mode == "circular" else { return nil }
    let paddings = resolvedPadding(layer)
    for (index, dim) in spatial.enumerated() {
      // NOTE: a free size is not checked against the padding.
      guard let size = context.value(of: dim.formula), paddings.indices.contains(index) else { continue }
      let amount = max(paddings[index].before, paddings[index].after)
      if mode == "reflect" ? amount >= size : amount > size {
        let limit = mode == "reflect" ? "smaller than" : "at most"
        return ShapeFailure(
          code: .paddingTooLarge,
          message: "'\(layer.name)' pads by \(amount) in '\(mode)' mode, which must be \(limit) "
            + "the input size \(size) of spatial dimension \(index)",
          argument: "padding")
      }
    }
    return nil
  }

  /// Returns the padding per spatial dimension with 'same' and 'valid' resolved.
  func resolvedPadding(_ layer: LayerInstance) -> [ConvPadding] {
    let kernel = layer.sizes("kernel_size") ?? []
    let dilation = layer.sizes("dilation") ?? []
    switch layer.string("padding") {
    case "same":
      return zip(kernel, dilation).map { ConvArithmetic.samePadding(kernelSize: $0, dilation: $1) ?? ConvPadding(0) }
    case "valid":
      return Array(repeating: ConvPadding(0), count: spatialRank)
    default:
      return (layer.sizes("padding") ?? []).map { ConvPadding($0) }
    }
  }
}

extension ConvolutionKind {
  public func forward(_ input: Tensor, of layer: LayerInstance, parameters: [String: Tensor])
    throws(KernelError) -> Tensor
  {
    guard let weight = parameters["weight"], weight.rank == spatialRank + 2 else {
      throw KernelError("'\(layer.name)' has no weight of rank \(spatialRank + 2)")
    }
    guard input.rank == spatialRank + 1 || input.rank == spatialRank + 2,
      input.shape[input.rank - spatialRank - 1] == layer.integer("in_channels")
    else {
      throw KernelError(
        "'\(layer.name)' expects \(layer.integer("in_channels") ?? 0) input channels in an input of "
          + "shape \(SpatialShape.layoutDescription(spatialRank: spatialRank)), but the input has "
          + "shape \(input.shape)")
    }
    let mode = ConvPaddingMode(rawValue: layer.string("padding_mode") ?? "zeros") ?? .zeros
    let options = ConvOptions(
      stride: layer.sizes("stride") ?? [], padding: resolvedPadding(layer),
      dilation: layer.sizes("dilation") ?? [], groups: layer.integer("groups") ?? 1,
      paddingMode: mode)
    do {
      if spatialRank == 1 {
        return try Convolution.conv1d(input, weight: weight, bias: parameters["bias"], options: options)
      }
      return try Convolution.conv2d(input, weight: weight, bias: parameters["bias"], options: options)
    } catch {
      throw KernelError("'\(layer.name)': \(error)")
    }
  }

  /// Draws `kaiming_uniform_(weight, a=√5)` and then the bias from U(−1/√fan_in, 1/√fan_in),
  /// as `_ConvNd.reset_parameters` does, with fan_in = in_channels / groups · kernel elements.
  public func initialParameters(of layer: LayerInstance, generator: inout TorchGenerator)
    -> [String: Tensor]
  {
    guard let inChannels = layer.integer("in_channels"),
      let outChannels = layer.integer("out_channels"), let kernel = layer.sizes("kernel_size"),
      let groups = layer.integer("groups"), groups >= 1,
      let drawn = TorchInit.defaultParameters(
        weightShape: [outChannels, inChannels / groups] + kernel,
        biasCount: (layer.boolean("bias") ?? true) ? outChannels : nil, generator: &generator)
    else { return [:] }
    var parameters = ["weight": drawn.weight]
    parameters["bias"] = drawn.bias
    return parameters
  }
}
