import ShapeLayers

/// One row of the summary table: a layer application, a Sequential application, or a layer
/// or Sequential that is never applied.
public struct SummaryRow: Sendable {
  /// The content of a row's parameter cell.
  public enum Parameters: Sendable, Equatable {
    /// The layer's own parameter count, or nil when a dimension has no value.
    case count(Int?)
    /// A container, whose parameters belong to its children's rows.
    case container
    /// A later application of a layer whose parameters an earlier row already counted.
    case recursive
  }

  /// Nesting depth: 0 for a top-level application, 1 for a step of a Sequential, and so on.
  public var depth: Int
  public var name: String
  /// The layer kind, such as `Linear`, or `Sequential`.
  public var kind: String
  /// The output shape, or nil for a layer that is never applied.
  public var outputShape: [ShapeDim]?
  public var parameters: Parameters
}
