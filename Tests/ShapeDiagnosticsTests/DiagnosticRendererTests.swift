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

  @Test func longLineIsCutAroundCaret() {
    let source = SourceFile(path: "m.nn", text: String(repeating: "a", count: 2_000) + "\n")
    let diagnostic = Diagnostic(code: sampleCode, message: "m", range: SourceRange(start: 1_000, end: 1_001))
    let lines = DiagnosticRenderer().render(diagnostic, in: source).split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[1] == "1 | …" + String(repeating: "a", count: 120) + "…")
    #expect(lines[2] == "  | " + String(repeating: " ", count: 31) + "^")
  }

  @Test func longMultibyteLineKeepsCaretUnderCharacter() {
    // 1,000 two-byte characters, then the target 'x' at character column 1,001.
    let source = SourceFile(path: "m.nn", text: String(repeating: "é", count: 1_000) + "x = 1\n")
    let diagnostic = Diagnostic(code: sampleCode, message: "m", range: SourceRange(start: 2_000, end: 2_001))
    let lines = DiagnosticRenderer().render(diagnostic, in: source).split(separator: "\n")
    #expect(lines[0] == "m.nn:1:2001: error: m [test.sample]")
    let shown = Array(lines[1].dropFirst("1 | ".count))
    let caret = lines[2].dropFirst("  | ".count).count - 1
    #expect(shown[caret] == "x")
  }

  /// Each snippet decodes only the bytes near its caret, so many diagnostics on one long line
  /// render in time linear in their number. Decoding the whole line for each one takes
  /// minutes here, far past the generous bound.
  @Test func manyDiagnosticsOnLongLineRenderQuickly() {
    let text = Array(repeating: "a = $", count: 10_000).joined(separator: "; ")
    let source = SourceFile(path: "m.nn", text: text)
    let diagnostics = (0..<10_000).map { index in
      Diagnostic(code: sampleCode, message: "m", range: SourceRange(start: index * 7 + 4, end: index * 7 + 5))
    }
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      _ = DiagnosticRenderer().render(diagnostics, in: source)
    }
    #expect(elapsed < .seconds(30))
  }

  @Test func controlCharactersInMessageAndPathAreReplaced() {
    let source = SourceFile(path: "m\n.nn", text: "x = 1\n")
    let diagnostic = Diagnostic(
      code: sampleCode, message: "is '\u{1B}[31mred\nfake: error'", range: SourceRange(start: 4, end: 5),
      notes: [Note(message: "note \u{7}")],
      fixIts: [FixIt(message: "fix \r", edits: [TextEdit(range: .at(4), replacement: "2")])])
    let text = DiagnosticRenderer().render(diagnostic, in: source)
    #expect(!text.contains("\u{1B}"))
    #expect(!text.contains("\u{7}"))
    #expect(!text.contains("\r"))
    #expect(text.hasPrefix("m\u{FFFD}.nn:1:5: error: is '\u{FFFD}[31mred\u{FFFD}fake: error' [test.sample]\n"))
    #expect(text.split(separator: "\n").count == 5)
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
