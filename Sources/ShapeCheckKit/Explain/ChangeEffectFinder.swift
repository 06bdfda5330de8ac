import ShapeInference
import ShapeLayers
import ShapeSymbolic

/// Finds the activations and parameters whose shapes depend on a set of constants, and the
/// parameter count as a formula over them.
struct ChangeEffectFinder {
  let analysis: ModelAnalysis

  /// Finds the effect of changing the constants in `symbols`.
  func effect(of symbols: Set<Symbol>) -> ChangeEffect {
    let activations = analysis.activations.filter { activation in
      activation.shape.contains { !$0.formula.symbols.isDisjoint(with: symbols) }
    }
    let parameters = analysis.parameters.filter { parameter in
      parameter.spec.shape.contains { !$0.formula.symbols.isDisjoint(with: symbols) }
    }
    return ChangeEffect(
      activations: activations.map(\.name), parameters: parameters.map(\.qualifiedName),
      parameterCountFormula: parameterCount(over: symbols))
  }

  /// Returns the total parameter count with every constant outside `symbols` replaced by its value,
  /// or nil when it does not depend on `symbols` or the arithmetic overflows.
  func parameterCount(over symbols: Set<Symbol>) -> String? {
    var total = Dim.zero
    for parameter in analysis.parameters {
      var product = Dim(1)
      for dim in parameter.spec.shape {
        guard let next = try? product.multiplying(dim.formula) else { return nil }
        product = next
      }
      guard let sum = try? total.adding(product) else { return nil }
      total = sum
    }
    var others: [Symbol: Dim] = [:]
    for (symbol, value) in analysis.bindings where !symbols.contains(symbol) {
      others[symbol] = Dim(value)
    }
    guard let reduced = try? total.substituting(others), !reduced.symbols.isDisjoint(with: symbols)
    else { return nil }
    return reduced.description
  }
}
