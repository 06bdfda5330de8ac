/// The choice of the next layer's kind among the kinds that accept the current tensor.
extension ModelGenerator {
  /// Draws the kind of the next layer. Linear is drawn a third of the time after the
  /// features are flat, because its sizes are the most common mutation sites.
  mutating func drawKind() -> String {
    if !isSpatial, Int.random(in: 0..<3, using: &random) == 0 { return "Linear" }
    let weighted = kinds.map { ($0, weight(of: $0)) }.filter { $0.1 > 0 }
    let total = weighted.reduce(0) { $0 + $1.1 }
    var pick = Int.random(in: 0..<total, using: &random)
    for (kind, weight) in weighted {
      if pick < weight { return kind }
      pick -= weight
    }
    return "Identity"
  }

  /// Returns the relative weight of `kind` for the current tensor: 0 when PyTorch would reject
  /// the tensor, and more for the convolutions and the Flatten while the tensor has channels
  /// and spatial sizes.
  private func weight(of kind: String) -> Int {
    let rank = dimensions.count
    switch kind {
    case "Embedding":
      return 0
    case "Linear":
      return isSpatial ? 0 : 1
    case "Flatten":
      guard canFlatten else { return 0 }
      return isSpatial ? 3 : 1
    case "Unflatten":
      return rank < 4 ? 1 : 0
    case "Conv1d", "Conv2d":
      guard acceptsWindow(spatialRank: spatialRank(of: kind)) else { return 0 }
      return isSpatial ? 4 : 1
    case "MaxPool1d", "MaxPool2d", "AvgPool1d", "AvgPool2d", "AdaptiveAvgPool1d", "AdaptiveAvgPool2d",
      "AdaptiveMaxPool1d", "AdaptiveMaxPool2d":
      return acceptsWindow(spatialRank: spatialRank(of: kind)) ? 1 : 0
    case "BatchNorm1d", "Dropout1d":
      return rank == 2 || rank == 3 ? 1 : 0
    case "BatchNorm2d":
      return rank == 4 ? 1 : 0
    case "GroupNorm", "Dropout2d":
      return rank >= 2 ? 1 : 0
    default:
      return 1
    }
  }

  /// Returns 1 for the kinds that end in `1d`, else 2.
  func spatialRank(of kind: String) -> Int {
    kind.hasSuffix("1d") ? 1 : 2
  }

  /// Returns whether a convolution or pooling kind with `spatialRank` spatial dimensions
  /// accepts the tensor: `[N, C, spatial...]` or `[C, spatial...]`, where the channel dimension is not the
  /// batch dimension `N`.
  private func acceptsWindow(spatialRank: Int) -> Bool {
    let rank = dimensions.count
    guard rank == spatialRank + 1 || rank == spatialRank + 2 else { return false }
    return rank - spatialRank - 1 >= firstSampleAxis
  }
}
