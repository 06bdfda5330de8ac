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
    var constants: [Symbol: Dim] = [:]
    for symbol in dim.symbols {
      if let value = bindings[symbol] { constants[symbol] = .constant(value) }
    }
    guard let partial = try? dim.substituting(constants) else { return dim.description }
    return partial.description
  }

  /// Returns the bound constants with every free symbol set to `batchSize`.
  public func symbolValues(batchSize: Int) -> [Symbol: Int] {
    var values = bindings
    for symbol in freeSymbols { values[symbol] = batchSize }
    return values
  }

  /// Returns the number of elements of a shape under `values` (see `symbolValues`), or nil
  /// when a dimension has no value, is negative, or the product overflows.
  public static func elementCount(of shape: [ShapeDim], values: [Symbol: Int]) -> Int? {
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
