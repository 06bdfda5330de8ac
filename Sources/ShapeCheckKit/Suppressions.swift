import Foundation
import ShapeDiagnostics
import ShapeSource
import ShapeSyntax

extension DiagnosticCode {
  /// A suppression comment that matched no diagnostic on its line.
  public static let suppressionUnused = DiagnosticCode(
    "suppression.unused", .warning,
    summary: "A '# shapecheck: ignore[...]' comment suppresses nothing on its line.")
  /// A suppression comment that names a code shapecheck does not have.
  public static let suppressionUnknownCode = DiagnosticCode(
    "suppression.unknown-code", .warning,
    summary: "A '# shapecheck: ignore[...]' comment names an unknown diagnostic code.")
  /// A comment that starts with `shapecheck:` but is not a valid suppression.
  public static let suppressionInvalid = DiagnosticCode(
    "suppression.invalid", .warning,
    summary: "A 'shapecheck:' comment is not of the form 'shapecheck: ignore[code, ...]'.")
}

/// The `# shapecheck: ignore[code1, code2]` comments of one file.
///
/// A suppression removes the diagnostics with a listed code whose range starts on the
/// comment's line. Every listed code that removes nothing is reported as
/// `suppression.unused`, and a code that is not in `DiagnosticCode.all` as
/// `suppression.unknown-code`. Text after the closing bracket is free, for a reason.
public struct Suppressions: Sendable {
  /// One code listed in one suppression comment.
  struct Entry {
    var code: String
    var line: Int
    var range: SourceRange
  }

  private var entries: [Entry] = []
  private var problems: [Diagnostic] = []

  /// Reads the suppressions of `comments`, which belong to `source`.
  public init(comments: [Comment], source: SourceFile) {
    for comment in comments {
      read(comment, source: source)
    }
  }

  private mutating func read(_ comment: Comment, source: SourceFile) {
    let text = comment.text.trimmingCharacters(in: .whitespaces)
    guard text.hasPrefix(Self.prefix) else { return }
    let rest = text.dropFirst(Self.prefix.count).trimmingCharacters(in: .whitespaces)
    guard let codes = Self.listedCodes(rest) else {
      problems.append(
        Diagnostic(
          code: .suppressionInvalid,
          message: "invalid suppression comment; write '# shapecheck: ignore[code]'",
          range: comment.range))
      return
    }
    let line = source.location(of: comment.range.start).line
    for code in codes {
      if DiagnosticCode.registered(code) == nil {
        problems.append(
          Diagnostic(
            code: .suppressionUnknownCode,
            message: "unknown diagnostic code '\(code)' in suppression comment",
            range: comment.range, facts: ["code": code]))
      } else {
        entries.append(Entry(code: code, line: line, range: comment.range))
      }
    }
  }

  private static let prefix = "shapecheck:"

  /// Parses `ignore[a, b]` followed by any text into its codes; returns nil when `text` is not
  /// of that form or lists an empty code.
  static func listedCodes(_ text: String) -> [String]? {
    guard text.hasPrefix("ignore["), let close = text.firstIndex(of: "]") else { return nil }
    let inside = text[text.index(text.startIndex, offsetBy: "ignore[".count)..<close]
    let codes = inside.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard !codes.contains(where: \.isEmpty) else { return nil }
    return codes
  }

  /// Removes the suppressed diagnostics and adds a warning for every unused or unknown code
  /// and every invalid suppression comment. The result is sorted by position and code.
  public func apply(to diagnostics: [Diagnostic], in source: SourceFile) -> [Diagnostic] {
    var used = Set<Int>()
    var kept: [Diagnostic] = []
    for diagnostic in diagnostics {
      let line = source.location(of: diagnostic.range.start).line
      let matches = entries.indices.filter {
        entries[$0].line == line && entries[$0].code == diagnostic.code.id
      }
      if matches.isEmpty {
        kept.append(diagnostic)
      } else {
        used.formUnion(matches)
      }
    }
    for (index, entry) in entries.enumerated() where !used.contains(index) {
      kept.append(
        Diagnostic(
          code: .suppressionUnused,
          message: "suppression of '\(entry.code)' is unused: no such diagnostic on this line",
          range: entry.range, facts: ["code": entry.code]))
    }
    kept += problems
    return kept.sortedForReport()
  }
}

extension Array where Element == Diagnostic {
  /// The diagnostics ordered by start offset, which is line and column order, then by code.
  public func sortedForReport() -> [Diagnostic] {
    sorted { lhs, rhs in
      if lhs.range.start != rhs.range.start { return lhs.range.start < rhs.range.start }
      if lhs.code.id != rhs.code.id { return lhs.code.id < rhs.code.id }
      if lhs.range.end != rhs.range.end { return lhs.range.end < rhs.range.end }
      return lhs.message < rhs.message
    }
  }
}
