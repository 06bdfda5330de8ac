import ShapeSymbolic

/// Shape arithmetic shared by the convolution and pooling kinds, whose input is
/// `[N, C, spatial...]` or unbatched `[C, spatial...]`.
enum SpatialShape {
  /// Returns the input layouts with named dimensions, for messages.
  static func layoutDescription(spatialRank: Int) -> String {
    spatialRank == 1 ? "[N, C, L] or [C, L]" : "[N, C, H, W] or [C, H, W]"
  }

  /// Returns a failure when `input` has neither `spatialRank + 1` nor `spatialRank + 2` dimensions.
  static func rankFailure(_ input: [ShapeDim], spatialRank: Int, layer: LayerInstance)
    -> ShapeFailure?
  {
    guard input.count != spatialRank + 1, input.count != spatialRank + 2 else { return nil }
    return ShapeFailure(
      code: .rankMismatch,
      message: "'\(layer.name)' (\(layer.kind.name)) needs an input of shape "
        + "\(layoutDescription(spatialRank: spatialRank)), but receives a tensor with "
        + "\(input.count) dimension\(input.count == 1 ? "" : "s")")
  }

  /// Maps one spatial dimension through a sliding window.
  ///
  /// With a known input size the window must fit, else the result is a failure that lists how
  /// the size came about. With a free input size the result carries the smallest size that
  /// fits as a condition for the checker.
  static func slide(
    _ input: ShapeDim, through axis: WindowAxis, inputAxis: Int, layer: LayerInstance,
    context: ShapeContext
  ) -> Result<(ShapeDim, DimCondition?), ShapeFailure> {
    guard let minimum = axis.minimumInput, let span = axis.span else {
      return .failure(overflow(layer))
    }
    let derivation = recentSteps(input.origin?.derivation ?? [])

    let reason =
      "the window of '\(layer.name)' spans \(span) element\(span == 1 ? "" : "s") "
      + "(kernel_size \(axis.kernel.value), dilation \(axis.dilation.value)) and the padding adds "
      + "\(axis.padding.value) on each side"
    guard let inputValue = context.value(of: input.formula) else {
      guard let formula = compactFormula(axis, input: input.formula, context: context) else {
        return .failure(overflow(layer))
      }
      let step =
        "'\(layer.name)' maps \(context.valuesSubstituted(in: input.formula)) to "
        + "\(context.valuesSubstituted(in: formula))"
      let output = ShapeDim(formula, origin: origin(layer, inputAxis, derivation + [step]))
      let condition =
        minimum > 1
        ? DimCondition(
          code: .windowTooLarge, argument: "kernel_size", inputAxis: inputAxis, minimum: minimum,
          reason: reason)
        : nil
      return .success((output, condition))
    }
    guard inputValue >= minimum else {
      return .failure(
        ShapeFailure(
          code: .windowTooLarge,
          message: "'\(layer.name)' needs dimension \(inputAxis) of its input to be at least "
            + "\(minimum), but it is \(inputValue)",
          argument: "kernel_size",
          notes: derivation + [reason, remedy(axis, inputValue: inputValue)]))
    }
    guard let size = axis.outputSize(for: inputValue) else { return .failure(overflow(layer)) }
    var formula = compactFormula(axis, input: input.formula, context: context) ?? .constant(size)
    // Ceil mode drops a last window that would start in the right padding. The formula cannot
    // express that, so the value is kept as a constant.
    if context.value(of: formula) != size {
      formula = .constant(size)
    }
    let step =
      "'\(layer.name)' maps \(inputValue) to \(size): "
      + axis.arithmeticText(input: String(inputValue))
    return .success((ShapeDim(formula, origin: origin(layer, inputAxis, derivation + [step])), nil))
  }

  /// Describes the largest kernel size that fits `inputValue` with the current padding and
  /// dilation, and the padding that would let the current window fit.
  ///
  /// The caller has checked that `inputValue < span − 2·padding` without overflow, so the sums
  /// here stay below the span.
  private static func remedy(_ axis: WindowAxis, inputValue: Int) -> String {
    guard inputValue >= 0 else { return "use a smaller kernel_size or more padding" }
    let padded = inputValue + 2 * axis.padding.value
    let largestKernel = (padded - 1) / axis.dilation.value + 1
    let missing = (axis.span ?? 0) - inputValue
    let padding = (missing + 1) / 2
    var options: [String] = []
    if largestKernel >= 1 {
      options.append("a kernel_size of at most \(largestKernel)")
    }
    options.append("padding of at least \(padding)")
    options.append("less downsampling before this layer")
    return "use " + options.joined(separator: ", or ")
  }

  /// Builds the output formula over the layer's symbols. When the input formula already has a
  /// quarter of the size limit of `Dim`, as in a deep model, it uses the values of every bound
  /// constant instead.
  private static func compactFormula(_ axis: WindowAxis, input: Dim, context: ShapeContext) -> Dim? {
    if input.size <= Dim.maxSize / 4, let formula = try? axis.outputFormula(for: input) {
      return formula
    }
    return try? axis.withValues.outputFormula(for: context.valuesSubstituted(in: input))
  }

  /// The largest number of derivation steps a size keeps; older steps are summarized.
  static let maxDerivationSteps = 40

  /// Keeps the last steps of a long derivation behind one line that counts the others, so that
  /// a deep model does not copy ever longer lists.
  private static func recentSteps(_ steps: [String]) -> [String] {
    guard steps.count > maxDerivationSteps else { return steps }
    var earlier = steps.count - (maxDerivationSteps - 1)
    if let first = steps.first, first.hasPrefix("… "),
      let count = Int(first.dropFirst(2).prefix(while: \.isNumber))
    {
      // The line itself was counted as a step.
      earlier += count - 1
    }
    return ["… \(earlier) earlier steps"] + steps.suffix(maxDerivationSteps - 1)
  }

  private static func origin(_ layer: LayerInstance, _ inputAxis: Int, _ derivation: [String])
    -> DimOrigin
  {
    DimOrigin(
      description: "'\(layer.name)' (the output size of dimension \(inputAxis))",
      range: layer.callRange, layerName: layer.name, derivation: derivation)
  }

  static func overflow(_ layer: LayerInstance) -> ShapeFailure {
    ShapeFailure(
      code: .arithmeticOverflow,
      message: "the output size of '\(layer.name)' overflows 64-bit integers or grows too large")
  }

  /// Slides every spatial dimension of `input`, which has passed `rankFailure`, through its
  /// axis, and returns the output spatial dimensions with the conditions on free sizes.
  static func slideAll(
    _ input: [ShapeDim], axes: [WindowAxis], layer: LayerInstance, context: ShapeContext
  ) -> Result<([ShapeDim], [DimCondition]), ShapeFailure> {
    let first = input.count - axes.count
    var output: [ShapeDim] = []
    var conditions: [DimCondition] = []
    for (offset, axis) in axes.enumerated() {
      switch slide(input[first + offset], through: axis, inputAxis: first + offset, layer: layer, context: context) {
      case .failure(let failure):
        return .failure(failure)
      case .success(let (dim, condition)):
        output.append(dim)
        if let condition { conditions.append(condition) }
      }
    }
    return .success((output, conditions))
  }
}
