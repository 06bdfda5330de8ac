// The grammar of the model language in EBNF, a subset of Python 3's. NAME excludes Python's
// keywords. Inside (), [] and {} line endings are ignored; elsewhere NEWLINE ends a line.
// Blank lines and lines that contain only a comment produce no NEWLINE.
//
//   file            = { line } ;
//   line            = statement { ";" statement } [ ";" ] ( NEWLINE | END_OF_FILE ) ;
//   statement       = import | declaration | assignment | assertion | "pass"
//                   | expression_list ;
//   import          = "import" dotted_name [ "as" NAME ] { "," dotted_name [ "as" NAME ] }
//                   | "from" ( { "." } dotted_name | "." { "." } ) "import"
//                     ( "*" | import_names | "(" import_names [ "," ] ")" ) ;
//   import_names    = NAME [ "as" NAME ] { "," NAME [ "as" NAME ] } ;
//   dotted_name     = NAME { "." NAME } ;
//   declaration     = NAME ":" expression [ "=" expression_list ] ;
//   assignment      = NAME "=" expression_list ;
//   assertion       = "assert" expression [ "," expression ] ;
//   expression_list = expression { "," expression } [ "," ] ;  (* a tuple if it has a comma *)
//   expression      = sum [ comparison_op sum ] ;               (* no chained comparisons *)
//   comparison_op   = "==" | "!=" | "<" | "<=" | ">" | ">=" ;
//   sum             = term { ( "+" | "-" ) term } ;
//   term            = factor { ( "*" | "/" | "//" | "%" ) factor } ;
//   factor          = ( "+" | "-" ) factor | power ;
//   power           = primary [ "**" factor ] ;
//   primary         = atom { "(" [ arguments ] ")" | "[" expression_list "]" | "." NAME } ;
//   arguments       = argument { "," argument } [ "," ] ;  (* no positional after keyword *)
//   argument        = [ NAME "=" ] expression ;
//   atom            = NAME | INTEGER | FLOAT | STRING { STRING } | "True" | "False" | "None"
//                   | "(" [ expression_list ] ")"
//                   | "[" [ expression { "," expression } [ "," ] ] "]" ;
//
// docs/language.md describes the lexical rules, what is rejected and why, and the limits.

import ShapeDiagnostics
import ShapeSource

/// The parser of model files.
public enum Parser {
  /// Parses `source` into a syntax tree with the standard limits, reporting every syntax
  /// error as a diagnostic.
  public static func parse(_ source: SourceFile) -> SyntaxTree {
    parse(source, limits: .standard)
  }

  /// Parses `source` into a syntax tree, reporting every syntax error as a diagnostic.
  ///
  /// Parsing never stops at the first error: after an error the parser skips to the end of
  /// the statement and continues with the next one. A file larger than
  /// `limits.maxSourceBytes` gives one error and an empty tree.
  public static func parse(
    _ source: SourceFile, limits: ParserLimits = .standard
  ) -> SyntaxTree {
    guard source.bytes.count <= limits.maxSourceBytes else {
      let diagnostic = Diagnostic(
        code: .syntaxFileTooLarge,
        message: "file is \(source.bytes.count) bytes; the maximum is "
          + "\(limits.maxSourceBytes) bytes",
        range: .at(0))
      return SyntaxTree(source: source, statements: [], comments: [], diagnostics: [diagnostic])
    }
    let lexed = Lexer.tokenize(source)
    var parser = SyntaxParser(source: source, lexed: lexed, limits: limits)
    parser.parseFile()
    let diagnostics = (lexed.diagnostics + parser.diagnostics).enumerated()
      .sorted { ($0.element.range.start, $0.offset) < ($1.element.range.start, $1.offset) }
      .map(\.element)
    var tree = SyntaxTree(
      source: source, statements: parser.statements, comments: lexed.comments,
      diagnostics: diagnostics)
    tree.skippedDefinitions = parser.skippedDefinitions
    return tree
  }
}

/// The signal that a statement failed to parse, thrown after its error has been reported.
struct ParseAbort: Error {}

/// An expression with the depth of its tree, a leaf counting as 1.
struct ParsedExpression {
  var expression: Expression
  var depth: Int
}

