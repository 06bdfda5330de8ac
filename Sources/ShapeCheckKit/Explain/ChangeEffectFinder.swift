import ShapeInference
import ShapeLayers
import ShapeSymbolic

/// Finds the activations and parameters whose shapes depend on a set of constants, and the
/// parameter count as a formula over them.
///
/// The indexes from each symbol to the activations and parameters that mention it are built
/// once, so that finding the effects of every group takes time linear in the model's size.
struct ChangeEffectFinder {
  let analysis: ModelAnalysis
  private let parameters: [ParameterRecord]
  private let activationsBySymbol: [Symbol: [Int]]
  private let parametersBySymbol: [Symbol: [Int]]
  /// The number of elements of each parameter, or nil when unknown.
  private let parameterCounts: [Int?]
  /// The total parameter count, or nil when a count is unknown or the sum overflows.
  private let totalCount: Int?

  init(analysis: ModelAnalysis) {
    self.analysis = analysis
    parameters = analysis.parameters
    var activationsBySymbol: [Symbol: [Int]] = [:]
    for (index, activation) in analysis.activations.enumerated() {
      for symbol in Self.symbols(of: activation.shape) {
        activationsBySymbol[symbol, default: []].append(index)
      }
    }
    var parametersBySymbol: [Symbol: [Int]] = [:]
    for (index, parameter) in parameters.enumerated() {
      for symbol in Self.symbols(of: parameter.spec.shape) {
        parametersBySymbol[symbol, default: []].append(index)
      }
    }
    self.activationsBySymbol = activationsBySymbol
    self.parametersBySymbol = parametersBySymbol
    parameterCounts = parameters.map {
      ShapesReport.elementCount(analysis.values(of: $0.spec.shape))
    }
    totalCount = Self.sum(parameterCounts)
  }

  /// Finds the effect of changing the constants in `symbols`.
  func effect(of symbols: Set<Symbol>) -> ChangeEffect {
    let activationIndexes = Set(symbols.flatMap { activationsBySymbol[$0] ?? [] }).sorted()
    let parameterIndexes = Set(symbols.flatMap { parametersBySymbol[$0] ?? [] }).sorted()
    return ChangeEffect(
      activations: activationIndexes.map { analysis.activations[$0].name },
      parameters: parameterIndexes.map { parameters[$0].qualifiedName },
      parameterCountFormula: parameterCount(over: symbols, parameterIndexes: parameterIndexes))
  }

  /// Returns the total parameter count with every constant outside `symbols` replaced by its
  /// value, or nil when it does not depend on `symbols` or a count is unknown or overflows.
  ///
  /// Parameters that do not mention `symbols` contribute their counts as one constant term.
  private func parameterCount(over symbols: Set<Symbol>, parameterIndexes: [Int]) -> String? {
    guard !parameterIndexes.isEmpty, let total = totalCount,
      let involved = Self.sum(parameterIndexes.map { parameterCounts[$0] })
    else { return nil }
    var formula = Dim(total - involved)
    for index in parameterIndexes {
      var product = Dim(1)
      for dim in parameters[index].spec.shape {
        guard let next = try? product.multiplying(substitutingOthers(dim.formula, keeping: symbols))
        else { return nil }
        product = next
      }
      guard let sum = try? formula.adding(product) else { return nil }
      formula = sum
    }
    return formula.symbols.isDisjoint(with: symbols) ? nil : formula.description
  }

  /// Returns the formula with every bound symbol outside `kept` replaced by its value.
  private func substitutingOthers(_ dim: Dim, keeping kept: Set<Symbol>) -> Dim {
    var values: [Symbol: Dim] = [:]
    for symbol in dim.symbols where !kept.contains(symbol) {
      if let value = analysis.bindings[symbol] { values[symbol] = Dim(value) }
    }
    return (try? dim.substituting(values)) ?? dim
  }

  private static func symbols(of shape: [ShapeDim]) -> Set<Symbol> {
    shape.reduce(into: Set<Symbol>()) { $0.formUnion($1.formula.symbols) }
  }

  /// Adds the counts, or returns nil when one is unknown or the sum overflows.
  private static func sum(_ counts: [Int?]) -> Int? {
    var total = 0
    for count in counts {
      guard let count else { return nil }
      let (next, overflow) = total.addingReportingOverflow(count)
      if overflow { return nil }
      total = next
    }
    return total
  }
}
