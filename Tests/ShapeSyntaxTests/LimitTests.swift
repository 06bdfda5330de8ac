import ShapeDiagnostics
import ShapeSource
import ShapeSyntax
import Testing

/// Returns `x = ` and `core` wrapped in `count` copies of `open` and `close`, then `y = 1`.
private func nested(_ count: Int, open: String, core: String, close: String) -> String {
  "x = " + String(repeating: open, count: count) + core + String(repeating: close, count: count)
    + "\ny = 1\n"
}

/// Returns the codes of the tree's diagnostics.
private func codes(_ tree: SyntaxTree) -> [DiagnosticCode] {
  tree.diagnostics.map(\.code)
}

@Suite struct LimitTests {
  @Test func nestingAtLimitParses() {
    let tree = parse(nested(100, open: "(", core: "1", close: ")"))
    #expect(tree.diagnostics.isEmpty)
    #expect(renderStatements(tree) == ["(= x 1)", "(= y 1)"])
  }

  @Test func nestingPastLimitIsOneError() throws {
    let tree = parse(nested(101, open: "(", core: "1", close: ")"))
    #expect(codes(tree) == [.syntaxNestingTooDeep])
    let diagnostic = try #require(tree.diagnostics.first)
    // The 101st parenthesis is the one past the limit.
    #expect(diagnostic.range == SourceRange(start: 104, end: 105))
    #expect(diagnostic.message
      == "brackets are nested more than 100 levels deep; split the expression into several "
      + "statements")
    #expect(renderStatements(tree) == ["(= x <invalid>)", "(= y 1)"])
  }

  @Test func tenThousandParenthesesGiveOneError() {
    let tree = parse(nested(10_000, open: "(", core: "1", close: ")"))
    #expect(codes(tree) == [.syntaxNestingTooDeep])
    #expect(renderStatements(tree) == ["(= x <invalid>)", "(= y 1)"])
  }

  @Test func unclosedListsGiveOneError() {
    let tree = parse("x = " + String(repeating: "[", count: 100_000) + "\ny = 1\n")
    #expect(codes(tree) == [.syntaxNestingTooDeep])
  }

  @Test func mixedBracketsCountTogether() {
    let atLimit = parse(nested(50, open: "f([", core: "1", close: "])"))
    #expect(atLimit.diagnostics.isEmpty)
    let pastLimit = parse(nested(50, open: "f([", core: "(1)", close: "])"))
    #expect(codes(pastLimit) == [.syntaxNestingTooDeep])
  }

  @Test func customNestingLimit() {
    let limits = ParserLimits(maxNestingDepth: 3)
    #expect(parse("x = ((([1])))\n", limits: limits).diagnostics.count == 1)
    #expect(parse("x = (([1]))\n", limits: limits).diagnostics.isEmpty)
  }

  @Test(arguments: [
    ("1", " + 1"),
    ("a", ".b"),
    ("f", "()"),
    ("t", "[0]"),
    ("a", " * a"),
  ])
  func chainAtDepthLimitParses(head: String, link: String) {
    // A leaf has depth 1 and every link adds one level, so 199 links reach depth 200.
    let tree = parse("x = " + head + String(repeating: link, count: 199) + "\n")
    #expect(tree.diagnostics.isEmpty)
  }

  @Test(arguments: [
    ("1", " + 1"),
    ("a", ".b"),
    ("f", "()"),
    ("t", "[0]"),
    ("a", " * a"),
  ])
  func chainPastDepthLimitIsTooComplex(head: String, link: String) {
    let tree = parse("x = " + head + String(repeating: link, count: 200) + "\ny = 1\n")
    #expect(codes(tree) == [.syntaxExpressionTooComplex])
    #expect(tree.diagnostics.first?.message
      == "expression is nested more than 200 levels deep; split it into several statements")
    #expect(renderStatements(tree) == ["(= x <invalid>)", "(= y 1)"])
  }

  @Test func unaryChainAtAndPastLimit() {
    #expect(parse("x = " + String(repeating: "-", count: 199) + "a\n").diagnostics.isEmpty)
    let tree = parse("x = " + String(repeating: "-", count: 200) + "a\n")
    #expect(codes(tree) == [.syntaxExpressionTooComplex])
  }

  @Test func powerChainAtAndPastLimit() {
    #expect(parse("x = a" + String(repeating: "**a", count: 199) + "\n").diagnostics.isEmpty)
    let tree = parse("x = a" + String(repeating: "**a", count: 200) + "\n")
    #expect(codes(tree) == [.syntaxExpressionTooComplex])
  }

  @Test(arguments: [" + 1", ".b", "()", "**a", "[0]"])
  func hundredThousandLinkChainIsOneError(link: String) {
    let tree = parse("x = a" + String(repeating: link, count: 100_000) + "\ny = 1\n")
    #expect(codes(tree) == [.syntaxExpressionTooComplex])
    #expect(renderStatements(tree) == ["(= x <invalid>)", "(= y 1)"])
  }

  @Test func hundredThousandUnaryOperatorsIsOneError() {
    let tree = parse("x = " + String(repeating: "-", count: 100_000) + "a\ny = 1\n")
    #expect(codes(tree) == [.syntaxExpressionTooComplex])
    #expect(renderStatements(tree) == ["(= x <invalid>)", "(= y 1)"])
  }

  @Test func nestedCallsCountTowardDepth() {
    // Each 'f(' adds a call node and a bracket: 99 calls stay within both limits.
    let tree = parse(nested(99, open: "-f(", core: "1", close: ")"))
    #expect(tree.diagnostics.isEmpty)
    let limits = ParserLimits(maxExpressionDepth: 50)
    let deep = parse(nested(30, open: "-f(", core: "1", close: ")"), limits: limits)
    #expect(codes(deep) == [.syntaxExpressionTooComplex])
  }

  @Test func sourceSizeAtAndPastLimit() {
    let limits = ParserLimits(maxSourceBytes: 6)
    let atLimit = parse("x = 1\n", limits: limits)
    #expect(atLimit.diagnostics.isEmpty)
    #expect(atLimit.statements.count == 1)
    let pastLimit = parse("x = 12\n", limits: limits)
    #expect(renderDiagnostics(pastLimit) == [
      "syntax.file-too-large@1:1 file is 7 bytes; the maximum is 6 bytes"
    ])
    #expect(pastLimit.statements.isEmpty)
    #expect(pastLimit.comments.isEmpty)
  }

  @Test func standardLimits() {
    #expect(ParserLimits.standard.maxSourceBytes == 8 << 20)
    #expect(ParserLimits.standard.maxNestingDepth == 100)
    #expect(ParserLimits.standard.maxExpressionDepth == 200)
  }

  @Test func largeIntegerTextIsKeptForTheChecker() throws {
    let digits = String(repeating: "9", count: 400)
    let tree = parse("x = \(digits)\n")
    #expect(tree.diagnostics.isEmpty)
    #expect(renderStatements(tree) == ["(= x \(digits))"])
  }
}

@Suite struct ExtremeLimitTests {
  @Test func maximalLimitsDoNotOverflow() {
    let limits = ParserLimits(
      maxSourceBytes: .max, maxNestingDepth: .max, maxExpressionDepth: .max)
    let tree = parse("x = -(a ** -b)[0]\n", limits: limits)
    #expect(tree.diagnostics.isEmpty)
  }

  @Test func zeroAndNegativeLimitsRejectEverything() {
    let zero = ParserLimits(maxSourceBytes: 100, maxNestingDepth: 0, maxExpressionDepth: 0)
    #expect(parse("x = 1\n", limits: zero).diagnostics.map(\.code) == [
      .syntaxExpressionTooComplex
    ])
    #expect(parse("(\n", limits: zero).diagnostics.map(\.code) == [.syntaxNestingTooDeep])
    let negative = ParserLimits(maxSourceBytes: -1, maxNestingDepth: -1, maxExpressionDepth: -1)
    #expect(parse("", limits: negative).diagnostics.map(\.code) == [.syntaxFileTooLarge])
  }
}
