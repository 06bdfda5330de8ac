import ShapeDiagnostics
import ShapeSource

/// Returns whether `text` is a Python string prefix, in any letter case.
func isStringPrefix(_ text: String) -> Bool {
  stringPrefixes.contains(text.lowercased())
}

private let stringPrefixes: Set<String> = [
  "r", "u", "b", "f", "t", "br", "rb", "fr", "rf", "tr", "rt",
]

extension Lexer {
  /// Lexes a string literal whose prefix starts at `start` and whose quote is at `offset`.
  ///
  /// Only plain, `r` and `u` strings are part of the language. f-strings, bytes and template
  /// strings are lexed to their end so that the rest of the line stays intact, and then become
  /// one invalid token.
  mutating func lexString(start: Int, prefix: String) {
    let quote = bytes[offset]
    let isTriple = peek(1) == quote && peek(2) == quote
    let quoteLength = isTriple ? 3 : 1
    offset += quoteLength
    let openingRange = SourceRange(start: start, end: offset)
    var scanner = StringScanner(isRaw: prefix.contains("r"))
    while true {
      guard let byte = peek(0) else {
        reportUnterminated(start: start, opening: openingRange, isTriple: isTriple)
        return
      }
      if byte == quote, !isTriple || (peek(1) == quote && peek(2) == quote) {
        offset += quoteLength
        break
      }
      if !isTriple, byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
        reportUnterminated(start: start, opening: openingRange, isTriple: isTriple)
        return
      }
      scanner.scan(&self)
    }
    finishString(start: start, prefix: prefix, scanner: scanner)
  }

  private mutating func finishString(start: Int, prefix: String, scanner: StringScanner) {
    if prefix.contains("f") {
      emitInvalid(
        from: start, code: .syntaxUnsupportedString,
        message: "f-strings are not part of the model language")
    } else if prefix.contains("b") {
      emitInvalid(
        from: start, code: .syntaxUnsupportedString,
        message: "bytes literals are not part of the model language")
    } else if prefix.contains("t") {
      emitInvalid(
        from: start, code: .syntaxUnsupportedString,
        message: "template strings are not part of the model language")
    } else if let error = scanner.error {
      emitInvalid(from: start, code: .syntaxInvalidEscape, message: error.message,
                  range: error.range)
    } else {
      emit(.string, from: start, text: String(scanner.contents))
      for warning in scanner.warnings {
        report(.syntaxUnknownEscape, warning.message, range: warning.range)
      }
    }
  }

  /// Reports an unterminated string at its opening quote, which is always reported because
  /// the rest of the line or file is lost to it.
  private mutating func reportUnterminated(start: Int, opening: SourceRange, isTriple: Bool) {
    let message = isTriple
      ? "unterminated triple-quoted string; add the closing quotes before the end of the file"
      : "unterminated string; add the closing quote before the end of the line"
    report(.syntaxUnterminatedString, message, range: opening)
    emit(.invalid, from: start, text: "")
  }
}

/// A message about part of a string literal.
struct StringProblem: Sendable {
  var message: String
  var range: SourceRange
}

/// The decoder of a string literal's body, one character or escape sequence at a time.
struct StringScanner {
  let isRaw: Bool
  var contents = String.UnicodeScalarView()
  /// The first malformed escape, which makes the literal invalid.
  var error: StringProblem?
  var warnings: [StringProblem] = []

  init(isRaw: Bool) {
    self.isRaw = isRaw
  }

  /// Consumes one character or escape sequence at the lexer's offset.
  mutating func scan(_ lexer: inout Lexer) {
    let byte = lexer.bytes[lexer.offset]
    if byte == UInt8(ascii: "\\") {
      scanEscape(&lexer)
    } else if byte == UInt8(ascii: "\r") {
      // Python reads source with universal newlines, so CRLF and CR in a string become LF.
      contents.append("\n")
      lexer.offset += lexer.peek(1) == UInt8(ascii: "\n") ? 2 : 1
    } else {
      appendCharacter(&lexer)
    }
  }

  /// Appends the character at the lexer's offset, or U+FFFD for an invalid byte, which the
  /// lexer has reported already if it is the file's first.
  private mutating func appendCharacter(_ lexer: inout Lexer) {
    if let decoded = decodeScalar(in: lexer.bytes, at: lexer.offset) {
      contents.append(decoded.scalar)
      lexer.offset += decoded.length
    } else {
      contents.append("\u{FFFD}")
      lexer.offset += 1
    }
  }

