import ShapeTensor

/// `nn.Softmax(dim=None)`: exp(x) normalized to sum to 1 along `dim`.
public struct SoftmaxKind: LayerKind {
  public init() {}
  public let name = "Softmax"
  public let arguments = [ArgumentSpec("dim", .optional(.dimensionIndex), default: ArgumentValue.none)]
  public let relationship =
    "same shape; values along dim become positive and sum to 1 (exp(x) divided by the sum of exp)"

  public func outputShape(
    for input: [ShapeDim], of layer: LayerInstance, context: ShapeContext
  ) -> ShapeRuleResult {
    softmaxShape(input: input, layer: layer)
  }
}

/// `nn.LogSoftmax(dim=None)`: the logarithm of Softmax along `dim`.
public struct LogSoftmaxKind: LayerKind {
  public init() {}
  public let name = "LogSoftmax"
  public let arguments = [ArgumentSpec("dim", .optional(.dimensionIndex), default: ArgumentValue.none)]
  public let relationship =
    "same shape; values along dim become log-probabilities: x - max - log(sum(exp(x - max)))"

  public func outputShape(
    for input: [ShapeDim], of layer: LayerInstance, context: ShapeContext
  ) -> ShapeRuleResult {
    softmaxShape(input: input, layer: layer)
  }
}

/// Returns the dimension that PyTorch's softmax functions use when `dim` is None: 0 for inputs with 0,
/// 1 or 3 dimensions, else 1 (a deprecated implicit choice that PyTorch warns about).
public func implicitSoftmaxDimension(rank: Int) -> Int {
  [0, 1, 3].contains(rank) ? 0 : 1
}

private func softmaxShape(input: [ShapeDim], layer: LayerInstance) -> ShapeRuleResult {
  if let dim = layer.integer("dim"), wrapDimensionIndex(dim, rank: input.count) == nil {
    return .failure(
      ShapeFailure(
        code: .dimensionOutOfRange,
        message: dimensionRangeMessage(argument: "dim", index: dim, rank: input.count, layerName: layer.name),
        argument: "dim"))
  }
  return .output(input)
}

extension SoftmaxKind {
  public func forward(_ input: Tensor, of layer: LayerInstance, parameters: [String: Tensor])
    throws(KernelError) -> Tensor
  {
    input.softmax(dim: try softmaxDimension(layer, rank: input.rank))
  }
}

extension LogSoftmaxKind {
  public func forward(_ input: Tensor, of layer: LayerInstance, parameters: [String: Tensor])
    throws(KernelError) -> Tensor
  {
    input.logSoftmax(dim: try softmaxDimension(layer, rank: input.rank))
  }
}

/// Returns the dimension a softmax layer reduces over for an input of `rank`, checked.
private func softmaxDimension(_ layer: LayerInstance, rank: Int) throws(KernelError) -> Int {
  let dim = layer.integer("dim") ?? implicitSoftmaxDimension(rank: rank)
  guard let wrapped = wrapDimensionIndex(dim, rank: rank) else {
    throw KernelError("'dim=\(dim)' of '\(layer.name)' is out of range for an input of rank \(rank)")
  }
  return wrapped
}
