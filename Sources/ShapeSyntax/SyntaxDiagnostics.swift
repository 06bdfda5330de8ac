import ShapeDiagnostics

/// Diagnostic codes of the lexer and parser, whose ids all start with `syntax.`.
extension DiagnosticCode {
  /// A token that cannot appear where it was found.
  public static let syntaxUnexpectedToken = DiagnosticCode(
    "syntax.unexpected-token", .error,
    summary: "A token appears where the grammar expects something else.")

  /// A Python statement outside the model language, such as `def` or `for`.
  public static let syntaxUnsupportedStatement = DiagnosticCode(
    "syntax.unsupported-statement", .error,
    summary: "A Python statement that the model language does not include.")

  /// A Python expression form outside the model language, such as `and` or a slice.
  public static let syntaxUnsupportedExpression = DiagnosticCode(
    "syntax.unsupported-expression", .error,
    summary: "A Python expression form that the model language does not include.")

  /// An assignment or declaration whose target is not a plain name.
  public static let syntaxInvalidAssignmentTarget = DiagnosticCode(
    "syntax.invalid-assignment-target", .error,
    summary: "Only a plain name can be assigned or declared.")

  /// A statement indented although no block encloses it.
  public static let syntaxUnexpectedIndent = DiagnosticCode(
    "syntax.unexpected-indent", .error,
    summary: "A statement starts with indentation outside brackets.")

  /// Bytes that are not valid UTF-8.
  public static let syntaxInvalidEncoding = DiagnosticCode(
    "syntax.invalid-encoding", .error,
    summary: "The file contains bytes that are not valid UTF-8.")

  /// A character that no token can start with, such as `$` or `?`.
  public static let syntaxInvalidCharacter = DiagnosticCode(
    "syntax.invalid-character", .error,
    summary: "A character outside strings and comments that no token can start with.")

  /// A string literal without its closing quote.
  public static let syntaxUnterminatedString = DiagnosticCode(
    "syntax.unterminated-string", .error,
    summary: "A string literal is missing its closing quote.")

  /// An f-string, bytes literal or template string.
  public static let syntaxUnsupportedString = DiagnosticCode(
    "syntax.unsupported-string", .error,
    summary: "An f-string, bytes literal or template string.")

  /// A malformed escape sequence such as a truncated `\x4`.
  public static let syntaxInvalidEscape = DiagnosticCode(
    "syntax.invalid-escape", .error,
    summary: "A string escape sequence is malformed or not supported.")

  /// A backslash escape that Python keeps as written, such as `\d`.
  public static let syntaxUnknownEscape = DiagnosticCode(
    "syntax.unknown-escape", .warning,
    summary: "A backslash escape that Python does not define and keeps as written.")

  /// A malformed number such as `1__0`, `0x`, `012` or `1abc`.
  public static let syntaxInvalidNumber = DiagnosticCode(
    "syntax.invalid-number", .error,
    summary: "A number literal is malformed.")

  /// A hexadecimal, octal or binary literal above the largest 64-bit signed integer.
  public static let syntaxIntegerTooLarge = DiagnosticCode(
    "syntax.integer-too-large", .error,
    summary: "A hexadecimal, octal or binary integer literal does not fit in 64 bits.")

  /// A comparison chained to another, as in `a < b < c`.
  public static let syntaxChainedComparison = DiagnosticCode(
    "syntax.chained-comparison", .error,
    summary: "Comparisons cannot be chained.")

  /// A closing bracket that is missing or of the wrong kind.
  public static let syntaxUnclosedBracket = DiagnosticCode(
    "syntax.unclosed-bracket", .error,
    summary: "An opening bracket is not closed by the matching bracket.")

  /// A closing bracket without an opening one.
  public static let syntaxUnmatchedBracket = DiagnosticCode(
    "syntax.unmatched-bracket", .error,
    summary: "A closing bracket has no opening bracket.")

  /// A positional argument after a keyword argument.
  public static let syntaxPositionalAfterKeyword = DiagnosticCode(
    "syntax.positional-after-keyword", .error,
    summary: "A positional argument follows a keyword argument.")

  /// A keyword argument given twice in one call.
  public static let syntaxDuplicateKeyword = DiagnosticCode(
    "syntax.duplicate-keyword", .error,
    summary: "A keyword argument is repeated in one call.")

  /// `*args` or `**kwargs` in a call.
  public static let syntaxUnsupportedArgument = DiagnosticCode(
    "syntax.unsupported-argument", .error,
    summary: "Argument unpacking with '*' or '**'.")

  /// Brackets nested deeper than `ParserLimits.maxNestingDepth`.
  public static let syntaxNestingTooDeep = DiagnosticCode(
    "syntax.nesting-too-deep", .error,
    summary: "Brackets are nested deeper than the parser's limit.")

  /// An expression tree deeper than `ParserLimits.maxExpressionDepth`.
  public static let syntaxExpressionTooComplex = DiagnosticCode(
    "syntax.expression-too-complex", .error,
    summary: "An expression is nested deeper than the parser's limit.")

  /// A source file larger than `ParserLimits.maxSourceBytes`.
  public static let syntaxFileTooLarge = DiagnosticCode(
    "syntax.file-too-large", .error,
    summary: "The file is larger than the parser's limit.")

  /// Every code declared by the syntax module, for documentation and tests.
  public static let syntaxCodes: [DiagnosticCode] = [
    .syntaxUnexpectedToken, .syntaxUnsupportedStatement, .syntaxUnsupportedExpression,
    .syntaxInvalidAssignmentTarget, .syntaxUnexpectedIndent, .syntaxInvalidEncoding,
    .syntaxInvalidCharacter, .syntaxUnterminatedString, .syntaxUnsupportedString,
    .syntaxInvalidEscape, .syntaxUnknownEscape, .syntaxInvalidNumber, .syntaxIntegerTooLarge,
    .syntaxChainedComparison, .syntaxUnclosedBracket, .syntaxUnmatchedBracket,
    .syntaxPositionalAfterKeyword, .syntaxDuplicateKeyword, .syntaxUnsupportedArgument,
    .syntaxNestingTooDeep, .syntaxExpressionTooComplex, .syntaxFileTooLarge,
  ]
}