  private mutating func scanEscape(_ lexer: inout Lexer) {
    let start = lexer.offset
    guard let next = lexer.peek(1) else {
      lexer.offset += 1
      contents.append("\\")
      return
    }
    if isRaw {
      // A raw string keeps the backslash; a quote or backslash after it cannot end the string.
      contents.append("\\")
      lexer.offset += 1
      if next != UInt8(ascii: "\n") && next != UInt8(ascii: "\r") {
        appendCharacter(&lexer)
      }
      return
    }
    lexer.offset += 2
    if let simple = simpleEscapes[next] {
      contents.append(simple)
      return
    }
    switch next {
    case UInt8(ascii: "\n"):
      break
    case UInt8(ascii: "\r"):
      if lexer.peek(0) == UInt8(ascii: "\n") { lexer.offset += 1 }
    case UInt8(ascii: "0")...UInt8(ascii: "7"):
      scanOctalEscape(&lexer, first: next)
    case UInt8(ascii: "x"):
      scanHexEscape(&lexer, start: start, digits: 2, name: "\\x")
    case UInt8(ascii: "u"):
      scanHexEscape(&lexer, start: start, digits: 4, name: "\\u")
    case UInt8(ascii: "U"):
      scanHexEscape(&lexer, start: start, digits: 8, name: "\\U")
    case UInt8(ascii: "N"):
      recordError(
        "named escape '\\N{…}' is not supported; write the character or use '\\u'",
        SourceRange(start: start, end: lexer.offset))
    default:
      // Python keeps an unknown escape as written and warns about it.
      lexer.offset = start + 1
      contents.append("\\")
      let end = start + 1 + (decodeScalar(in: lexer.bytes, at: start + 1)?.length ?? 1)
      let written = lexer.source.text(in: SourceRange(start: start, end: end))
      warnings.append(StringProblem(
        message: "unknown escape sequence '\(written)' is kept as written; "
          + "write '\\\\' for a backslash",
        range: SourceRange(start: start, end: end)))
    }
  }

  private mutating func scanOctalEscape(_ lexer: inout Lexer, first: UInt8) {
    var value = UInt32(first - UInt8(ascii: "0"))
    var count = 1
    while count < 3, let byte = lexer.peek(0), byte >= UInt8(ascii: "0"),
      byte <= UInt8(ascii: "7")
    {
      value = value * 8 + UInt32(byte - UInt8(ascii: "0"))
      lexer.offset += 1
      count += 1
    }
    contents.append(Unicode.Scalar(value) ?? "\u{FFFD}")
  }

  private mutating func scanHexEscape(
    _ lexer: inout Lexer, start: Int, digits: Int, name: String
  ) {
    var value: UInt32 = 0
    for _ in 0..<digits {
      guard let byte = lexer.peek(0), let digit = hexValue(byte) else {
        recordError(
          "truncated '\(name)' escape; expected \(digits) hexadecimal digits",
          SourceRange(start: start, end: lexer.offset))
        return
      }
      value = value * 16 + digit
      lexer.offset += 1
    }
    guard let scalar = Unicode.Scalar(value) else {
      recordError(
        "escape '\(lexer.source.text(in: SourceRange(start: start, end: lexer.offset)))' "
          + "is not a valid Unicode scalar",
        SourceRange(start: start, end: lexer.offset))
      return
    }
    contents.append(scalar)
  }

  private mutating func recordError(_ message: String, _ range: SourceRange) {
    if error == nil {
      error = StringProblem(message: message, range: range)
    }
  }

  private func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a")) + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A")) + 10
    default: nil
    }
  }
}

private let simpleEscapes: [UInt8: Unicode.Scalar] = [
  UInt8(ascii: "\\"): "\\", UInt8(ascii: "'"): "'", UInt8(ascii: "\""): "\"",
  UInt8(ascii: "a"): "\u{07}", UInt8(ascii: "b"): "\u{08}", UInt8(ascii: "f"): "\u{0C}",
  UInt8(ascii: "n"): "\n", UInt8(ascii: "r"): "\r", UInt8(ascii: "t"): "\t",
  UInt8(ascii: "v"): "\u{0B}",
]
