import ShapeDiagnostics
import ShapeInference
import ShapeLayers
import ShapeSource

extension ModelGraph {
  /// Builds the graph of an analysis: one node per input declaration and per layer
  /// application of the plan, one output node per tensor that no layer consumes, and a frame
  /// per applied Sequential. An edge into a layer is marked with the first `shape.*`
  /// diagnostic that points into the layer's constructor call.
  public init(_ analysis: ModelAnalysis) {
    var builder = GraphBuilder(analysis: analysis)
    builder.build()
    self.init(
      title: analysis.source.path, nodes: builder.nodes, edges: builder.edges,
      frames: builder.frames, problems: builder.problems)
  }
}

/// The state of building a `ModelGraph` from a `ModelAnalysis`.
private struct GraphBuilder {
  let analysis: ModelAnalysis
  let shapes: [Int: [ShapeDim]]
  var nodes: [ModelGraph.Node] = []
  var edges: [ModelGraph.Edge] = []
  var frames: [ModelGraph.Frame] = []
  var problems: [ModelGraph.Problem] = []
  /// The node that produced each tensor, by tensor id.
  private var producerNodes: [Int: Int] = [:]
  /// The name of each named tensor, by tensor id.
  private var tensorNames: [Int: String] = [:]
  /// The innermost frame of each Sequential step's output tensor, by tensor id.
  private var stepFrames: [Int: Int] = [:]

  init(analysis: ModelAnalysis) {
    self.analysis = analysis
    self.shapes = analysis.tensorShapes()
  }

  mutating func build() {
    collectProblems()
    for activation in analysis.activations where tensorNames[activation.tensorID] == nil {
      tensorNames[activation.tensorID] = activation.name
    }
    for activation in analysis.activations where !activation.steps.isEmpty {
      makeFrames(for: activation)
    }
    var consumed: Set<Int> = []
    var produced: [Int] = []
    for step in analysis.plan {
      switch step {
      case .input(let id, let name, _):
        producerNodes[id] = nodes.count
        nodes.append(ModelGraph.Node(kind: .input, title: name, subtitle: "input"))
        produced.append(id)
      case .apply(let output, let input, let layer, _):
        consumed.insert(input)
        addLayer(layer, output: output, input: input)
        produced.append(output)
      }
    }
    for id in produced where !consumed.contains(id) {
      addOutput(id)
    }
  }

  private mutating func addLayer(_ layer: LayerInstance, output: Int, input: Int) {
    let index = nodes.count
    nodes.append(
      ModelGraph.Node(
        kind: .layer, title: layer.name, subtitle: layer.kind.name, frame: stepFrames[output]))
    producerNodes[output] = index
    guard let source = producerNodes[input] else { return }
    // An input's name is already the title of its node.
    let named = nodes[source].kind != .input
    var edge = edge(for: input, from: source, to: index, named: named)
    edge.problem = problem(pointingInto: layer)
    edges.append(edge)
  }

  private mutating func addOutput(_ id: Int) {
    guard let source = producerNodes[id] else { return }
    let index = nodes.count
    let title = tensorNames[id] ?? "output"
    nodes.append(ModelGraph.Node(kind: .output, title: title, subtitle: "output"))
    edges.append(edge(for: id, from: source, to: index, named: false))
  }

  private func edge(for tensor: Int, from source: Int, to target: Int, named: Bool)
    -> ModelGraph.Edge
  {
    let shape = shapes[tensor]
    return ModelGraph.Edge(
      from: source, to: target, tensorName: named ? tensorNames[tensor] : nil,
      shape: shape.map { analysis.valueText(of: $0) } ?? "?",
      formula: shape?.formulaDescription ?? "?")
  }

  private mutating func collectProblems() {
    for diagnostic in analysis.diagnostics where diagnostic.severity >= .warning {
      let location = analysis.source.location(of: diagnostic.range.start)
      problems.append(
        ModelGraph.Problem(
          severity: diagnostic.severity.rawValue,
          location: "\(analysis.source.path):\(location.line):\(location.column)",
          message: diagnostic.message, code: diagnostic.code.id))
    }
  }

  /// The first `shape.*` error or warning whose range is one of the layer's argument values
  /// or lies inside its constructor call, as an index into `problems`.
  private func problem(pointingInto layer: LayerInstance) -> Int? {
    let listed = analysis.diagnostics.filter { $0.severity >= .warning }
    return listed.firstIndex { diagnostic in
      guard diagnostic.code.id.hasPrefix("shape.") else { return false }
      let range = diagnostic.range
      let inCall = range.start >= layer.callRange.start && range.end <= layer.callRange.end
      return inCall || layer.argumentRanges.values.contains(range)
    }
  }

  /// Makes a frame for an applied Sequential and for each Sequential nested in it, and records
  /// the innermost frame of every step.
  private mutating func makeFrames(for activation: ActivationRecord) {
    guard let outer = analysis.sequentials.first(where: { $0.name == activation.producer })
    else { return }
    let outerFrame = addFrame(label: outer.name, parent: nil)
    var nesting = SequentialNesting(outer: outer)
    // The frames of `nesting.levels`, in the same order.
    var openFrames: [Int] = []
    for step in activation.steps {
      let entered = nesting.moveTo(path: step.path)
      let keptCount = nesting.levels.count - entered.count
      openFrames.removeLast(max(0, openFrames.count - keptCount))
      for level in entered {
        let parent = openFrames.last ?? outerFrame
        openFrames.append(addFrame(label: level.sequential.name, parent: parent))
      }
      stepFrames[step.tensorID] = openFrames.last ?? outerFrame
    }
  }

  private mutating func addFrame(label: String, parent: Int?) -> Int {
    frames.append(ModelGraph.Frame(label: "\(label) (Sequential)", parent: parent))
    return frames.count - 1
  }
}
