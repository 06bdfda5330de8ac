import ShapeInference

/// Follows a tensor back through the layers that produced it to the input declaration it
/// comes from.
struct InputTracer {
  private var producerInput: [Int: Int] = [:]
  private var inputs: [Int: InputReference] = [:]

  init(analysis: ModelAnalysis) {
    for step in analysis.plan {
      if case .apply(let output, let input, _, _) = step { producerInput[output] = input }
    }
    for activation in analysis.activations where activation.producer == "input" {
      let location = analysis.source.location(of: activation.range.start)
      inputs[activation.tensorID] = InputReference(name: activation.name, location: location)
    }
  }

  /// Returns the input declaration that the tensor numbered `tensorID` was computed from.
  func input(feeding tensorID: Int) -> InputReference? {
    var current = tensorID
    // Each step moves to an earlier tensor, so the walk ends within the number of steps.
    for _ in 0...producerInput.count {
      if let input = inputs[current] { return input }
      guard let previous = producerInput[current] else { return nil }
      current = previous
    }
    return nil
  }
}
