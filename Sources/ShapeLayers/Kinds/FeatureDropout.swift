import ShapeTensor

/// `nn.Dropout1d(p=0.5)` and `nn.Dropout2d(p=0.5)`: zero whole channels at random in training,
/// the identity in evaluation.
///
/// Dropout1d accepts `[N, C, L]` or `[C, L]` and raises for other ranks. Dropout2d is meant for
/// `[N, C, H, W]` or `[C, H, W]`; PyTorch 2.13 warns for other ranks and raises only below 2.
public struct FeatureDropoutKind: ElementwiseKind {
  public let name: String
  /// The input ranks accepted.
  public let ranks: ClosedRange<Int>
  public let arguments = [
    ArgumentSpec("p", .float(minimum: 0, maximum: 1), default: .float(0.5)),
    inplaceArgument,
  ]
  public let relationship =
    "same shape; in training each channel is zeroed with probability p and the rest scaled by "
    + "1 / (1 - p); in evaluation the values are unchanged"

  /// `Dropout1d` for `spatialRank` 1, `Dropout2d` for 2.
  public init(spatialRank: Int) {
    name = "Dropout\(spatialRank)d"
    ranks = spatialRank == 1 ? 2...3 : 2...Int.max
  }

  public func outputShape(
    for input: [ShapeDim], of layer: LayerInstance, context: ShapeContext
  ) -> ShapeRuleResult {
    guard ranks.contains(input.count) else {
      let accepted = ranks.upperBound == Int.max ? "at least 2" : "2 or 3"
      return .failure(
        ShapeFailure(
          code: .rankMismatch,
          message: "'\(layer.name)' (\(name)) needs an input with \(accepted) dimensions, but "
            + "receives a tensor with \(input.count)"))
    }
    return .output(input)
  }

  /// Feature dropout is the identity in evaluation mode, which is how `run` executes models.
  public func activation(for layer: LayerInstance) -> Activation { .identity }
}
