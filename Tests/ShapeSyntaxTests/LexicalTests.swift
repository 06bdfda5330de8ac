import ShapeDiagnostics
import ShapeSource
import ShapeSyntax
import Testing

@Suite struct LexicalTests {
  @Test func crlfLineEndings() throws {
    let tree = parse("a = 1\r\nb = f(\r\n  2)\r\n# note\r\n")
    #expect(tree.diagnostics.isEmpty)
    #expect(renderStatements(tree) == ["(= a 1)", "(= b (call f 2))"])
    #expect(tree.statements.map { text(tree, $0.range) } == ["a = 1", "b = f(\r\n  2)"])
    #expect(tree.comments.map(\.text) == [" note"])
  }

  @Test func loneCarriageReturnLineEndings() {
    let tree = parse("a = 1\rb = 2  # c\rc = 'x'\r")
    #expect(tree.diagnostics.isEmpty)
    #expect(renderStatements(tree) == ["(= a 1)", "(= b 2)", "(= c \"x\")"])
    #expect(tree.comments.map(\.text) == [" c"])
  }

  @Test func tabsAreWhitespace() {
    let tree = parse("a\t=\t1\t# c\nb = f(\n\t2)\n")
    #expect(tree.diagnostics.isEmpty)
    #expect(renderStatements(tree) == ["(= a 1)", "(= b (call f 2))"])
  }

  @Test func byteOrderMarkIsSkipped() throws {
    let tree = parse(bytes: [0xEF, 0xBB, 0xBF] + Array("x = 1\n".utf8))
    #expect(tree.diagnostics.isEmpty)
    let statement = try #require(tree.statements.first)
    #expect(render(statement) == "(= x 1)")
    #expect(statement.range == SourceRange(start: 3, end: 8))
  }

  @Test func byteOrderMarkElsewhereIsInvalid() {
    let tree = parse("x = 1 \u{FEFF}\n")
    #expect(renderDiagnostics(tree) == [
      "syntax.invalid-character@1:7 invalid character '\u{FEFF}' (U+FEFF)"
    ])
  }

  @Test func nulAfterSymbolIsInvalid() {
    for source in ["x = f(1)\u{0}\n", "x = (\u{0}1)\n", "x = 2 **\u{0} 3\n"] {
      let tree = parse(source)
      #expect(tree.diagnostics.map(\.code) == [.syntaxInvalidCharacter], "\(source.debugDescription)")
      #expect(tree.diagnostics.first?.message == "invalid character (U+0000)")
    }
  }

  @Test func emptyAndWhitespaceOnlyFiles() {
    for source in ["", "\n", "   ", "\r\n\r\n", "# only\n", "\t\n  \n"] {
      let tree = parse(source)
      #expect(tree.statements.isEmpty, "\(source.debugDescription)")
      #expect(tree.diagnostics.isEmpty, "\(source.debugDescription)")
    }
  }

  @Test func fileWithoutFinalNewline() {
    let tree = parse("a = 1\nb = 2")
    #expect(tree.diagnostics.isEmpty)
    #expect(renderStatements(tree) == ["(= a 1)", "(= b 2)"])
  }

  @Test func invalidUTF8ReportedOnceAtFirstByte() throws {
    var bytes = Array("a = 1\nb = ".utf8)
    bytes += [0xFF]
    bytes += Array(" + 1\nc = 'x".utf8) + [0xC3] + Array("'\nd = 4 # \u{E9}".utf8) + [0x80]
    let tree = parse(bytes: bytes)
    #expect(renderDiagnostics(tree) == [
      "syntax.invalid-encoding@2:5 invalid UTF-8 byte 0xFF; save the file as UTF-8"
    ])
    let diagnostic = try #require(tree.diagnostics.first)
    #expect(diagnostic.range == SourceRange(start: 10, end: 11))
    #expect(renderStatements(tree) == [
      "(= a 1)", "(= b <invalid>)", "(= c \"x\u{FFFD}\")", "(= d 4)",
    ])
  }

  @Test(arguments: [
    [0xC0, 0x80] as [UInt8],  // overlong encoding of NUL
    [0xED, 0xA0, 0x80],  // UTF-16 surrogate
    [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
    [0xE2, 0x82],  // truncated at end of file
    [0x80],  // lone continuation byte
  ])
  func malformedSequencesAreInvalid(sequence: [UInt8]) {
    let tree = parse(bytes: Array("x = ".utf8) + sequence)
    #expect(tree.diagnostics.map(\.code) == [.syntaxInvalidEncoding])
    #expect(tree.diagnostics.first?.range.start == 4)
  }

  @Test func multibyteCharactersKeepByteOffsets() throws {
    let source = "s = 'héllo wörld'  # ünïcode\nλ = f(größe=s)\n"
    let tree = parse(source)
    #expect(tree.diagnostics.isEmpty)
    let second = try #require(tree.statements.last)
    guard case .assignment(let target, let value) = second.kind,
      case .call(_, let arguments) = value.kind, let argument = arguments.first
    else {
      Issue.record("expected a call assignment, got \(render(second))")
      return
    }
    // 'é', 'ö', 'ü' and 'ï' take two bytes each, so line 2 starts at byte 33.
    #expect(second.range.start == 33)
    #expect(target.range == SourceRange(start: 33, end: 35))
    #expect(text(tree, argument.range) == "größe=s")
    #expect(argument.label?.range == SourceRange(start: 40, end: 47))
    #expect(text(tree, argument.value.range) == "s")
    #expect(tree.comments.first?.range == SourceRange(start: 21, end: 32))
  }

  @Test func invalidCharacterAfterMultibyteText() throws {
    let tree = parse("x = 'ü' $\n")
    let diagnostic = try #require(tree.diagnostics.first)
    #expect(diagnostic.range == SourceRange(start: 9, end: 10))
    #expect(tree.source.location(of: diagnostic.range.start).column == 10)
  }

  @Test func commentRangesIncludeHash() throws {
    let tree = parse("x = 1 #a comment\r\n#\n")
    #expect(tree.comments.map(\.text) == ["a comment", ""])
    #expect(tree.comments.map { text(tree, $0.range) } == ["#a comment", "#"])
  }

  @Test func hashInsideStringIsNotComment() {
    let tree = parse("x = '# not a comment'  # a comment\n")
    #expect(tree.comments.map(\.text) == [" a comment"])
    #expect(renderStatements(tree) == ["(= x \"# not a comment\")"])
  }
}
