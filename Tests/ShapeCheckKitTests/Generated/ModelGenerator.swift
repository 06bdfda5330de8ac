import ShapeLayers

/// The input that a generated model starts from.
enum GeneratedInput {
  /// Features `[F]`, a sequence `[C, L]`, an image `[C, H, W]` or indices `[T]` that an
  /// Embedding reads, each drawn at random and batched or not.
  case random
  /// `[features]` or `[N, features]`.
  case features(Int)
  /// `[channels, height, width]` or `[N, channels, height, width]`.
  case image(channels: Int, height: Int, width: Int)
}

/// Writes random models that are consistent by construction: chains of layers of every kind
/// in `LayerCatalog.standard`, some inline and some named, some grouped into nested
/// `Sequential`s, with named size constants and a batched or unbatched input.
///
/// The generator tracks the shape of the tensor exactly and draws each layer from the kinds
/// that accept that shape. So a model that starts with an image runs convolution, pooling and
/// normalization layers until a Flatten leads to the dense layers.
struct ModelGenerator {
  /// Layer kinds of the catalog that the generator does not build, with the reason.
  static let skippedKinds: [String: String] = [:]

  /// The catalog kinds that the generator builds.
  static let supportedKinds: Set<String> = [
    "Linear", "Flatten", "Unflatten", "ReLU", "LeakyReLU", "Sigmoid", "Tanh", "GELU", "SiLU",
    "Softmax", "LogSoftmax", "Dropout", "Identity", "Conv1d", "Conv2d", "MaxPool1d", "MaxPool2d",
    "AvgPool1d", "AvgPool2d", "AdaptiveAvgPool1d", "AdaptiveAvgPool2d", "AdaptiveMaxPool1d",
    "AdaptiveMaxPool2d", "BatchNorm1d", "BatchNorm2d", "GroupNorm", "LayerNorm", "Dropout1d",
    "Dropout2d", "Embedding",
  ]

  var random: SplitMix64
  private let seed: UInt64
  let input: GeneratedInput
  /// The supported kinds in catalog order, so that draws do not depend on hashing.
  let kinds: [String]
  private var statements: [GeneratedStatement] = []
  private var expectedShapes: [String: [Int?]] = [:]
  /// The mutation sites of arguments that check a dimension. Changing one breaks only its
  /// own check.
  private var consumerSites: [MutationSite] = []
  var flow = SizeFlow()
  private var layerCount = 0
  private var constantCount = 0
  private var constructedKinds: [String] = []
  var isBatched = false
  /// Whether the model started with channels and spatial sizes and has not been flattened
  /// to features yet.
  var isSpatial = false
  /// Whether the next layer is the Embedding that reads the input indices.
  var needsEmbedding = false
  /// The current tensor.
  var dimensions: [TrackedDimension] = []

  /// Creates a generator for `seed`, whose models start from `input`.
  init(seed: UInt64, input: GeneratedInput = .random) {
    self.seed = seed
    self.random = SplitMix64(seed: seed)
    self.input = input
    self.kinds = LayerCatalog.standard.kinds.map(\.name).filter { Self.supportedKinds.contains($0) }
  }

  /// Builds the model for this generator's seed.
  mutating func generate() -> GeneratedModel {
    isBatched = Bool.random(using: &random)
    dimensions = makeInputDimensions()
    statements.append(.input(name: "x", dims: dimensions.map { $0.size.map(String.init) ?? "N" }))
    var current = "x"
    for index in 0..<Int.random(in: 1...8, using: &random) {
      let callee = makeGroup(depth: 0)
      let output = "a\(index)"
      statements.append(.apply(output: output, callee: callee, input: current))
      expectedShapes[output] = shape
      current = output
    }
    return GeneratedModel(
      seed: seed, statements: statements, expectedShapes: expectedShapes,
      mutationSites: consumerSites + flow.mutationSites(), isBatched: isBatched,
      kinds: constructedKinds)
  }

  /// The sizes of the current tensor, with nil for the batch dimension.
  var shape: [Int?] {
    dimensions.map(\.size)
  }

  /// The index of the first dimension after the batch dimension.
  var firstSampleAxis: Int {
    isBatched ? 1 : 0
  }

  /// Returns the size of `axis`, which the caller has chosen after the batch dimension.
  func size(at axis: Int) -> Int {
    guard let size = dimensions[axis].size else {
      preconditionFailure("axis \(axis) of \(shape) is the batch dimension, which has no size")
    }
    return size
  }

