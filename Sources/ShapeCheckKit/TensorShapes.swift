import ShapeInference
import ShapeLayers

extension ModelAnalysis {
  /// Collects the inferred shape of every tensor in the plan, by tensor id: inputs as declared,
  /// and each layer output as inference computed it.
  public func tensorShapes() -> [Int: [ShapeDim]] {
    var shapes: [Int: [ShapeDim]] = [:]
    for step in plan {
      switch step {
      case .input(let id, _, let shape):
        shapes[id] = shape
      case .apply(let output, _, _, let shape):
        shapes[output] = shape
      }
    }
    return shapes
  }
}
