import ShapeTensor

/// `nn.ReLU()`: max(0, x) for each element.
public struct ReLUKind: ElementwiseKind {
  public init() {}
  public let name = "ReLU"
  public let arguments = [inplaceArgument]
  public let relationship = "same shape; negative values become 0; positive values are unchanged"

  public func activation(for layer: LayerInstance) -> Activation { .relu }

  /// Counts the negative values that became 0 and checks that the others are unchanged.
  public func describeEffect(input: Tensor, output: Tensor) -> String? {
    guard input.shape == output.shape else { return nil }
    var negatives = 0
    var zeroedNegatives = 0
    var others = 0
    var unchanged = 0
    for (x, y) in zip(input.scalars, output.scalars) {
      if x < 0 {
        negatives += 1
        if y == 0 { zeroedNegatives += 1 }
      } else {
        others += 1
        if x == y || (x.isNaN && y.isNaN) { unchanged += 1 }
      }
    }
    return "same shape; \(count(zeroedNegatives, of: negatives)) negative values became 0; "
      + "\(count(unchanged, of: others)) other values are unchanged"
  }

  /// "all 16" when every value qualifies, else "12 of 16".
  private func count(_ part: Int, of whole: Int) -> String {
    part == whole ? "all \(whole)" : "\(part) of \(whole)"
  }
}
