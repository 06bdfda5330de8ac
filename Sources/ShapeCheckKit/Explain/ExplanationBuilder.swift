import ShapeInference
import ShapeLayers
import ShapeSymbolic

extension Explanation {
  /// Builds the explanation of an analyzed model.
  public init(analysis: ModelAnalysis) {
    var classifier = ConstantClassifier(analysis: analysis)
    let builder = ExplanationBuilder(analysis: analysis)
    self.init(
      path: analysis.source.path, groups: classifier.classify(),
      namedConstants: builder.namedConstants(), otherArguments: builder.otherArguments(),
      freeDimensions: builder.freeDimensions(), layerKinds: builder.layerKinds(),
      activations: builder.activationRelations(), parameterSentences: builder.parameterSentences(),
      parameterCount: builder.parameterCount())
  }
}

/// The parts of an explanation that describe single declarations: named constants, other
/// arguments, layer kinds, activations and parameters.
struct ExplanationBuilder {
  let analysis: ModelAnalysis

  func namedConstants() -> [NamedConstant] {
    var dependents: [Symbol: [Symbol]] = [:]
    for (symbol, definition) in analysis.definitions {
      for used in definition.formula.symbols { dependents[used, default: []].append(symbol) }
    }
    let declarations = analysis.activations.filter { $0.producer == "input" }
    let named = analysis.definitions.filter { $0.value.layerName == nil }
    return named.sorted { $0.value.range.start < $1.value.range.start }.map { symbol, definition in
      let users = transitiveDependents(of: symbol, in: dependents)
      let changed = users.union([symbol])
      let inputs = declarations.filter { declaration in
        declaration.shape.contains { !$0.formula.symbols.isDisjoint(with: changed) }
      }
      return NamedConstant(
        name: symbol.name, value: definition.value,
        location: analysis.source.location(of: definition.range.start),
        usedBy: users.map(\.name).sorted(), inputs: inputs.map(\.name))
    }
  }

  /// Returns every symbol reachable through `dependents`. The visited set bounds the walk by
  /// the number of symbols.
  private func transitiveDependents(of symbol: Symbol, in dependents: [Symbol: [Symbol]])
    -> Set<Symbol>
  {
    var visited: Set<Symbol> = []
    var pending = dependents[symbol] ?? []
    while let next = pending.popLast() {
      guard visited.insert(next).inserted else { continue }
      pending.append(contentsOf: dependents[next] ?? [])
    }
    return visited
  }

  func otherArguments() -> [OtherArgument] {
    var result: [OtherArgument] = []
    for layer in analysis.layers {
      for spec in layer.kind.arguments where !spec.isShapeConstant {
        guard let range = layer.argumentRanges[spec.name], let value = layer.arguments[spec.name]
        else { continue }
        result.append(
          OtherArgument(
            name: "\(layer.name).\(spec.name)", value: value.description,
            location: analysis.source.location(of: range.start),
            effect: effect(of: spec, in: layer)))
      }
    }
    return result.sorted { $0.location.offset < $1.location.offset }
  }

  private func effect(of spec: ArgumentSpec, in layer: LayerInstance) -> String {
    switch spec.type {
    case .dimensionIndex, .optional(.dimensionIndex):
      return "selects the dimension that '\(layer.name)' acts on"
    case .boolean:
      let toggled = toggledParameters(spec.name, in: layer)
      guard !toggled.isEmpty else { return "does not affect shapes" }
      let names = toggled.map { "'\(layer.name).\($0)'" }.joined(separator: ", ")
      return "does not affect activation shapes; decides whether \(names) exists"
    default:
      return "does not affect shapes"
    }
  }

  /// Returns the parameters that exist for only one value of a boolean argument.
  private func toggledParameters(_ argument: String, in layer: LayerInstance) -> [String] {
    guard let flag = layer.boolean(argument) else { return [] }
    var other = layer
    other.arguments[argument] = .boolean(!flag)
    let current = Set(layer.kind.parameters(of: layer).map(\.name))
    let changed = Set(layer.kind.parameters(of: other).map(\.name))
    return current.symmetricDifference(changed).sorted()
  }

  func freeDimensions() -> [FreeDimension] {
    analysis.freeSymbols.map { symbol in
      let declaration = analysis.activations.first { activation in
        activation.producer == "input"
          && activation.shape.contains { $0.formula.symbols.contains(symbol) }
      }
      let input = declaration.map {
        InputReference(name: $0.name, location: analysis.source.location(of: $0.range.start))
      }
      return FreeDimension(name: symbol.name, input: input)
    }
  }

