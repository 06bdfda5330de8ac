import ShapeDiagnostics
import ShapeSource
import ShapeSyntax
import Testing

/// One error case: the source, the one expected diagnostic as `code@line:column message`,
/// and the text its range covers.
struct ErrorCase: Sendable, CustomTestStringConvertible {
  var source: String
  var diagnostic: String
  var covered: String

  var testDescription: String { source.debugDescription }
}

@Suite struct DiagnosticTests {
  @Test(arguments: [
    ErrorCase(
      source: "x = 1 2\n",
      diagnostic: "syntax.unexpected-token@1:7 expected end of statement, found '2'",
      covered: "2"),
    ErrorCase(
      source: "x =\n",
      diagnostic: "syntax.unexpected-token@1:4 expected an expression after '=', found end of line",
      covered: "\n"),
    ErrorCase(
      source: "x = def\n",
      diagnostic: "syntax.unexpected-token@1:5 expected an expression after '=', found 'def'",
      covered: "def"),
    ErrorCase(
      source: "x = a.1\n",
      diagnostic: "syntax.unexpected-token@1:6 expected end of statement, found '.1'",
      covered: ".1"),
    ErrorCase(
      source: "x = a.if\n",
      diagnostic: "syntax.unexpected-token@1:7 expected an attribute name after '.', "
        + "found keyword 'if'",
      covered: "if"),
    ErrorCase(
      source: "import\n",
      diagnostic: "syntax.unexpected-token@1:7 expected a module name, found end of line",
      covered: "\n"),
    ErrorCase(
      source: "from a b\n",
      diagnostic: "syntax.unexpected-token@1:8 expected 'import', found 'b'",
      covered: "b"),
    ErrorCase(
      source: "x = t[]\n",
      diagnostic: "syntax.unexpected-token@1:7 expected an index inside '[]'",
      covered: "]"),
    ErrorCase(
      source: "f(a b)\n",
      diagnostic: "syntax.unexpected-token@1:5 expected ',' or ')' after the argument, found 'b'",
      covered: "b"),
    ErrorCase(
      source: "x = a and b\n",
      diagnostic: "syntax.unsupported-expression@1:7 'and' is not part of the model language",
      covered: "and"),
    ErrorCase(
      source: "x = not a\n",
      diagnostic: "syntax.unsupported-expression@1:5 'not' is not part of the model language",
      covered: "not"),
    ErrorCase(
      source: "x = a if b else c\n",
      diagnostic: "syntax.unsupported-expression@1:7 'if' is not part of the model language",
      covered: "if"),
    ErrorCase(
      source: "x = [i for i in y]\n",
      diagnostic: "syntax.unsupported-expression@1:8 'for' is not part of the model language",
      covered: "for"),
    ErrorCase(
      source: "x = a @ b\n",
      diagnostic: "syntax.unsupported-expression@1:7 operator '@' is not part of the "
        + "model language",
      covered: "@"),
    ErrorCase(
      source: "x = ~a\n",
      diagnostic: "syntax.unsupported-expression@1:5 operator '~' is not part of the "
        + "model language",
      covered: "~"),
    ErrorCase(
      source: "x = {1: 2}\n",
      diagnostic: "syntax.unsupported-expression@1:5 dict and set displays are not part of the "
        + "model language",
      covered: "{"),
    ErrorCase(
      source: "x = t[1:2]\n",
      diagnostic: "syntax.unsupported-expression@1:8 slices are not part of the model language",
      covered: ":"),
    ErrorCase(
      source: "x = t[:, 0]\n",
      diagnostic: "syntax.unsupported-expression@1:7 slices are not part of the model language",
      covered: ":"),
    ErrorCase(
      source: "x = [*a]\n",
      diagnostic: "syntax.unsupported-expression@1:6 unpacking with '*' is not part of the "
        + "model language",
      covered: "*"),
    ErrorCase(
      source: "x = 2j\n",
      diagnostic: "syntax.unsupported-expression@1:5 imaginary number literals are not part of "
        + "the model language",
      covered: "2j"),
    ErrorCase(
      source: "a.b = 1\n",
      diagnostic: "syntax.invalid-assignment-target@1:1 only a plain name can be assigned, "
        + "not 'a.b'",
      covered: "a.b"),
    ErrorCase(
      source: "a, b = 1, 2\n",
      diagnostic: "syntax.invalid-assignment-target@1:1 only a plain name can be assigned, "
        + "not 'a, b'",
      covered: "a, b"),
    ErrorCase(
      source: "(a) = 1\n",
      diagnostic: "syntax.invalid-assignment-target@1:1 only a plain name can be assigned, "
        + "not '(a)'",
      covered: "(a)"),
    ErrorCase(
      source: "a[0]: int\n",
      diagnostic: "syntax.invalid-assignment-target@1:1 only a plain name can be declared, "
        + "not 'a[0]'",
      covered: "a[0]"),
    ErrorCase(
      source: "x += 1\n",
      diagnostic: "syntax.invalid-assignment-target@1:3 augmented assignment '+=' is not part "
        + "of the model language; only a plain name can be assigned with '='",
      covered: "+="),
    ErrorCase(
      source: "x = y = 1\n",
      diagnostic: "syntax.invalid-assignment-target@1:7 chained assignment is not part of the "
        + "model language; assign one name per statement",
      covered: "="),
    ErrorCase(
      source: "assert a < b < c\n",
      diagnostic: "syntax.chained-comparison@1:14 chained comparison is not part of the model "
        + "language; compare two values at a time",
      covered: "<"),
    ErrorCase(
      source: "f(a=1, 2)\n",
      diagnostic: "syntax.positional-after-keyword@1:8 positional argument follows keyword "
        + "argument 'a'",
      covered: "2"),
    ErrorCase(
      source: "f(*args)\n",
      diagnostic: "syntax.unsupported-argument@1:3 argument unpacking with '*' is not part of "
        + "the model language",
      covered: "*"),
    ErrorCase(
      source: "f(**kwargs)\n",
      diagnostic: "syntax.unsupported-argument@1:3 argument unpacking with '**' is not part of "
        + "the model language",
      covered: "**"),
    ErrorCase(
      source: "x = 1)\n",
      diagnostic: "syntax.unmatched-bracket@1:6 unmatched ')'",
      covered: ")"),
    ErrorCase(
      source: "]\n",
      diagnostic: "syntax.unmatched-bracket@1:1 unmatched ']'",
      covered: "]"),
    ErrorCase(
      source: "x = 1 $\n",
      diagnostic: "syntax.invalid-character@1:7 invalid character '$' (U+0024)",
      covered: "$"),
    ErrorCase(
      source: "x = a ? b\n",
      diagnostic: "syntax.invalid-character@1:7 invalid character '?' (U+003F)",
      covered: "?"),
    ErrorCase(
      source: "x = 1 ! 2\n",
      diagnostic: "syntax.invalid-character@1:7 invalid character '!' (U+0021)",
      covered: "!"),
    ErrorCase(
      source: "x = 1\u{0}\n",
      diagnostic: "syntax.invalid-character@1:6 invalid character (U+0000)",
      covered: "\u{0}"),
    ErrorCase(
      source: "x = a × b\n",
      diagnostic: "syntax.invalid-character@1:7 invalid character '×' (U+00D7)",
      covered: "×"),
    ErrorCase(
      source: "x = 1 \\ 2\n",
      diagnostic: "syntax.invalid-character@1:7 expected a line break after the line "
        + "continuation character '\\'",
      covered: "\\"),
    ErrorCase(
      source: "x = 'abc\n",
      diagnostic: "syntax.unterminated-string@1:5 unterminated string; add the closing quote "
        + "before the end of the line",
      covered: "'"),
    ErrorCase(
      source: "x = r\"abc\\\"\n",
      diagnostic: "syntax.unterminated-string@1:5 unterminated string; add the closing quote "
        + "before the end of the line",
      covered: "r\""),
    ErrorCase(
      source: "x = 1\ny = '''abc\n\nz = 2\n",
      diagnostic: "syntax.unterminated-string@2:5 unterminated triple-quoted string; add the "
        + "closing quotes before the end of the file",
      covered: "'''"),
    ErrorCase(
      source: "x = f'{a}'\n",
      diagnostic: "syntax.unsupported-string@1:5 f-strings are not part of the model language",
      covered: "f'{a}'"),
    ErrorCase(
      source: "x = Rb'a'\n",
      diagnostic: "syntax.unsupported-string@1:5 bytes literals are not part of the model "
        + "language",
      covered: "Rb'a'"),
    ErrorCase(
      source: "x = t'a'\n",
      diagnostic: "syntax.unsupported-string@1:5 template strings are not part of the model "
        + "language",
      covered: "t'a'"),
    ErrorCase(
      source: "x = 'a\\x4g'\n",
      diagnostic: "syntax.invalid-escape@1:7 truncated '\\x' escape; expected 2 hexadecimal "
        + "digits",
      covered: "\\x4"),
    ErrorCase(
      source: "x = '\\U00110000'\n",
      diagnostic: "syntax.invalid-escape@1:6 escape '\\U00110000' is not a valid Unicode scalar",
      covered: "\\U00110000"),
    ErrorCase(
      source: "x = '\\N{DASH}'\n",
      diagnostic: "syntax.invalid-escape@1:6 named escape '\\N{…}' is not supported; write the "
        + "character or use '\\u'",
      covered: "\\N"),
    ErrorCase(
      source: "x = '\\d'\n",
      diagnostic: "syntax.unknown-escape@1:6 unknown escape sequence '\\d' is kept as written; "
        + "write '\\\\' for a backslash",
      covered: "\\d"),
    ErrorCase(
      source: "x = 012\n",
      diagnostic: "syntax.invalid-number@1:5 leading zeros are not allowed in decimal integer "
        + "'012'; use the prefix '0o' for an octal integer",
      covered: "012"),
    ErrorCase(
      source: "x = 1__0\n",
      diagnostic: "syntax.invalid-number@1:5 invalid number literal '1__0'",
      covered: "1__0"),
    ErrorCase(
      source: "x = 10_\n",
      diagnostic: "syntax.invalid-number@1:5 invalid number literal '10_'",
      covered: "10_"),
    ErrorCase(
      source: "x = 0x\n",
      diagnostic: "syntax.invalid-number@1:5 invalid number literal '0x'",
      covered: "0x"),
    ErrorCase(
      source: "x = 0b102\n",
      diagnostic: "syntax.invalid-number@1:5 invalid number literal '0b102'",
      covered: "0b102"),
    ErrorCase(
      source: "x = 1e\n",
      diagnostic: "syntax.invalid-number@1:5 invalid number literal '1e'",
      covered: "1e"),
    ErrorCase(
      source: "x = 3abc\n",
      diagnostic: "syntax.invalid-number@1:5 invalid number literal '3abc'",
      covered: "3abc"),
    ErrorCase(
      source: "x = 0x8000_0000_0000_0000\n",
      diagnostic: "syntax.integer-too-large@1:5 integer literal '0x8000_0000_0000_0000' is too "
        + "large; the maximum is 9223372036854775807",
      covered: "0x8000_0000_0000_0000"),
  ])
  func errorKind(_ errorCase: ErrorCase) throws {
    let tree = parse(errorCase.source)
    #expect(renderDiagnostics(tree) == [errorCase.diagnostic])
    let diagnostic = try #require(tree.diagnostics.first)
    #expect(text(tree, diagnostic.range) == errorCase.covered)
  }

