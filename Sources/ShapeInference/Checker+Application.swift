import ShapeDiagnostics
import ShapeLayers
import ShapeSource
import ShapeSymbolic
import ShapeSyntax

extension Checker {
  func applyCall(_ layer: LayerReference, arguments: [Argument], expression: Expression) -> Value {
    guard arguments.count == 1, let argument = arguments.first, argument.label == nil else {
      report(
        .invalidOperand,
        "'\(layer.name)' takes one tensor, but is called with \(arguments.count) argument\(arguments.count == 1 ? "" : "s")",
        at: expression.range)
      return .unknown
    }
    let input = evaluate(argument.value)
    switch input {
    case .tensor(let tensor):
      guard reserveApplications(of: layer, at: expression.range) else { return .unknown }
      guard let output = apply(layer, to: tensor, callRange: expression.range) else { return .unknown }
      if case .sequential(let sequential) = layer {
        activations.append(
          ActivationRecord(
            name: source.text(in: expression.range), producer: sequential.name, shape: output.tensor.shape,
            range: expression.range, steps: output.steps, tensorID: output.tensor.id))
      }
      return .tensor(output.tensor)
    case .unknown:
      return .unknown
    case .layer:
      report(
        .notATensor,
        "'\(layer.name)' is applied to \(input.kindDescription), but layers take a tensor; to chain layers, use 'nn.Sequential'",
        at: argument.value.range)
      return .unknown
    default:
      report(
        .notATensor, "'\(layer.name)' is applied to \(input.kindDescription), but layers take a tensor",
        at: argument.value.range)
      return .unknown
    }
  }

  /// Counts the single layers that applying `layer` runs against the file's limit. Past the
  /// limit it reports the first such call and returns false.
  private func reserveApplications(of layer: LayerReference, at range: SourceRange) -> Bool {
    let count: Int
    switch layer {
    case .single: count = 1
    case .sequential(let sequential): count = sequential.layerApplications
    }
    guard count <= CheckerLimits.maxLayerApplications - layerApplications else {
      if !isOverApplicationLimit {
        isOverApplicationLimit = true
        report(
          .modelTooLarge,
          "the file applies more than the limit of \(CheckerLimits.maxLayerApplications) layers, counting each layer of an applied Sequential; split the model into several files",
          at: range)
      }
      return false
    }
    layerApplications += count
    return true
  }

  /// Applies a layer or Sequential, returning the output and, for a Sequential, every step.
  private func apply(_ layer: LayerReference, to tensor: TensorValue, callRange: SourceRange)
    -> (tensor: TensorValue, steps: [StepRecord])?
  {
    switch layer {
    case .single(let instance):
      guard let output = apply(instance, to: tensor, callRange: callRange) else { return nil }
      return (output, [])
    case .sequential(let sequential):
      var current = tensor
      var steps: [StepRecord] = []
      for (index, child) in sequential.children.enumerated() {
        guard let output = apply(child, to: current, callRange: callRange) else { return nil }
        for step in output.steps {
          steps.append(StepRecord(path: "\(index).\(step.path)", layerName: step.layerName, shape: step.shape, tensorID: step.tensorID))
        }
        if case .single(let instance) = child {
          steps.append(StepRecord(path: String(index), layerName: instance.name, shape: output.tensor.shape, tensorID: output.tensor.id))
        }
        current = output.tensor
      }
      producers[current.id] = sequential.name
      return (current, steps)
    }
  }

  private func apply(_ layer: LayerInstance, to tensor: TensorValue, callRange: SourceRange) -> TensorValue? {
    let context = ShapeContext(
      evaluate: { [bindings] dim in (try? dim.evaluated(bindings)) ?? nil },
      substitute: { [bindings] dim in Checker.substitutingConstants(in: dim, bindings: bindings) })
    switch layer.kind.outputShape(for: tensor.shape, of: layer, context: context) {
    case .failure(let failure):
      reportFailure(failure, layer: layer, input: tensor, callRange: callRange)
      return nil
    case .success(let output):
      for requirement in output.requirements {
        check(requirement, layer: layer, input: tensor, callRange: callRange)
      }
      for condition in output.conditions {
        check(condition, layer: layer, input: tensor, callRange: callRange)
      }
      let id = newTensorID()
      plan.append(.apply(output: id, input: tensor.id, layer: layer, shape: output.shape))
      producers[id] = layer.name
      var result = TensorValue(id: id, shape: output.shape)
      if let remark = output.noOp {
        result.noOp = (remark, layer)
      } else if output.shape == tensor.shape {
        result.noOp = tensor.noOp
      }
      return result
    }
  }

  private func reportFailure(_ failure: ShapeFailure, layer: LayerInstance, input: TensorValue, callRange: SourceRange) {
    let range = failure.argument.map { layer.range(of: $0) } ?? callRange
    var notes = failure.notes.map { Note(message: $0) }
    notes.append(inputNote(input, callRange: callRange, layer: layer))
    if failure.argument == nil {
      notes.append(Note(message: "'\(layer.name)' is defined here", range: layer.callRange))
    }
    report(failure.code, failure.message, at: range, notes: notes)
  }

  /// An edit that sets a constructor argument to `value`: it replaces the written value, or
  /// inserts `argument=value` before the closing parenthesis of the call.
  func argumentEdit(_ layer: LayerInstance, argument: String, value: String) -> TextEdit? {
    if let range = layer.argumentRanges[argument] {
      return TextEdit(range: range, replacement: value)
    }
    return layer.insertionEdit(argument: argument, value: value, in: source)
  }

  func inputNote(_ input: TensorValue, callRange: SourceRange, layer: LayerInstance) -> Note {
    return Note(
      message: "'\(layer.name)' is applied here to a tensor of shape \(describe(input.shape))", range: callRange)
  }

  /// Describes a shape as its formula and its values, such as `[linear_1.out_features] = [30]`, or just
  /// the values when the formula is made of constants. A formula longer than
  /// `maxDescribedFormulaLength` characters is shown with the layer constants' values in place
  /// of their names, so that only free dimensions such as `H` stay symbolic.
  func describe(_ shape: [ShapeDim]) -> String {
    let values = valueDescription(shape.map { (try? $0.formula.evaluated(bindings)) ?? nil })
    var formula = shape.formulaDescription
    if formula.count > Self.maxDescribedFormulaLength {
      let dims = shape.map { Self.substitutingConstants(in: $0.formula, bindings: bindings) }
      formula = "[" + dims.map(\.description).joined(separator: ", ") + "]"
    }
    return formula == values ? values : "\(formula) = \(values)"
  }

  /// The maximum length, in characters, of a shape formula that notes show with the constants' names.
  static let maxDescribedFormulaLength = 120
}
