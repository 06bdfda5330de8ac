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
  /// The nested Sequentials that have a row, as the application's tensor id and the path.
  private var openedContainers: Set<String> = []
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
    for case .apply(let output, _, let layer) in analysis.plan {
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

  /// Adds a row for each Sequential that contains `place.step` and has no row yet in this
  /// application: the applied Sequential before its first step, and each nested Sequential
  /// before its first step.
  private mutating func openContainers(for place: StepPlace) {
    guard let outer = analysis.sequentials.first(where: { $0.name == place.activation.producer })
    else { return }
    if place.isFirst {
      appliedSequentials.insert(outer.name)
      rows.append(
        SummaryRow(
          depth: 0, name: outer.name, kind: "Sequential", outputShape: place.activation.shape,
          parameters: .container))
    }
    let components = place.step.path.split(separator: ".")
    var container = outer
    for length in stride(from: 1, to: components.count, by: 1) {
      guard let index = Int(components[length - 1]), container.children.indices.contains(index),
        case .sequential(let nested) = container.children[index]
      else { return }
      container = nested
      let prefix = Array(components[0..<length])
      let key = "\(place.activation.tensorID) " + prefix.joined(separator: ".")
      guard openedContainers.insert(key).inserted else { continue }
      appliedSequentials.insert(nested.name)
      let lastStep = place.activation.steps.last {
        $0.path.split(separator: ".").starts(with: prefix)
      }
      rows.append(
        SummaryRow(
          depth: length, name: nested.name, kind: "Sequential", outputShape: lastStep?.shape,
          parameters: .container))
    }
  }
}