  func layerKinds() -> [(name: String, relationship: String)] {
    var seen: Set<String> = []
    var result: [(name: String, relationship: String)] = []
    for layer in analysis.layers where seen.insert(layer.kind.name).inserted {
      result.append((layer.kind.name, layer.kind.relationship))
    }
    return result
  }

  func activationRelations() -> [ActivationRelation] {
    var steps = TensorSteps()
    for step in analysis.plan {
      switch step {
      case .input(let id, _, let shape):
        steps.shapes[id] = shape
      case .apply(let output, let input, let layer, let shape):
        steps.inputs[output] = input
        steps.layers[output] = layer.name
        steps.shapes[output] = shape
      }
    }
    var names: [Int: String] = [:]
    for activation in analysis.activations where names[activation.tensorID] == nil {
      names[activation.tensorID] = activation.name
    }
    var layers: [String: LayerInstance] = [:]
    for layer in analysis.layers { layers[layer.name] = layer }
    var sequentials: [String: SequentialInstance] = [:]
    for sequential in analysis.sequentials { sequentials[sequential.name] = sequential }
    return analysis.activations.map { activation in
      var relation = ActivationRelation(
        name: activation.name,
        shape: analysis.valuesOrFormulas(of: activation.shape),
        producer: activation.producer)
      guard activation.producer != "input" else { return relation }
      // A layer or Sequential applied to an unnamed result shows the calls that lead to it.
      // A Sequential's input lies one plan step before each of its layers.
      if let input = steps.input(of: activation.tensorID, stepsBack: max(1, activation.steps.count)) {
        relation.source = steps.describe(input, names: names)
        relation.sourceShape = steps.shapes[input].map(analysis.valuesOrFormulas)
      }
      if let layer = layers[activation.producer] {
        relation.kind = layer.kind.name
        relation.relationship = layer.kind.relationship
      } else if let sequential = sequentials[activation.producer] {
        let children = sequential.children.map { "'\($0.name)'" }.joined(separator: ", ")
        relation.relationship = "applies \(children) in order"
      }
      return relation
    }
  }

  func parameterSentences() -> [String] {
    analysis.layers.compactMap { layer in
      let parameters = layer.kind.parameters(of: layer)
      guard !parameters.isEmpty else { return nil }
      let parts = parameters.map { parameter in
        let formula = parameter.shape.formulaDescription(droppingPrefix: layer.name)
        let values = valueDescription(analysis.values(of: parameter.shape))
        return "\(layer.name).\(parameter.name) is \(formula) = \(values)"
      }
      return parts.joined(separator: " and ")
    }
  }

  func parameterCount() -> Int? {
    var total = 0
    for parameter in analysis.parameters {
      guard let count = ShapesReport.elementCount(analysis.values(of: parameter.spec.shape)) else {
        return nil
      }
      let (sum, overflow) = total.addingReportingOverflow(count)
      if overflow { return nil }
      total = sum
    }
    return total
  }
}

extension ModelAnalysis {
  /// Renders a shape by its values, with the formula for a dimension that has no value, such
  /// as `[N, 30]` for a batch of size `N`.
  func valuesOrFormulas(of shape: [ShapeDim]) -> String {
    let parts = shape.map { dim in
      value(of: dim.formula).map(String.init) ?? dim.formula.description
    }
    return "[" + parts.joined(separator: ", ") + "]"
  }
}

/// The layer applications of the plan, by the identifier of the tensor each one produced.
private struct TensorSteps {
  var inputs: [Int: Int] = [:]
  var layers: [Int: String] = [:]
  var shapes: [Int: [ShapeDim]] = [:]

  /// The maximum number of calls that a description spells out; the rest become `…`.
  static let maxCalls = 4

  /// Returns the tensor `count` layer applications before tensor `id`, or nil when the plan
  /// does not reach that far.
  func input(of id: Int, stepsBack count: Int) -> Int? {
    var current = id
    for _ in 0..<count {
      guard let previous = inputs[current] else { return nil }
      current = previous
    }
    return current
  }

  /// Returns the name of tensor `id`, or the calls that produce it from a named tensor, such
  /// as `norm(conv_1(images))`.
  func describe(_ id: Int, names: [Int: String]) -> String {
    var calls: [String] = []
    var current: Int? = id
    // Each step moves to an earlier tensor, so the walk ends.
    while let tensor = current {
      if let name = names[tensor] { return wrap(calls, around: name) }
      guard let layer = layers[tensor], calls.count < Self.maxCalls else { break }
      calls.append(layer)
      current = inputs[tensor]
    }
    return wrap(calls, around: "…")
  }

  /// Writes `calls`, the outermost first, as nested calls around `inner`.
  private func wrap(_ calls: [String], around inner: String) -> String {
    calls.reversed().reduce(inner) { text, layer in "\(layer)(\(text))" }
  }
}
