import ShapeSource

extension ModelChecker {
  /// The maximum number of layers that one model may construct, counting every layer inside
  /// a `Sequential`. Larger models get one `model.too-many-layers` error, and the layers past
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
        .tooManyLayers,
        "the model constructs more than \(ModelChecker.maxLayers) layers, the most that shapecheck checks; split it into smaller models",
        at: range)
    }
    return false
  }
}
