import ShapeLayers

/// Writes random models that are consistent by construction: chains of layers of every kind
/// the generator supports, some inline and some named, some grouped into nested
/// `Sequential`s, with named size constants and a batched or unbatched input.
struct ModelGenerator {
  /// Layer kinds of the catalog that the generator does not build, with the reason.
  static let skippedKinds: [String: String] = [
    "AdaptiveAvgPool1d": spatialReason,
    "AdaptiveAvgPool2d": spatialReason,
    "AdaptiveMaxPool1d": spatialReason,
    "AdaptiveMaxPool2d": spatialReason,
    "AvgPool1d": spatialReason,
    "AvgPool2d": spatialReason,
    "BatchNorm1d": spatialReason,
    "BatchNorm2d": spatialReason,
    "Conv1d": spatialReason,
    "Conv2d": spatialReason,
    "Dropout1d": spatialReason,
    "Dropout2d": spatialReason,
    "GroupNorm": spatialReason,
    "MaxPool1d": spatialReason,
    "MaxPool2d": spatialReason,
    "Embedding": "takes integer indices, and the generated chains carry Float32 features",
    "LayerNorm": "not generated yet; its normalized_shape must match trailing dimensions",
  ]

  private static let spatialReason = "needs a channel and spatial layout, such as [N, C, L] or [N, C, H, W], that the chain generator does not build"

  /// The catalog kinds that the generator builds.
  static let supportedKinds: Set<String> = [
    "Linear", "Flatten", "Unflatten", "ReLU", "LeakyReLU", "Sigmoid", "Tanh", "GELU", "SiLU",
    "Softmax", "LogSoftmax", "Dropout", "Identity",
  ]

  private var random: SplitMix64
  private let seed: UInt64
  private let kinds: [String]
  private let inputFeatures: Int?
  private var statements: [GeneratedStatement] = []
  private var expectedShapes: [String: [Int?]] = [:]
  private var mutationSites: [MutationSite] = []
  private var layerCount = 0
  private var isBatched = false
  private var constantCount = 0
  /// The current tensor's shape; nil is the batch dimension.
  private var shape: [Int?] = []
  /// The site whose value is the current last dimension, while a Linear's output reaches it
  /// through layers that keep the last dimension.
  private var lastDimensionSite: (site: String, value: Int)?

  /// Creates a generator; `inputFeatures` fixes the input to `[features]` or `[N, features]`.
  init(seed: UInt64, inputFeatures: Int? = nil) {
    self.seed = seed
    self.random = SplitMix64(seed: seed)
    self.inputFeatures = inputFeatures
    self.kinds = LayerCatalog.standard.kinds.map(\.name).filter { Self.supportedKinds.contains($0) }
  }

  /// Builds the model for this generator's seed.
  mutating func generate() -> GeneratedModel {
    isBatched = Bool.random(using: &random)
    let features = inputFeatures ?? Int.random(in: 1...48, using: &random)
    shape = isBatched ? [nil, features] : [features]
    statements.append(.input(name: "x", dims: shape.map { $0.map(String.init) ?? "N" }))
    var current = "x"
    for index in 0..<Int.random(in: 1...8, using: &random) {
      let callee = makeGroup(depth: 0)
      let output = "a\(index)"
      statements.append(.apply(output: output, callee: callee, input: current))
      expectedShapes[output] = shape
      current = output
    }
    return GeneratedModel(
      seed: seed, statements: statements, expectedShapes: expectedShapes, mutationSites: mutationSites,
      isBatched: isBatched)
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
    var candidates = kinds
    if !canFlatten { candidates.removeAll { $0 == "Flatten" } }
    if shape.count >= 4 { candidates.removeAll { $0 == "Unflatten" } }
    // Linear is drawn a third of the time, because only its sizes can be mutated.
    let kind = Int.random(in: 0..<3, using: &random) == 0 ? "Linear" : candidates.randomElement(using: &random)!
    switch kind {
    case "Linear": return makeLinear(id)
    case "Flatten": return makeFlatten()
    case "Unflatten": return makeUnflatten()
    case "LeakyReLU": return GeneratedLayer(kind: "LeakyReLU", arguments: [argument("negative_slope", "0.2")])
    case "GELU": return GeneratedLayer(kind: "GELU", arguments: [argument("approximate", "'tanh'")])
    case "Softmax": return GeneratedLayer(kind: "Softmax", arguments: [argument("dim", "-1")])
    case "LogSoftmax": return GeneratedLayer(kind: "LogSoftmax", arguments: [argument("dim", "-1")])
    case "Dropout": return GeneratedLayer(kind: "Dropout", arguments: [argument("p", "0.25")])
    case let kind: return GeneratedLayer(kind: kind, arguments: [])
    }
  }

  private func argument(_ label: String, _ value: String, site: String? = nil) -> GeneratedArgument {
    GeneratedArgument(label: label, value: value, site: site)
  }

  private mutating func makeLinear(_ id: String) -> GeneratedLayer {
    let inFeatures = shape.last!!
    let inSite = "\(id).in_features"
    mutationSites.append(MutationSite(site: inSite, reportSites: [inSite], value: inFeatures))
    if let producer = lastDimensionSite {
      mutationSites.append(MutationSite(site: producer.site, reportSites: [producer.site, inSite], value: producer.value))
    }
    let outFeatures = Int.random(in: 1...40, using: &random)
    var outArgument = argument("out_features", String(outFeatures), site: "\(id).out_features")
    if Int.random(in: 0..<3, using: &random) == 0 {
      constantCount += 1
      let name = "hidden_\(constantCount)"
      statements.append(.constant(name: name, value: outFeatures))
      outArgument = argument("out_features", name)
      lastDimensionSite = ("constant.\(name)", outFeatures)
    } else {
      lastDimensionSite = (outArgument.site!, outFeatures)
    }
    shape[shape.count - 1] = outFeatures
    var arguments = [argument("in_features", String(inFeatures), site: inSite), outArgument]
    if Bool.random(using: &random) {
      arguments.append(argument("bias", Bool.random(using: &random) ? "True" : "False"))
    }
    return GeneratedLayer(kind: "Linear", arguments: arguments)
  }

  /// Whether the input has two dimensions after the batch dimension to merge.
  private var canFlatten: Bool {
    shape.count >= (isBatched ? 3 : 2)
  }

  private mutating func makeFlatten() -> GeneratedLayer {
    let start = isBatched ? 1 : 0
    let merged = shape[start...].reduce(1) { $0 * $1! }
    shape = Array(shape[..<start]) + [merged]
    lastDimensionSite = nil
    // The batched form uses the default start_dim=1.
    return GeneratedLayer(kind: "Flatten", arguments: isBatched ? [] : [argument("start_dim", "0")])
  }

  private mutating func makeUnflatten() -> GeneratedLayer {
    let last = shape.last!!
    let divisors = (1...last).filter { last % $0 == 0 }
    let first = divisors.randomElement(using: &random)!
    shape[shape.count - 1] = first
    shape.append(last / first)
    lastDimensionSite = nil
    return GeneratedLayer(
      kind: "Unflatten", arguments: [argument("dim", "-1"), argument("unflattened_size", "(\(first), \(last / first))")])
  }
}
