import ShapeSource

/// The kind of a lexical token.
enum TokenKind: Equatable, Sendable {
  /// An identifier or keyword. The parser distinguishes keywords by their text.
  case name
  case integer
  case float
  case string
  /// An operator or delimiter such as `+`, `**=` or `(`.
  case symbol
  /// The end of a physical line. Blank and comment-only lines produce none.
  case newline
  case endOfFile
  /// Text the lexer could not turn into a token, with its error reported at most once.
  case invalid
}

/// One token with its exact UTF-8 byte range.
struct Token: Sendable {
  var kind: TokenKind
  var range: SourceRange
  /// The name or symbol as written, an integer's digits, or a string's decoded contents.
  var text: String
  /// The value of a float literal.
  var floatValue: Double = 0
  /// Whether no other token precedes this one on its line, counting a line that a backslash
  /// continues as part of the line before it.
  var isFirstOnLine = false
  /// Indentation width of the token's line, where a tab advances to the next multiple of 8.
  var indent = 0

  init(_ kind: TokenKind, range: SourceRange, text: String = "") {
    self.kind = kind
    self.range = range
    self.text = text
  }

  /// Returns whether the token is the symbol `symbol`.
  func isSymbol(_ symbol: String) -> Bool {
    kind == .symbol && text == symbol
  }

  /// Returns whether the token is the name or keyword `name`.
  func isName(_ name: String) -> Bool {
    kind == .name && text == name
  }

  var isOpeningBracket: Bool {
    kind == .symbol && (text == "(" || text == "[" || text == "{")
  }

  var isClosingBracket: Bool {
    kind == .symbol && (text == ")" || text == "]" || text == "}")
  }
}

/// Returns the closing bracket that matches an opening one.
func closingBracket(for opening: String) -> String {
  switch opening {
  case "(": ")"
  case "[": "]"
  default: "}"
  }
}
