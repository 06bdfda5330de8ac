import ShapeSymbolic

extension Array where Element == ShapeDim {
  /// The formulas as a Python list, such as `[N, linear_1.out_features]`.
  public var formulaDescription: String {
    "[" + map(\.formula.description).joined(separator: ", ") + "]"
  }

  /// The formulas with one layer's own prefix dropped, such as `[out_features, in_features]`
  /// for the parameters of `linear_1`.
  public func formulaDescription(droppingPrefix prefix: String) -> String {
    let dotted = prefix + "."
    let parts = map { dim in
      dim.formula.rendered { symbol in
        symbol.name.hasPrefix(dotted) ? String(symbol.name.dropFirst(dotted.count)) : symbol.name
      }
    }
    return "[" + parts.joined(separator: ", ") + "]"
  }
}

/// Renders a shape's values, such as `[30, 784]`, with `?` for a dimension that has no value.
public func valueDescription(_ values: [Int?]) -> String {
  "[" + values.map { $0.map(String.init) ?? "?" }.joined(separator: ", ") + "]"
}
