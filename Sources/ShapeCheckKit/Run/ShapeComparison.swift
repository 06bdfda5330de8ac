import ShapeTensor

/// One tensor of a run: its inferred and observed shapes and, for small tensors, its values.
public struct ShapeComparison: Sendable {
  /// The activation's name, or `sequential.path` for a step inside an applied Sequential.
  public var label: String
  public var producer: String
  public var inferred: [Int?]
  /// The observed shape, or nil when the tensor was not computed.
  public var observed: [Int]?
  /// The observed tensor of the first image or batch.
  public var tensor: Tensor?
  /// The measured effect of an element-wise layer on the values.
  public var effect: String?
  /// Whether this row is a step inside an applied Sequential.
  public var isStep: Bool

  public var agrees: Bool {
    guard let observed else { return false }
    return observed.map(Optional.some) == inferred
  }
}

/// The outcome of classifying labelled images with a one-output model.
public struct ClassificationResult: Sendable {
  /// The class meant by sigmoid(output) > 0.5.
  public var positiveClass: String
  public var negativeClass: String
  public var correct: Int
  public var total: Int

  public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }
}
