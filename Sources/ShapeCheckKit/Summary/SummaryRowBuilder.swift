import ShapeInference
import ShapeLayers

/// Walks the plan of an analysis and produces the summary rows, opening a Sequential's row
/// (and the rows of Sequentials nested in it) before its first step.
struct SummaryRowBuilder {
  let analysis: ModelAnalysis
  private(set) var rows: [SummaryRow] = []
  /// The shape of every tensor the plan produces, by tensor id.
  let shapes: [Int: [ShapeDim]]
  private var appliedLayers: Set<String> = []
  /// The nested Sequentials around the current step of the current Sequential application.
  private var nesting: SequentialNesting?
  /// The rows of the nested Sequentials in `nesting.levels`, in the same order.
  private var nestedRows: [Int] = []
  private var appliedSequentials: Set<String> = []

  /// A step of an applied Sequential: the application and the step's position in it.
  private struct StepPlace {
    var activation: ActivationRecord
    var step: StepRecord
    var isFirst: Bool
  }

  init(analysis: ModelAnalysis) {
    self.analysis = analysis
    self.shapes = analysis.tensorShapes()
  }

  /// Adds one row per layer application in plan order, nesting Sequential steps.
  mutating func addApplications() {
    let places = stepPlaces()
    for case .apply(let output, _, let layer, _) in analysis.plan {
      let place = places[output]
      if let place {
        openContainers(for: place)
      }
      let parameters: SummaryRow.Parameters
      if appliedLayers.contains(layer.name) {
        parameters = .recursive
      } else {
        parameters = .count(ModelSummary.parameterCount(of: layer, in: analysis))
      }
      appliedLayers.insert(layer.name)
      let depth = place.map { $0.step.path.split(separator: ".").count } ?? 0
      let shape = place?.step.shape ?? shapes[output]
      rows.append(
        SummaryRow(
          depth: depth, name: layer.name, kind: layer.kind.name, outputShape: shape,
          parameters: parameters))
    }
  }

  /// Adds a row for every layer and Sequential that no application used, in file order.
  mutating func addUnused() {
    var unused: [(start: Int, row: SummaryRow)] = []
    for layer in analysis.layers where !appliedLayers.contains(layer.name) {
      let count = ModelSummary.parameterCount(of: layer, in: analysis)
      let row = SummaryRow(
        depth: 0, name: layer.name, kind: layer.kind.name, outputShape: nil,
        parameters: .count(count))
      unused.append((layer.callRange.start, row))
    }
    for sequential in analysis.sequentials where !appliedSequentials.contains(sequential.name) {
      let row = SummaryRow(
        depth: 0, name: sequential.name, kind: "Sequential", outputShape: nil,
        parameters: .container)
      unused.append((sequential.callRange.start, row))
    }
    rows += unused.sorted { $0.start < $1.start }.map(\.row)
  }

  /// Maps the output tensor of every step of every applied Sequential to its place.
  private func stepPlaces() -> [Int: StepPlace] {
    var places: [Int: StepPlace] = [:]
    for activation in analysis.activations where !activation.steps.isEmpty {
      for (index, step) in activation.steps.enumerated() {
        places[step.tensorID] = StepPlace(activation: activation, step: step, isFirst: index == 0)
      }
    }
    return places
  }

  /// Adds the row of the applied Sequential before its first step, and a row for each
  /// nested Sequential that the step enters. Keeps the output shape of every open nested
  /// Sequential at the shape of its latest step, which ends as its last step's shape.
  private mutating func openContainers(for place: StepPlace) {
    if place.isFirst {
      nesting = nil
      nestedRows = []
      guard
        let outer = analysis.sequentials.first(where: { $0.name == place.activation.producer })
      else { return }
      appliedSequentials.insert(outer.name)
      nesting = SequentialNesting(outer: outer)
      rows.append(
        SummaryRow(
          depth: 0, name: outer.name, kind: "Sequential", outputShape: place.activation.shape,
          parameters: .container))
    }
    guard var walk = nesting else { return }
    let entered = walk.moveTo(path: place.step.path)
    nesting = walk
    let keptCount = walk.levels.count - entered.count
    nestedRows.removeLast(max(0, nestedRows.count - keptCount))
    for level in entered {
      appliedSequentials.insert(level.sequential.name)
      nestedRows.append(rows.count)
      rows.append(
        SummaryRow(
          depth: nestedRows.count, name: level.sequential.name, kind: "Sequential",
          outputShape: nil, parameters: .container))
    }
    for row in nestedRows {
      rows[row].outputShape = place.step.shape
    }
  }
}
