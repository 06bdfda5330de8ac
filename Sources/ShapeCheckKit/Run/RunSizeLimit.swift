import ShapeInference
import ShapeLayers
import ShapeSymbolic

/// The largest tensors `run` allocates, so that a model with huge constants is rejected with a
/// message instead of exhausting memory.
enum RunSizeLimit {
  /// The largest element count of one activation or of all parameters and buffers together:
  /// 2²⁸ float32 values, 1 GiB.
  static let maxElements = 1 << 28

  /// Throws when a parameter, buffer or activation of the plan would exceed `maxElements`, with
  /// free symbols such as the batch size bound by `extra`.
  static func check(_ analysis: ModelAnalysis, extra: [Symbol: Int]) throws(RunError) {
    let bindings = analysis.bindings.merging(extra) { $1 }
    var total = 0
    for layer in analysis.layers {
      for spec in layer.kind.parameters(of: layer) + layer.kind.buffers(of: layer) {
        let count = elementCount(spec.shape, bindings) ?? Int.max
        let (sum, overflow) = total.addingReportingOverflow(count)
        total = overflow ? Int.max : sum
        if total > maxElements {
          throw .tooLarge(
            "the parameters up to '\(layer.name).\(spec.name)' have more than \(limitText), the most "
              + "that 'run' allocates for all parameters; make the layers smaller")
        }
      }
    }
    for step in analysis.plan {
      guard case .apply(_, _, let layer, let shape) = step else { continue }
      if let count = elementCount(shape, bindings), count <= maxElements { continue }
      throw .tooLarge(
        "the output of '\(layer.name)' would have more than \(limitText), the most that 'run' "
          + "allocates for one tensor; make the layers smaller or run fewer images")
    }
  }

  private static let limitText = "268,435,456 elements (1 GiB of float32)"

  /// Multiplies a shape's values; nil when a value is unknown or the product overflows.
  private static func elementCount(_ shape: [ShapeDim], _ bindings: [Symbol: Int]) -> Int? {
    var product = 1
    for dim in shape {
      guard let value = (try? dim.formula.evaluated(bindings)) ?? nil, value >= 0 else { return nil }
      let (next, overflow) = product.multipliedReportingOverflow(by: value)
      if overflow { return nil }
      product = next
    }
    return product
  }
}
