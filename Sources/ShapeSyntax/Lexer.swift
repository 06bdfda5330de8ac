import ShapeDiagnostics
import ShapeSource

/// The lexer's output: tokens ending with `.endOfFile`, comments, and diagnostics.
struct LexedSource: Sendable {
  var tokens: [Token]
  var comments: [Comment]
  /// Errors and warnings reported wherever they occur, such as invalid encoding.
  var diagnostics: [Diagnostic]
  /// Errors of `.invalid` tokens, keyed by token index. The parser reports an error only when
  /// it reaches the token, so text skipped after an earlier error adds no second error.
  var deferredErrors: [Int: Diagnostic]
}

/// Splits UTF-8 source bytes into tokens, following Python's lexical rules where the model
/// language uses them.
///
/// The lexer emits a `.newline` token at every line ending outside strings and backslash
/// continuations. The parser tracks bracket nesting, so it joins lines inside brackets.
struct Lexer {
  let source: SourceFile
  let bytes: [UInt8]
  var offset = 0
  var output = LexedSource(tokens: [], comments: [], diagnostics: [], deferredErrors: [:])
  /// Whether the next token is the first on its line.
  var nextIsFirstOnLine = true
  var lineIndent = 0

  /// Tokenizes the whole file.
  static func tokenize(_ source: SourceFile) -> LexedSource {
    var lexer = Lexer(source: source)
    lexer.run()
    return lexer.output
  }

  private init(source: SourceFile) {
    self.source = source
    self.bytes = source.bytes
    // Dense model code such as `x = nn.Linear(in_features=1, out_features=3)` has about one
    // token per 4 bytes. Reserving that much up front avoids regrowing a large array.
    output.tokens.reserveCapacity(source.bytes.count / 4 + 1)
  }

