import Foundation
import ShapeData
import ShapeInference
import ShapeLayers
import ShapeSymbolic
import ShapeTensor

/// The forward passes of one `run`: the first image (or the one batch) in full detail, the
/// rest checked for shape agreement and classified.
struct Execution {
  let runner: ModelRunner
  let layout: InputLayout
  let dataset: Dataset
  let positiveClass: String?

  var comparisons: [ShapeComparison] = []
  var laterDisagreements = 0
  var classification: ClassificationResult?
  /// Why no classification was reported, when the data have labels.
  var classificationNote: String?

  init(runner: ModelRunner, layout: InputLayout, dataset: Dataset, positiveClass: String?) {
    self.runner = runner
    self.layout = layout
    self.dataset = dataset
    self.positiveClass = positiveClass
  }

  mutating func runAll(progress: ((Int, Int) -> Void)?) throws(RunError) {
    var tally = try ClassificationTally(dataset: dataset, positiveClass: positiveClass)
    if layout.batchSymbol != nil {
      let input = layout.tensor(for: dataset.items.map(\.image))
      let extra = layout.bindings(imageCount: dataset.items.count)
      let trace = try runner.forward(input: input, inputID: layout.inputID, extra: extra)
      comparisons = compare(trace, extra: extra)
      tally?.record(outputs: trace.outputID.flatMap { trace.tensors[$0] }, items: dataset.items[...])
      progress?(dataset.items.count, dataset.items.count)
    } else {
      for (index, item) in dataset.items.enumerated() {
        let trace = try runner.forward(
          input: layout.tensor(for: [item.image]), inputID: layout.inputID, extra: layout.sizeBindings)
        if index == 0 {
          comparisons = compare(trace, extra: layout.sizeBindings)
        } else if !compare(trace, extra: layout.sizeBindings, measuring: false).allSatisfy(\.agrees) {
          laterDisagreements += 1
        }
        tally?.record(outputs: trace.outputID.flatMap { trace.tensors[$0] }, items: dataset.items[index...index])
        progress?(index + 1, dataset.items.count)
      }
    }
    classification = tally?.result
    if classification == nil {
      classificationNote = ClassificationTally.reasonForNone(dataset: dataset, tally: tally)
    }
  }

  /// Builds one row per named activation, then one per step of each applied Sequential.
  private func compare(_ trace: ForwardTrace, extra: [Symbol: Int], measuring: Bool = true) -> [ShapeComparison] {
    var rows: [ShapeComparison] = []
    for activation in runner.analysis.activations {
      rows.append(row(activation.name, activation.producer, activation.shape, activation.tensorID, trace, extra, measuring, isStep: false))
      for step in activation.steps {
        rows.append(row("\(activation.name) step \(step.path)", step.layerName, step.shape, step.tensorID, trace, extra, measuring, isStep: true))
      }
    }
    return rows
  }

  // swiftlint:disable:next function_parameter_count
  private func row(
    _ label: String, _ producer: String, _ shape: [ShapeDim], _ id: Int, _ trace: ForwardTrace,
    _ extra: [Symbol: Int], _ measuring: Bool, isStep: Bool
  ) -> ShapeComparison {
    let tensor = trace.tensors[id]
    var comparison = ShapeComparison(
      label: label, producer: producer, inferred: runner.inferredValues(shape, extra: extra),
      observed: tensor?.shape, tensor: measuring ? tensor : nil, effect: nil, isStep: isStep)
    if measuring, let tensor, let (layer, input) = producingStep(of: id, trace) {
      comparison.effect = layer.kind.describeEffect(input: input, output: tensor)
    }
    return comparison
  }

  private func producingStep(of id: Int, _ trace: ForwardTrace) -> (LayerInstance, Tensor)? {
    for step in runner.analysis.plan {
      if case .apply(let output, let input, let layer, _) = step, output == id, let tensor = trace.tensors[input] {
        return (layer, tensor)
      }
    }
    return nil
  }
}

/// Counts correct predictions of a one-output model on two labelled classes, where
/// sigmoid(output) > 0.5 means the positive class.
struct ClassificationTally {
  var positive: String
  var negative: String
  var correct = 0
  var total = 0
  var isApplicable = true

  /// Nil when the data have no labels or not exactly two classes. With `positiveClass` set it
  /// throws instead, because the option would otherwise be ignored without a word.
  init?(dataset: Dataset, positiveClass: String?) throws(RunError) {
    let isLabelled = dataset.items.allSatisfy { $0.label != nil }
    guard dataset.classNames.count == 2, isLabelled else {
      if let positiveClass {
        throw .positiveClassNotApplicable(positiveClass, isLabelled ? dataset.classNames : [])
      }
      return nil
    }
    let chosen = positiveClass ?? dataset.classNames[0]
    guard let other = dataset.classNames.first(where: { $0 != chosen }), dataset.classNames.contains(chosen) else {
      throw .unknownClass(chosen, dataset.classNames)
    }
    positive = chosen
    negative = other
  }

  mutating func record(outputs: Tensor?, items: ArraySlice<LabeledImage>) {
    guard let outputs, outputs.count == items.count else {
      isApplicable = false
      return
    }
    for (logit, item) in zip(outputs.scalars, items) {
      let probability = 1 / (1 + exp(-Double(logit)))
      let predicted = probability > 0.5 ? positive : negative
      total += 1
      if predicted == item.label { correct += 1 }
    }
  }

  /// Explains a missing classification of labelled data, or nil when the data have no labels.
  static func reasonForNone(dataset: Dataset, tally: ClassificationTally?) -> String? {
    guard dataset.items.contains(where: { $0.label != nil }) else { return nil }
    if dataset.classNames.count != 2 {
      let count = dataset.classNames.count
      let names = dataset.classNames.map { "'\($0)'" }.joined(separator: ", ")
      return "no classification: it needs exactly two classes, and the data have \(count) class\(count == 1 ? "" : "es") (\(names))"
    }
    if tally != nil {
      return "no classification: it needs one output value per image"
    }
    return "no classification: some images have no label"
  }

  var result: ClassificationResult? {
    guard isApplicable, total > 0 else { return nil }
    return ClassificationResult(positiveClass: positive, negativeClass: negative, correct: correct, total: total)
  }
}
