import ShapeTensor

/// `nn.Embedding(num_embeddings, embedding_dim, padding_idx=None, max_norm=None,
/// norm_type=2.0, scale_grad_by_freq=False, sparse=False)`: replaces each index by a row of
/// the weight.
public struct EmbeddingKind: LayerKind {
  public init() {}
  public let name = "Embedding"
  public let arguments: [ArgumentSpec] =
    [
      .size("num_embeddings"),
      .size("embedding_dim"),
      ArgumentSpec("padding_idx", .optional(.dimensionIndex), default: ArgumentValue.none),
      ArgumentSpec("max_norm", .optional(.float(minimum: 0, maximum: nil)), default: ArgumentValue.none),
      ArgumentSpec("norm_type", .float(minimum: nil, maximum: nil), default: .float(2)),
      ArgumentSpec("scale_grad_by_freq", .boolean, default: .boolean(false)),
      ArgumentSpec("sparse", .boolean, default: .boolean(false)),
    ] + ArgumentSpec.factoryArguments
  public let relationship =
    "a dimension embedding_dim is appended: each index in 0..<num_embeddings becomes its row of "
    + "weight, which is [num_embeddings, embedding_dim]"

  /// Embedding initializes from N(0, 1), which is not reproduced bit for bit.
  public var reproducesTorchInitialization: Bool { false }

  public func validate(_ layer: LayerInstance) -> [ArgumentProblem] {
    guard let index = layer.integer("padding_idx"), let count = layer.integer("num_embeddings"),
      index < -count || index >= count
    else { return [] }
    return [
      ArgumentProblem(
        argument: "padding_idx",
        message: "'padding_idx' of '\(layer.name)' is \(index), but it must be in "
          + "-\(count)...\(count - 1) for \(count) embeddings")
    ]
  }

  public func parameters(of layer: LayerInstance) -> [ParameterSpec] {
    [
      ParameterSpec(
        name: "weight", shape: [layer.dimension("num_embeddings"), layer.dimension("embedding_dim")])
    ]
  }

  public func outputShape(
    for input: [ShapeDim], of layer: LayerInstance, context: ShapeContext
  ) -> ShapeRuleResult {
    .output(input + [layer.dimension("embedding_dim")])
  }

  public func forward(_ input: Tensor, of layer: LayerInstance, parameters: [String: Tensor])
    throws(KernelError) -> Tensor
  {
    guard let weight = parameters["weight"] else {
      throw KernelError("'\(layer.name)' has no weight")
    }
    let maxNorm = layer.float("max_norm").map(Float.init)
    do {
      return try EmbeddingLookup.embedding(
        input, weight: weight, maxNorm: maxNorm, normType: Float(layer.float("norm_type") ?? 2))
    } catch {
      throw KernelError("'\(layer.name)': \(error)")
    }
  }

  /// Draws the weight from N(0, 1) and zeroes the `padding_idx` row, as PyTorch's constructor
  /// does. NOTE: from 16 elements on the draws match only PyTorch's DEFAULT CPU build, not its
  /// AVX2 build; see `TorchInit.normal`.
  public func initialParameters(of layer: LayerInstance, generator: inout TorchGenerator)
    -> [String: Tensor]
  {
    guard let count = layer.integer("num_embeddings"), let dimension = layer.integer("embedding_dim"),
      let total = Tensor.elementCount(of: [count, dimension])
    else { return [:] }
    var values = TorchInit.normal(count: total, mean: 0, std: 1, generator: &generator)
    if let index = layer.integer("padding_idx"), index >= -count, index < count {
      let row = index < 0 ? index + count : index
      for column in 0..<dimension { values[row * dimension + column] = 0 }
    }
    return ["weight": Tensor(shape: [count, dimension], scalars: values)]
  }
}
