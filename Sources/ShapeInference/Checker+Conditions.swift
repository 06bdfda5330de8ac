import ShapeDiagnostics
import ShapeLayers
import ShapeSource
import ShapeSymbolic

/// The values of one free dimension for which a check holds, found by search.
struct FreeRange {
  var symbol: Symbol
  /// The smallest value that satisfies the check, or nil when none up to `searchLimit` does.
  var lower: Int?
  /// The largest value that satisfies the check, or nil when there is no upper bound below
  /// `searchLimit`.
  var upper: Int?

  /// The largest value tried for a free dimension.
  static let searchLimit = 1 << 32

  /// The range in words, such as `H ≥ 5` or `28 ≤ H ≤ 31`.
  var description: String {
    switch (lower, upper) {
    case (let lower?, let upper?) where lower == upper: "\(symbol.name) = \(lower)"
    case (let lower?, let upper?): "\(lower) ≤ \(symbol.name) ≤ \(upper)"
    case (let lower?, nil): "\(symbol.name) ≥ \(lower)"
    default: "no value of \(symbol.name)"
    }
  }
}

extension Checker {
  /// Checks a lower bound on an incoming dimension and, when it depends on one free
  /// dimension, reports the values of that dimension for which it holds.
  func check(_ condition: DimCondition, layer: LayerInstance, input: TensorValue, callRange: SourceRange) {
    guard input.shape.indices.contains(condition.inputAxis) else { return }
    let incoming = input.shape[condition.inputAxis].formula

    // The layer itself reports a known size that is too small.
    if ((try? incoming.evaluated(bindings)) ?? nil) != nil { return }
    let notes = [Note(message: "because \(condition.reason)"), inputNote(input, callRange: callRange, layer: layer)]
    let range = layer.range(of: condition.argument)

    let symbol = singleFreeSymbol(in: incoming)
    let found = symbol.flatMap { symbol in
      incoming == .symbol(symbol)
        ? condition.minimum
        : firstValue(of: symbol, in: incoming, where: { $0 >= condition.minimum })
    }
    guard let symbol, let lower = found else {
      report(
        .undecidedCheck,
        "cannot decide whether dimension \(condition.inputAxis) of the input of '\(layer.name)', "
          + "\(incoming), is at least \(condition.minimum); "
          + (symbol.map { "no value of \($0.name) up to \(FreeRange.searchLimit) gives that" }
            ?? "it depends on several free dimensions"),
        at: range, notes: notes)
      return
    }
    guard lower > 1 else { return }

    let size = Checker.substitutingConstants(in: incoming, bindings: bindings).description
    let diagnostic = Diagnostic(
      code: .conditionalShape,
      message: "'\(layer.name)' fits only when \(symbol.name) ≥ \(lower), because dimension "
        + "\(condition.inputAxis) of its input is \(size) and must be at least \(condition.minimum)",
      range: range, notes: notes, facts: ["symbol": symbol.name, "minimum": String(lower)])
    // Only the largest bound on each free dimension is reported, because it implies the others.
    if let existing = freeBounds[symbol], existing.minimum >= lower { return }
    freeBounds[symbol] = (lower, diagnostic)
  }

  /// Reports the largest lower bound found for each free dimension.
  func reportFreeBounds() {
    let symbols = freeBounds.keys.sorted { $0.name < $1.name }
    diagnostics.append(contentsOf: symbols.compactMap { freeBounds[$0]?.diagnostic })
  }

  /// Replaces each symbol of `dim` that has a value in `bindings` by that value, for messages.
  /// Only the formula's own symbols are looked up, so the cost does not grow with the model.
  static func substitutingConstants(in dim: Dim, bindings: [Symbol: Int]) -> Dim {
    var constants: [Symbol: Dim] = [:]
    for symbol in dim.symbols {
      if let value = bindings[symbol] { constants[symbol] = .constant(value) }
    }
    return (try? dim.substituting(constants)) ?? dim
  }

  /// Returns the only symbol of `formula` without a value, or nil when there are none or
  /// several.
  func singleFreeSymbol(in formula: Dim) -> Symbol? {
    let free = formula.symbols.filter { bindings[$0] == nil }
    return free.count == 1 ? free.first : nil
  }

  /// Finds the smallest value `s ≥ 1` of `symbol` for which `predicate` is true of the
  /// formula's value, by binary search. The search assumes that the predicate, once true, stays
  /// true for larger values, as it does for sizes made of convolution and pooling formulas.
  func firstValue(of symbol: Symbol, in formula: Dim, where predicate: (Int) -> Bool) -> Int? {
    // One copy of the bindings serves every trial of the search.
    var trial = bindings
    func holds(_ value: Int) -> Bool {
      trial[symbol] = value
      guard let result = (try? formula.evaluated(trial)) ?? nil else { return false }
      return predicate(result)
    }
    var low = 1
    var high = FreeRange.searchLimit
    guard holds(high) else { return nil }
    while low < high {
      let middle = low + (high - low) / 2
      if holds(middle) {
        high = middle
      } else {
        low = middle + 1
      }
    }
    return low
  }

  /// Finds a value `s` that makes `formula` equal `target` when every free symbol in it is `s`,
  /// such as `H = W = 28`, by binary search on the same assumption as `firstValue`.
  func commonValue(in formula: Dim, equalTo target: Int) -> (symbols: [Symbol], value: Int)? {
    let free = formula.symbols.filter { bindings[$0] == nil }.sorted { $0.name < $1.name }
    guard free.count > 1 else { return nil }
    var trial = bindings
    func value(at size: Int) -> Int? {
      for symbol in free { trial[symbol] = size }
      return (try? formula.evaluated(trial)) ?? nil
    }
    // Doubling finds an upper end before the products overflow.
    var high = 1
    while let reached = value(at: high), reached < target {
      guard high < FreeRange.searchLimit else { return nil }
      high *= 2
    }
    guard value(at: high) != nil else { return nil }
    var low = max(1, high / 2)
    while low < high {
      let middle = low + (high - low) / 2
      if let middleValue = value(at: middle), middleValue >= target {
        high = middle
      } else {
        low = middle + 1
      }
    }
    return value(at: low) == target ? (free, low) : nil
  }

  /// Finds the values of the one free symbol in `formula` for which it equals `target`. The
  /// search assumes that the formula does not decrease as the symbol grows. Returns nil when the
  /// formula has several free symbols, and a range without bounds when no value fits.
  func equalityRange(of formula: Dim, equalTo target: Int) -> FreeRange? {
    guard let symbol = singleFreeSymbol(in: formula) else { return nil }
    let first = firstValue(of: symbol, in: formula) { $0 >= target }
    let beyond = firstValue(of: symbol, in: formula) { $0 > target }
    guard let first, value(of: formula, where: symbol, is: first) == target else {
      return FreeRange(symbol: symbol, lower: nil, upper: nil)
    }
    // NOTE: a formula that decreases somewhere could hold outside the range found.
    return FreeRange(symbol: symbol, lower: first, upper: beyond.map { $0 - 1 })
  }

  private func value(of formula: Dim, where symbol: Symbol, is value: Int) -> Int? {
    var trial = bindings
    trial[symbol] = value
    return (try? formula.evaluated(trial)) ?? nil
  }
}
