import ShapeInference
import ShapeLayers
import ShapeSymbolic

extension ModelAnalysis {
  /// Renders a shape with each dimension's value, or, for a dimension that depends on a free
  /// symbol, its formula with the bound constants replaced by their values: `[N, 30]`.
  public func valueText(of shape: [ShapeDim]) -> String {
    "[" + shape.map { valueText(of: $0.formula) }.joined(separator: ", ") + "]"
  }

  /// Renders one dimension as `valueText(of:)` does for a shape.
  public func valueText(of dim: Dim) -> String {
    if let value = value(of: dim) { return String(value) }
    let constants = bindings.mapValues { Dim.constant($0) }
    guard let partial = try? dim.substituting(constants) else { return dim.description }
    return partial.description
  }

  /// The number of elements of a shape with every free symbol set to `batchSize`, or nil when
  /// a dimension has no value or the product overflows.
  public func elementCount(of shape: [ShapeDim], batchSize: Int) -> Int? {
    var values = bindings
    for symbol in freeSymbols { values[symbol] = batchSize }
    var product = 1
    for dim in shape {
      guard let value = (try? dim.formula.evaluated(values)) ?? nil, value >= 0 else { return nil }
      let (next, overflow) = product.multipliedReportingOverflow(by: value)
      if overflow { return nil }
      product = next
    }
    return product
  }
}