  @Test func missingClosingParenthesisAtEndOfFile() throws {
    let tree = parse("x = f(a, b")
    #expect(renderDiagnostics(tree) == [
      "syntax.unclosed-bracket@1:11 expected ')' to close '(' at line 1"
    ])
    let diagnostic = try #require(tree.diagnostics.first)
    #expect(diagnostic.range == .at(10))
    let note = Note(message: "'(' opened here", range: SourceRange(start: 5, end: 6))
    #expect(diagnostic.notes == [note])
    #expect(diagnostic.fixIts == [
      FixIt(message: "insert ')'", edits: [TextEdit(range: .at(10), replacement: ")")])
    ])
  }

  @Test func missingClosingBracketBeforeNextStatement() throws {
    let tree = parse("x = [1, 2\n\ny = 3\n")
    #expect(renderDiagnostics(tree) == [
      "syntax.unclosed-bracket@1:10 expected ']' to close '[' at line 1"
    ])
    #expect(renderStatements(tree) == ["(= x <invalid>)", "(= y 3)"])
    let diagnostic = try #require(tree.diagnostics.first)
    #expect(diagnostic.fixIts.first?.edits == [TextEdit(range: .at(9), replacement: "]")])
  }

  @Test func missingCloserInsideOtherBracketsHasNoFixIt() throws {
    let tree = parse("x = f(g(a\ny = 3\n")
    #expect(renderDiagnostics(tree) == [
      "syntax.unclosed-bracket@1:10 expected ')' to close '(' at line 1"
    ])
    let diagnostic = try #require(tree.diagnostics.first)
    #expect(diagnostic.notes.first?.range == SourceRange(start: 7, end: 8))
    #expect(diagnostic.fixIts.isEmpty)
    #expect(renderStatements(tree) == ["(= x <invalid>)", "(= y 3)"])
  }

  @Test func mismatchedClosingBracket() throws {
    let tree = parse("x = f(a,\n  b]\ny = 3\n")
    #expect(renderDiagnostics(tree) == [
      "syntax.unclosed-bracket@2:4 expected ')' to close '(' at line 1, found ']'"
    ])
    let diagnostic = try #require(tree.diagnostics.first)
    let note = Note(message: "'(' opened here", range: SourceRange(start: 5, end: 6))
    #expect(diagnostic.notes == [note])
    #expect(diagnostic.fixIts.isEmpty)
    #expect(renderStatements(tree) == ["(= x <invalid>)", "(= y 3)"])
  }

  @Test func duplicateKeywordNotesFirstUse() throws {
    let tree = parse("f(a=1, b=2, a=3)\n")
    #expect(renderDiagnostics(tree) == [
      "syntax.duplicate-keyword@1:13 keyword argument 'a' is repeated"
    ])
    let diagnostic = try #require(tree.diagnostics.first)
    let note = Note(message: "'a' first given here", range: SourceRange(start: 2, end: 3))
    #expect(diagnostic.notes == [note])
  }

  @Test func oneErrorPerStatementAndRecovery() {
    let tree = parse("x = $ $ $\ny = (1 +) + ]\nz = 3\n")
    #expect(renderDiagnostics(tree) == [
      "syntax.invalid-character@1:5 invalid character '$' (U+0024)",
      "syntax.unexpected-token@2:9 expected an expression after '+', found ')'",
    ])
    #expect(renderStatements(tree) == ["(= x <invalid>)", "(= y <invalid>)", "(= z 3)"])
  }

  @Test func invalidPartsSpanSkippedText() throws {
    let tree = parse("x = 1 + $ + 2  # comment\n")
    let statement = try #require(tree.statements.first)
    #expect(text(tree, statement.range) == "x = 1 + $ + 2")
    guard case .assignment(_, let value) = statement.kind else {
      Issue.record("expected an assignment")
      return
    }
    #expect(value.kind == .invalid)
    #expect(text(tree, value.range) == "1 + $ + 2")
  }

  @Test func everyCodeIsAnErrorOrWarningWithSyntaxPrefix() {
    for code in DiagnosticCode.syntaxCodes {
      #expect(code.id.hasPrefix("syntax."))
      #expect(!code.summary.isEmpty)
    }
    #expect(Set(DiagnosticCode.syntaxCodes.map(\.id)).count == DiagnosticCode.syntaxCodes.count)
    #expect(DiagnosticCode.syntaxUnknownEscape.defaultSeverity == .warning)
  }
}
