import ShapeDiagnostics
import ShapeSource
import Testing

private let sampleCode = DiagnosticCode("test.sample", .error, summary: "A sample problem.")

@Suite struct DiagnosticRendererTests {
  @Test func rendersHeaderSnippetAndCaret() {
    let source = SourceFile(path: "m.nn", text: "x = 1\nlinear = nn.Linear(20, 1)\n")
    let diagnostic = Diagnostic(
      code: sampleCode, message: "bad 'in_features'", range: SourceRange(start: 25, end: 27),
      fixIts: [FixIt(message: "change it to 30", edits: [TextEdit(range: .at(25), replacement: "30")])])
    let text = DiagnosticRenderer().render(diagnostic, in: source)
    #expect(
      text == """
        m.nn:2:20: error: bad 'in_features' [test.sample]
        2 | linear = nn.Linear(20, 1)
          |                    ^~
          fix-it: change it to 30

        """)
  }

  @Test func caretIgnoresMultibytePrefix() {
    let source = SourceFile(path: "m.nn", text: "é = ab")
    let diagnostic = Diagnostic(code: sampleCode, message: "m", range: SourceRange(start: 5, end: 7))
    let text = DiagnosticRenderer().render(diagnostic, in: source)
    // Byte column 6, but the caret sits under the fifth character.
    #expect(text.contains("m.nn:1:6: error"))
    #expect(text.contains("  |     ^~\n"))
  }

  @Test func notesWithoutRangeAreOneLine() {
    let source = SourceFile(path: "m.nn", text: "x")
    let diagnostic = Diagnostic(
      code: sampleCode, message: "m", range: SourceRange(start: 0, end: 1),
      notes: [Note(message: "see the docs")])
    #expect(DiagnosticRenderer().render(diagnostic, in: source).hasSuffix("note: see the docs\n"))
  }

  @Test func controlCharactersInSnippetAreReplaced() {
    let source = SourceFile(path: "m.nn", text: "a\u{1B}[31m")
    let diagnostic = Diagnostic(code: sampleCode, message: "m", range: SourceRange(start: 0, end: 1))
    #expect(!DiagnosticRenderer().render(diagnostic, in: source).contains("\u{1B}"))
  }

  @Test(arguments: [
    (true, [String: String](), true),
    (false, [:], false),
    (true, ["NO_COLOR": "1"], false),
    (true, ["NO_COLOR": ""], true),
    (true, ["TERM": "dumb"], false),
  ])
  func automaticColorFollowsConventions(isTerminal: Bool, environment: [String: String], expected: Bool) {
    #expect(TextStyle.automatic(isTerminal: isTerminal, environment: environment).usesColor == expected)
  }
}
