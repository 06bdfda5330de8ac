import ShapeSource

/// How serious a diagnostic is; only errors fail a check (and warnings with
/// `--warnings-as-errors`).
public enum Severity: String, Sendable, Comparable, CaseIterable {
  case note
  case warning
  case error

  private var rank: Int {
    switch self {
    case .note: 0
    case .warning: 1
    case .error: 2
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One problem found in a model file, located by a UTF-8 byte range.
///
/// Messages are one lowercase phrase without a trailing period; names and shapes are quoted
/// with single quotes. The notes point at related places, such as the layer that produced a
/// mismatched dimension. A fix-it attached to the diagnostic itself is the single safe repair;
/// alternatives are attached to notes.
public struct Diagnostic: Sendable, Hashable {
  public var code: DiagnosticCode
  public var severity: Severity
  public var message: String
  public var range: SourceRange
  public var notes: [Note]
  public var fixIts: [FixIt]
  /// Structured facts for machine-readable output, such as `expected`, `actual` and `formula`.
  public var facts: [String: String]

  public init(
    code: DiagnosticCode, severity: Severity? = nil, message: String, range: SourceRange,
    notes: [Note] = [], fixIts: [FixIt] = [], facts: [String: String] = [:]
  ) {
    self.code = code
    self.severity = severity ?? code.defaultSeverity
    self.message = message
    self.range = range
    self.notes = notes
    self.fixIts = fixIts
    self.facts = facts
  }
}

/// A remark attached to a diagnostic, with its own location when it has one.
public struct Note: Sendable, Hashable {
  public var message: String
  public var range: SourceRange?
  public var fixIts: [FixIt]

  public init(message: String, range: SourceRange? = nil, fixIts: [FixIt] = []) {
    self.message = message
    self.range = range
    self.fixIts = fixIts
  }
}

/// A suggested edit, described by an imperative message such as `change 'in_features' to 30`.
public struct FixIt: Sendable, Hashable {
  public var message: String
  public var edits: [TextEdit]

  public init(message: String, edits: [TextEdit]) {
    precondition(!edits.isEmpty, "a fix-it needs at least one edit")
    self.message = message
    self.edits = edits
  }
}

/// Replacement of the bytes in `range` by `replacement`.
public struct TextEdit: Sendable, Hashable {
  public var range: SourceRange
  public var replacement: String

  public init(range: SourceRange, replacement: String) {
    self.range = range
    self.replacement = replacement
  }
}
