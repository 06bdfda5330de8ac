import ShapeSource

/// Renders diagnostics in the compiler format that editors and CI logs recognise:
///
///     path:line:col: error: message [code]
///        7 | linear_2 = nn.Linear(in_features=20, out_features=1)
///          |                                  ^~
///     path:line:col: note: message
///          = fix-it: change 'in_features' to 30
///
/// Columns in the header are 1-based UTF-8 byte columns; the caret is placed by character, so a
/// multibyte character earlier on the line does not shift it. Colour is applied by a `TextStyle`,
/// so tests compare plain text.
public struct DiagnosticRenderer: Sendable {
  public var style: TextStyle

  public init(style: TextStyle = .plain) {
    self.style = style
  }

  /// Renders every diagnostic of `source`, each followed by its snippet, notes and fix-its.
  public func render(_ diagnostics: [Diagnostic], in source: SourceFile) -> String {
    var output = ""
    for diagnostic in diagnostics {
      output += render(diagnostic, in: source)
    }
    return output
  }

  /// Renders one diagnostic with its snippet, notes and fix-its.
  public func render(_ diagnostic: Diagnostic, in source: SourceFile) -> String {
    var output = header(
      source: source, range: diagnostic.range, severity: diagnostic.severity,
      message: diagnostic.message, code: diagnostic.code)
    output += snippet(source: source, range: diagnostic.range)
    output += fixItLines(diagnostic.fixIts)
    for note in diagnostic.notes {
      if let range = note.range {
        output += header(
          source: source, range: range, severity: .note, message: note.message, code: nil)
        output += snippet(source: source, range: range)
      } else {
        output += "\(style.apply(.note, to: "note:")) \(sanitized(note.message))\n"
      }
      output += fixItLines(note.fixIts)
    }
    return output
  }

  private func header(
    source: SourceFile, range: SourceRange, severity: Severity, message: String,
    code: DiagnosticCode?
  ) -> String {
    let location = source.location(of: range.start)
    // Messages quote string literals of the model file, and paths come from the file system,
    // so both are sanitized like snippets: one diagnostic stays one line, without escapes.
    let place = style.apply(.location, to: "\(sanitized(source.path)):\(location.line):\(location.column):")
    let label = style.apply(severity.textRole, to: "\(severity.rawValue):")
    let suffix = code.map { " [\($0.id)]" } ?? ""
    return "\(place) \(label) \(style.apply(.message, to: sanitized(message)))\(suffix)\n"
  }

  private func snippet(source: SourceFile, range: SourceRange) -> String {
    let start = source.location(of: range.start)
    let end = source.location(of: range.end)
    let line = source.lineBytes(start.line)
    let caret = min(max(range.start, line.startIndex), line.endIndex)
    // Only the bytes around the caret are decoded, so each snippet of a very long line costs
    // the same, and many diagnostics on one line do not take quadratic time. The piece is wide
    // enough for the visible window even when every character takes 4 bytes.
    let reach = 4 * Self.maxSnippetWidth
    var lower = max(line.startIndex, caret - reach)
    while lower > line.startIndex, lower < caret, isContinuationByte(source.bytes[lower]) {
      lower += 1
    }
    var upper = min(line.endIndex, caret + reach)
    while upper < line.endIndex, isContinuationByte(source.bytes[upper]) {
      upper += 1
    }
    let piece = line[lower..<upper]
    let lineText = sanitized(String(decoding: piece, as: UTF8.self))
    let gutter = String(start.line)
    let padding = String(repeating: " ", count: gutter.count)

    let firstColumn = scalarCount(piece[lower..<caret]) + 1
    let lineLength = lineText.count
    // A range that continues onto later lines, or past the piece, is underlined to the end of
    // the piece.
    let lastColumn =
      end.line == start.line && range.end <= upper
      ? scalarCount(piece[lower..<max(caret, range.end)]) + 1
      : lineLength + 1
    let width = max(1, lastColumn - firstColumn)
    let window = visibleWindow(lineLength: lineLength, caretColumn: firstColumn)
    let cutBefore = window.lowerBound > 0 || lower > line.startIndex
    let cutAfter = window.upperBound < lineLength || upper < line.endIndex
    let visibleText = characters(of: lineText, length: lineLength, in: window)
    let shown = (cutBefore ? "…" : "") + visibleText + (cutAfter ? "…" : "")
    let shift = cutBefore ? window.lowerBound - 1 : 0
    let visibleWidth = min(width, max(1, window.upperBound - (firstColumn - 1)))
    let marker = "^" + String(repeating: "~", count: visibleWidth - 1)
    let indent = String(repeating: " ", count: max(0, firstColumn - 1 - shift))
    return "\(gutter) | \(shown)\n\(padding) | \(indent)\(style.apply(.caret, to: marker))\n"
  }

  private func isContinuationByte(_ byte: UInt8) -> Bool {
    byte & 0xC0 == 0x80
  }

  /// Counts the Unicode scalars that start in `bytes`, as `SourceFile.characterColumn` does.
  private func scalarCount(_ bytes: ArraySlice<UInt8>) -> Int {
    bytes.reduce(0) { count, byte in isContinuationByte(byte) ? count : count + 1 }
  }

  /// Returns the characters of a line to show: all of a short line, else a window of about
  /// `maxSnippetWidth` characters that starts a little before the caret.
  private func visibleWindow(lineLength: Int, caretColumn: Int) -> Range<Int> {
    guard lineLength > Self.maxSnippetWidth else { return 0..<lineLength }
    let start = max(0, min(caretColumn - 1 - Self.maxSnippetWidth / 4, lineLength - Self.maxSnippetWidth))
    return start..<min(lineLength, start + Self.maxSnippetWidth)
  }

  /// Returns the characters of `text`, which has `length` characters, at the positions
  /// `window`. A window over the whole text, the usual case, returns the text uncopied.
  private func characters(of text: String, length: Int, in window: Range<Int>) -> String {
    if window.lowerBound == 0, window.upperBound >= length {
      return text
    }
    let from = text.index(text.startIndex, offsetBy: window.lowerBound)
    let to = text.index(from, offsetBy: window.count)
    return String(text[from..<to])
  }

  /// The maximum length of a source line shown whole; longer lines are cut around the caret with `…`.
  public static let maxSnippetWidth = 120

  private func fixItLines(_ fixIts: [FixIt]) -> String {
    fixIts.map { "  \(style.apply(.fixIt, to: "fix-it:")) \(sanitized($0.message))\n" }.joined()
  }

  /// Replaces control characters other than tab with U+FFFD so a hostile file cannot send
  /// terminal escape sequences through a snippet.
  private func sanitized(_ text: String) -> String {
    // Control characters are single bytes in UTF-8, so most text passes this scan unchanged.
    // Native strings are contiguous, and scanning their buffer avoids the generic iterator.
    let isControl = { (byte: UInt8) in (byte < 0x20 && byte != 0x09) || byte == 0x7F }
    let hasControl =
      text.utf8.withContiguousStorageIfAvailable { $0.contains(where: isControl) }
      ?? text.utf8.contains(where: isControl)
    guard hasControl else {
      return text
    }
    return String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { scalar in
          (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F ? "\u{FFFD}" : scalar
        }))
  }
}

extension Severity {
  fileprivate var textRole: TextStyle.Role {
    switch self {
    case .error: .error
    case .warning: .warning
    case .note: .note
    }
  }
}