  private mutating func run() {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      offset = 3
    }
    reportFirstInvalidByte()
    measureIndentation()
    while offset < bytes.count {
      lexNext()
    }
    var end = Token(.endOfFile, range: .at(bytes.count))
    end.isFirstOnLine = true
    output.tokens.append(end)
  }

  private mutating func reportFirstInvalidByte() {
    guard let invalid = firstInvalidUTF8Offset(in: bytes, from: offset) else { return }
    let hex = String(bytes[invalid], radix: 16, uppercase: true)
    let byte = hex.count == 1 ? "0x0" + hex : "0x" + hex
    output.diagnostics.append(Diagnostic(
      code: .syntaxInvalidEncoding,
      message: "invalid UTF-8 byte \(byte); save the file as UTF-8",
      range: SourceRange(start: invalid, end: invalid + 1)))
  }

  private mutating func lexNext() {
    let byte = bytes[offset]
    switch byte {
    case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0C:
      offset += 1
    case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
      lexLineEnding()
    case UInt8(ascii: "#"):
      lexComment()
    case UInt8(ascii: "\\"):
      lexContinuation()
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      lexNumber()
    case UInt8(ascii: "."):
      if isDigit(peek(1)) { lexNumber() } else { lexSymbol() }
    case UInt8(ascii: "'"), UInt8(ascii: "\""):
      lexString(start: offset, prefix: "")
    default:
      if isNameStart(byte) {
        lexNameOrPrefixedString()
      } else if byte >= 0x80 {
        lexNonASCII()
      } else {
        lexSymbol()
      }
    }
  }

  // MARK: Emitting

  /// Appends a token and returns its index.
  @discardableResult
  mutating func emit(_ kind: TokenKind, from start: Int, text: String) -> Int {
    var token = Token(kind, range: SourceRange(start: start, end: offset), text: text)
    token.isFirstOnLine = nextIsFirstOnLine
    token.indent = lineIndent
    nextIsFirstOnLine = false
    output.tokens.append(token)
    return output.tokens.count - 1
  }

  /// Appends an `.invalid` token whose error the parser reports when it reaches it.
  mutating func emitInvalid(
    from start: Int, code: DiagnosticCode, message: String, range: SourceRange? = nil
  ) {
    let tokenRange = SourceRange(start: start, end: offset)
    let index = emit(.invalid, from: start, text: source.text(in: tokenRange))
    output.deferredErrors[index] = Diagnostic(
      code: code, message: message, range: range ?? tokenRange)
  }

  mutating func report(_ code: DiagnosticCode, _ message: String, range: SourceRange) {
    output.diagnostics.append(Diagnostic(code: code, message: message, range: range))
  }

  // MARK: Lines, comments and whitespace

  private mutating func lexLineEnding() {
    let start = offset
    offset += 1
    if bytes[start] == UInt8(ascii: "\r"), peek(0) == UInt8(ascii: "\n") {
      offset += 1
    }
    // Blank and comment-only lines produce no token, so newlines never repeat.
    if let last = output.tokens.last, last.kind != .newline {
      output.tokens.append(Token(.newline, range: SourceRange(start: start, end: offset)))
    }
    nextIsFirstOnLine = true
    measureIndentation()
  }

  /// Skips the indentation at the start of a line and records its width.
  private mutating func measureIndentation() {
    var width = 0
    while offset < bytes.count {
      switch bytes[offset] {
      case UInt8(ascii: " "): width += 1
      case UInt8(ascii: "\t"): width = (width / 8 + 1) * 8
      case 0x0C: width = 0
      default:
        lineIndent = width
        return
      }
      offset += 1
    }
    lineIndent = width
  }

  private mutating func lexComment() {
    let start = offset
    while offset < bytes.count, bytes[offset] != UInt8(ascii: "\n"),
      bytes[offset] != UInt8(ascii: "\r")
    {
      offset += 1
    }
    let range = SourceRange(start: start, end: offset)
    let text = source.text(in: SourceRange(start: start + 1, end: offset))
    output.comments.append(Comment(text: text, range: range))
  }

  private mutating func lexContinuation() {
    let start = offset
    offset += 1
    switch peek(0) {
    case UInt8(ascii: "\n"):
      offset += 1
    case UInt8(ascii: "\r"):
      offset += peek(1) == UInt8(ascii: "\n") ? 2 : 1
    default:
      emitInvalid(
        from: start, code: .syntaxInvalidCharacter,
        message: "expected a line break after the line continuation character '\\'")
    }
  }

  // MARK: Names, symbols and other characters

  private mutating func lexNameOrPrefixedString() {
    let start = offset
    while offset < bytes.count {
      let byte = bytes[offset]
      if isNameContinue(byte) {
        offset += 1
      } else if byte >= 0x80, let decoded = decodeScalar(in: bytes, at: offset),
        decoded.scalar.properties.isXIDContinue
      {
        offset += decoded.length
      } else {
        break
      }
    }
    let text = source.text(in: SourceRange(start: start, end: offset))
    let quote = peek(0)
    if (quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"")), isStringPrefix(text) {
      lexString(start: start, prefix: text.lowercased())
    } else {
      emit(.name, from: start, text: text)
    }
  }

  private mutating func lexNonASCII() {
    let start = offset
    guard let decoded = decodeScalar(in: bytes, at: offset) else {
      // The first invalid byte of the file is already reported; later ones add no error.
      offset += 1
      while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 {
        offset += 1
      }
      emit(.invalid, from: start, text: "")
      return
    }
    if decoded.scalar.properties.isXIDStart {
      lexNameOrPrefixedString()
      return
    }
    offset += decoded.length
    emitInvalid(
      from: start, code: .syntaxInvalidCharacter,
      message: "invalid character '\(decoded.scalar)' (\(codePoint(decoded.scalar)))")
  }

  private mutating func lexSymbol() {
    let start = offset
    // Longest match first, as Python's tokenizer does: `**=` before `**` before `*`.
    for length in [3, 2, 1] where offset + length <= bytes.count {
      var key: UInt32 = 0
      for position in (offset..<(offset + length)).reversed() {
        key = key << 8 | UInt32(bytes[position])
      }
      // A NUL byte at the end of the window adds nothing to the key, so the length must match too.
      if let symbol = pythonSymbols[key], symbol.utf8.count == length {
        offset += length
        emit(.symbol, from: start, text: symbol)
        return
      }
    }
    let scalar = Unicode.Scalar(bytes[offset])
    offset += 1
    let printable = scalar.value < 0x20 || scalar.value == 0x7F ? "" : "'\(scalar)' "
    emitInvalid(
      from: start, code: .syntaxInvalidCharacter,
      message: "invalid character \(printable)(\(codePoint(scalar)))")
  }

  // MARK: Byte classes

  func peek(_ distance: Int) -> UInt8? {
    let index = offset + distance
    return index < bytes.count ? bytes[index] : nil
  }

  func isDigit(_ byte: UInt8?) -> Bool {
    guard let byte else { return false }
    return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  func isNameStart(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "_")
  }

  func isNameContinue(_ byte: UInt8) -> Bool {
    isNameStart(byte) || isDigit(byte)
  }
}

/// Formats a scalar as `U+0024`.
func codePoint(_ scalar: Unicode.Scalar) -> String {
  let hex = String(scalar.value, radix: 16, uppercase: true)
  return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
}

/// Every operator and delimiter of Python 3, keyed by its bytes packed little-endian into a
/// `UInt32`. The parser rejects those outside the language.
let pythonSymbols: [UInt32: String] = {
  let symbols = [
    "+", "-", "*", "**", "/", "//", "%", "@", "<<", ">>", "&", "|", "^", "~", ":=",
    "<", ">", "<=", ">=", "==", "!=", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=",
    "->", "+=", "-=", "*=", "/=", "//=", "%=", "@=", "&=", "|=", "^=", ">>=", "<<=", "**=",
    "...",
  ]
  var table: [UInt32: String] = [:]
  for symbol in symbols {
    let key = symbol.utf8.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    table[key] = symbol
  }
  return table
}()