/// The recursive-descent parser's state over one file's tokens.
struct SyntaxParser {
  let source: SourceFile
  let limits: ParserLimits
  var tokens: [Token]
  var deferredErrors: [Int: Diagnostic]
  var index = 0
  /// The number of brackets open in the current statement.
  var bracketDepth = 0
  /// The depth of recursion through `parseFactor`, which bounds the parser's stack.
  var recursionDepth = 0
  /// The largest `recursionDepth` that input within both depth limits can reach: one level
  /// per open bracket and per `**`, plus the statement's own expression.
  let maxRecursionDepth: Int
  /// The end offset of the last token consumed.
  var lastEnd = 0
  /// The indentation of the line on which the current statement starts.
  var statementIndent = 0
  var statements: [Statement] = []
  var diagnostics: [Diagnostic] = []
  /// Names that skipped `def` and `class` statements define.
  var skippedDefinitions: Set<String> = []

  init(source: SourceFile, lexed: LexedSource, limits: ParserLimits) {
    self.source = source
    self.limits = limits
    // Saturating, so that limits near Int.max cannot trap.
    let (sum, overflow) = limits.maxExpressionDepth.addingReportingOverflow(
      limits.maxNestingDepth)
    self.maxRecursionDepth = overflow || sum == Int.max ? Int.max : sum + 1
    self.tokens = lexed.tokens
    self.deferredErrors = lexed.deferredErrors
  }

  // MARK: Tokens

  var current: Token { tokens[index] }

  /// Moves past the current token, and inside brackets past the line endings after it.
  mutating func advance() {
    lastEnd = current.range.end
    if current.kind != .endOfFile {
      index += 1
    }
    skipNewlinesInsideBrackets()
  }

  mutating func skipNewlinesInsideBrackets() {
    while bracketDepth > 0, tokens[index].kind == .newline {
      index += 1
    }
  }

  /// Consumes the current token if it is the symbol `symbol`.
  mutating func consume(_ symbol: String) -> Bool {
    guard current.isSymbol(symbol) else { return false }
    advance()
    return true
  }

  /// Returns the text of `range`, shortened to `limit` characters for a message.
  func excerpt(_ range: SourceRange, limit: Int = 40) -> String {
    let text = source.text(in: range)
    return text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
  }

  /// Returns the line on which `offset` lies.
  func line(of offset: Int) -> Int {
    source.location(of: offset).line
  }

  // MARK: Errors

  /// Records an error and returns the signal that abandons the statement.
  mutating func fail(
    _ code: DiagnosticCode, _ message: String, at range: SourceRange, notes: [Note] = [],
    fixIts: [FixIt] = []
  ) -> ParseAbort {
    diagnostics.append(
      Diagnostic(code: code, message: message, range: range, notes: notes, fixIts: fixIts))
    return ParseAbort()
  }

  /// Reports that the current token is not what `expected` describes, explaining it instead
  /// when the token is invalid or belongs to a Python form outside the language.
  mutating func unexpected(expected: String) -> ParseAbort {
    let token = current
    switch token.kind {
    case .invalid:
      if let error = deferredErrors.removeValue(forKey: index) {
        diagnostics.append(error)
      }
      return ParseAbort()
    case .name where unsupportedExpressionKeywords.contains(token.text):
      return fail(
        .syntaxUnsupportedExpression, "'\(token.text)' is not part of the model language",
        at: token.range)
    case .symbol where unsupportedOperators.contains(token.text):
      return fail(
        .syntaxUnsupportedExpression,
        "operator '\(token.text)' is not part of the model language", at: token.range)
    case .symbol where token.text == "{":
      return fail(
        .syntaxUnsupportedExpression, "dict and set displays are not part of the model language",
        at: token.range)
    case .symbol where token.isClosingBracket && bracketDepth == 0:
      return fail(.syntaxUnmatchedBracket, "unmatched '\(token.text)'", at: token.range)
    default:
      return fail(
        .syntaxUnexpectedToken, "expected \(expected), found \(describe(token))",
        at: token.range)
    }
  }

  /// Describes a token for a message: `'x'`, `a string`, `end of line`.
  func describe(_ token: Token) -> String {
    switch token.kind {
    case .newline: "end of line"
    case .endOfFile: "end of file"
    case .string: "a string"
    default: "'\(excerpt(token.range, limit: 20))'"
    }
  }
}
