import ShapeSource

extension ModelChecker {
  /// The maximum number of layers that one model may construct, counting every layer inside
  /// a `Sequential`. Larger models get one `model.too-large` error, and the layers past
  /// the limit are left unchecked, which bounds the time and memory that `check` and `run`
  /// spend on a hostile file.
  public static let maxLayers = 10_000
}

extension Checker {
  /// Returns whether one more layer fits under `ModelChecker.maxLayers`, and reports the
  /// error at `range` for the first layer that does not.
  func admitsAnotherLayer(at range: SourceRange) -> Bool {
    guard layers.count >= ModelChecker.maxLayers else { return true }
    if !layerLimitReported {
      layerLimitReported = true
      report(
        .modelTooLarge,
        "the model constructs more than \(ModelChecker.maxLayers) layers, the most that shapecheck checks; split it into smaller models",
        at: range)
    }
    return false
  }
}

/// The longest name, in Unicode scalars, that "did you mean" suggestions consider. The edit
/// distance takes time in the product of two names' lengths, so longer names get none.
let maxSuggestionLength = 64

extension ModelChecker {
  /// The total number of candidate names that the "did you mean" suggestions for undefined
  /// names may compare against in one model. Each suggestion compares the name with every
  /// name in scope, so without a budget a file with many definitions and many undefined
  /// names takes time in their product. Past the budget, errors carry no suggestion.
  public static let maxSuggestionComparisons = 20_000
}

extension Checker {
  /// Takes `count` comparisons from the suggestion budget and returns whether the budget
  /// covered them. Once the budget falls short it stays spent, so later names get no
  /// suggestion either.
  func spendSuggestionBudget(_ count: Int) -> Bool {
    guard count <= suggestionBudget else {
      suggestionBudget = 0
      return false
    }
    suggestionBudget -= count
    return true
  }
}
