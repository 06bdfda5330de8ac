import ShapeInference
import ShapeLayers

extension ModelAnalysis {
  /// Computes the shape of every tensor in the plan, by tensor id: inputs as declared, and
  /// each layer output from the layer's shape rule applied to its input's shape.
  ///
  /// The plan keeps no shapes of its own, and unnamed applications have no activation record,
  /// so the shape rules run again here. They return what inference computed because the plan
  /// holds only applications whose shape rule succeeded.
  public func tensorShapes() -> [Int: [ShapeDim]] {
    let context = ShapeContext { [bindings] dim in (try? dim.evaluated(bindings)) ?? nil }
    var shapes: [Int: [ShapeDim]] = [:]
    for step in plan {
      switch step {
      case .input(let id, _, let shape):
        shapes[id] = shape
      case .apply(let output, let input, let layer):
        guard let inputShape = shapes[input] else { continue }
        if case .success(let result) = layer.kind.outputShape(
          for: inputShape, of: layer, context: context)
        {
          shapes[output] = result.shape
        }
      }
    }
    return shapes
  }
}