  /// Builds one applied callee: a single layer or a Sequential, inline or named.
  private mutating func makeGroup(depth: Int) -> LayerExpression {
    let expression: LayerExpression
    if depth < 2, Int.random(in: 0..<3, using: &random) == 0 {
      let items = (0..<Int.random(in: 1...3, using: &random)).map { _ in makeGroup(depth: depth + 1) }
      expression = .sequential(items)
    } else {
      expression = .layer(makeLayer())
    }
    guard Bool.random(using: &random) else { return expression }
    layerCount += 1
    let name = "layer\(layerCount)"
    statements.append(.define(name: name, expression))
    return .reference(name)
  }

  /// Builds a layer that accepts the current shape and moves the shape to its output.
  private mutating func makeLayer() -> GeneratedLayer {
    layerCount += 1
    let id = "layer\(layerCount)"
    let kind = needsEmbedding ? "Embedding" : drawKind()
    constructedKinds.append(kind)
    switch kind {
    case "Linear": return makeLinear(id)
    case "Flatten": return makeFlatten()
    case "Unflatten": return makeUnflatten()
    case "Embedding": return makeEmbedding(id)
    case "Conv1d", "Conv2d": return makeConvolution(id, kind: kind)
    case "MaxPool1d", "MaxPool2d", "AvgPool1d", "AvgPool2d": return makePool(kind: kind)
    case "AdaptiveAvgPool1d", "AdaptiveAvgPool2d", "AdaptiveMaxPool1d", "AdaptiveMaxPool2d":
      return makeAdaptivePool(kind: kind)
    case "BatchNorm1d", "BatchNorm2d": return makeBatchNorm(id, kind: kind)
    case "GroupNorm": return makeGroupNorm(id)
    case "LayerNorm": return makeLayerNorm(id)
    case let kind: return makeElementwise(kind)
    }
  }

  /// Builds a layer that keeps the shape.
  private mutating func makeElementwise(_ kind: String) -> GeneratedLayer {
    switch kind {
    case "LeakyReLU": return GeneratedLayer(kind: kind, arguments: [argument("negative_slope", "0.2")])
    case "GELU": return GeneratedLayer(kind: kind, arguments: [argument("approximate", "'tanh'")])
    case "Softmax", "LogSoftmax":
      let dim = Int.random(in: -dimensions.count..<dimensions.count, using: &random)
      return GeneratedLayer(kind: kind, arguments: [argument("dim", String(dim))])
    case "Dropout", "Dropout1d", "Dropout2d":
      return GeneratedLayer(kind: kind, arguments: [argument("p", "0.25")])
    default: return GeneratedLayer(kind: kind, arguments: [])
    }
  }

  func argument(_ label: String, _ text: String) -> GeneratedArgument {
    GeneratedArgument(label: label, value: .text(text))
  }

  func argument(_ label: String, size: Int, site: String? = nil) -> GeneratedArgument {
    GeneratedArgument(label: label, value: .size(size, site: site))
  }

  /// Adds a mutation site for the argument at `site`, whose check reads `axis`, and records
  /// the read for the site that produced the axis.
  mutating func consume(axis: Int, site: String, divisor: Int = 1) {
    let mutation = MutationSite(site: site, reportSites: [site], value: size(at: axis), step: divisor)
    consumerSites.append(mutation)
    flow.consume(dimensions[axis], by: site, divisor: divisor)
  }

  /// Builds a size argument that produces a new dimension: a literal, or a third of the time
  /// a named constant such as `hidden_2 = 16`. Returns the argument and the dimension.
  mutating func producedSize(_ label: String, value: Int, site: String, divisor: Int = 1)
    -> (GeneratedArgument, TrackedDimension)
  {
    guard Int.random(in: 0..<3, using: &random) == 0 else {
      let dimension = flow.produce(site: site, value: value, divisor: divisor)
      return (argument(label, size: value, site: site), dimension)
    }
    constantCount += 1
    let name = "hidden_\(constantCount)"
    statements.append(.constant(name: name, value: value))
    let dimension = flow.produce(site: "constant.\(name)", value: value, divisor: divisor)
    return (argument(label, name), dimension)
  }

  /// Appends `True` or `False` for `label` half of the time.
  mutating func appendFlag(_ label: String, to arguments: inout [GeneratedArgument]) {
    guard Bool.random(using: &random) else { return }
    arguments.append(argument(label, Bool.random(using: &random) ? "True" : "False"))
  }
}
