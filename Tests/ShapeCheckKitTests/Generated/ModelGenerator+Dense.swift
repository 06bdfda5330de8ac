/// The input, and the layers that read or reshape features: Linear, Flatten, Unflatten and
/// Embedding.
extension ModelGenerator {
  /// Draws the input's dimensions, with the batch dimension first when the model is batched.
  mutating func makeInputDimensions() -> [TrackedDimension] {
    let sizes: [Int]
    switch input {
    case .features(let features):
      sizes = [features]
    case .image(let channels, let height, let width):
      sizes = [channels, height, width]
      isSpatial = true
    case .random:
      sizes = drawInputSizes()
    }
    let batch = isBatched ? [TrackedDimension(size: nil)] : []
    return batch + sizes.map { TrackedDimension(size: $0) }
  }

  private mutating func drawInputSizes() -> [Int] {
    switch Int.random(in: 0..<8, using: &random) {
    case 0...2:
      return [Int.random(in: 1...48, using: &random)]
    case 3, 4:
      isSpatial = true
      return [Int.random(in: 1...8, using: &random), Int.random(in: 1...48, using: &random)]
    case 5, 6:
      isSpatial = true
      return [
        Int.random(in: 1...4, using: &random), Int.random(in: 1...24, using: &random),
        Int.random(in: 1...24, using: &random),
      ]
    default:
      needsEmbedding = true
      return [Int.random(in: 1...12, using: &random)]
    }
  }

  mutating func makeLinear(_ id: String) -> GeneratedLayer {
    let axis = dimensions.count - 1
    let inFeatures = size(at: axis)
    let inSite = "\(id).in_features"
    consume(axis: axis, site: inSite)
    let (outArgument, output) = producedSize(
      "out_features", value: Int.random(in: 1...40, using: &random), site: "\(id).out_features")
    dimensions[axis] = output
    var arguments = [argument("in_features", size: inFeatures, site: inSite), outArgument]
    appendFlag("bias", to: &arguments)
    return GeneratedLayer(kind: "Linear", arguments: arguments)
  }

  /// Whether the input has two dimensions after the batch dimension to merge.
  var canFlatten: Bool {
    dimensions.count - firstSampleAxis >= 2
  }

  /// Merges a run of dimensions: usually all after the batch dimension, which leads to the
  /// dense layers, and sometimes a shorter run, such as `[N, C, H, W]` to `[N, C, H·W]`.
  mutating func makeFlatten() -> GeneratedLayer {
    let rank = dimensions.count
    let last = rank - 1
    var start = firstSampleAxis
    var end = last
    if Int.random(in: 0..<4, using: &random) == 0 {
      start = Int.random(in: firstSampleAxis..<last, using: &random)
      end = Int.random(in: (start + 1)...last, using: &random)
    }
    let merged = dimensions[start...end]
    let size = merged.reduce(1) { $0 * ($1.size ?? 1) }
    let dimension = TrackedDimension(size: size, producers: merged.flatMap(\.producers))
    dimensions.replaceSubrange(start...end, with: [dimension])
    if dimensions.count - firstSampleAxis == 1 { isSpatial = false }
    var arguments: [GeneratedArgument] = []
    // The batched form uses the default start_dim=1 unless another one was drawn.
    if start != 1 || end != last {
      arguments.append(argument("start_dim", String(start)))
    }
    if end != last {
      arguments.append(argument("end_dim", String(Bool.random(using: &random) ? end : end - rank)))
    }
    return GeneratedLayer(kind: "Flatten", arguments: arguments)
  }

  mutating func makeUnflatten() -> GeneratedLayer {
    let axis = dimensions.count - 1
    let last = size(at: axis)
    let divisors = (1...last).filter { last % $0 == 0 }
    let first = divisors.randomElement(using: &random) ?? 1
    flow.block(dimensions[axis])
    dimensions[axis] = TrackedDimension(size: first)
    dimensions.append(TrackedDimension(size: last / first))
    let sizes = GeneratedValue.sequence(
      [.size(first, site: nil), .size(last / first, site: nil)], isList: false)
    let arguments = [argument("dim", "-1"), GeneratedArgument(label: "unflattened_size", value: sizes)]
    return GeneratedLayer(kind: "Unflatten", arguments: arguments)
  }

  /// Builds the Embedding that reads the input indices and appends `embedding_dim`.
  mutating func makeEmbedding(_ id: String) -> GeneratedLayer {
    needsEmbedding = false
    let count = Int.random(in: 1...50, using: &random)
    let (dimensionArgument, output) = producedSize(
      "embedding_dim", value: Int.random(in: 1...24, using: &random), site: "\(id).embedding_dim")
    dimensions.append(output)
    var arguments = [argument("num_embeddings", size: count), dimensionArgument]
    if Bool.random(using: &random) {
      arguments.append(argument("padding_idx", String(Int.random(in: -count..<count, using: &random))))
      if Bool.random(using: &random) { arguments.append(argument("max_norm", "1.5")) }
    }
    return GeneratedLayer(kind: "Embedding", arguments: arguments)
  }
}
