/// A stable diagnostic identifier such as `shape.feature-mismatch`, printed with every diagnostic
/// and documented in docs/diagnostics.md.
public struct DiagnosticCode: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let id: String
  public let defaultSeverity: Severity
  /// One sentence for the rules table of machine-readable formats.
  public let summary: String

  public init(_ id: String, _ defaultSeverity: Severity, summary: String) {
    self.id = id
    self.defaultSeverity = defaultSeverity
    self.summary = summary
  }

  public var description: String { id }

  public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.id < rhs.id }

  public static func == (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.id == rhs.id }

  public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
