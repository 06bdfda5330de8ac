import ShapeSource
import Testing

@Suite struct SourceFileTests {
  @Test func locationOfOffsetsOnSeveralLines() {
    let file = SourceFile(path: "a.nn", text: "ab\ncd\r\nef")
    #expect(file.location(of: 0) == SourceLocation(offset: 0, line: 1, column: 1))
    #expect(file.location(of: 3) == SourceLocation(offset: 3, line: 2, column: 1))
    #expect(file.location(of: 8) == SourceLocation(offset: 8, line: 3, column: 2))
  }

  @Test func lineTextDropsCarriageReturn() {
    let file = SourceFile(path: "a.nn", text: "ab\ncd\r\nef")
    #expect(file.lineText(2) == "cd")
    #expect(file.lineText(3) == "ef")
    #expect(file.lineText(9).isEmpty)
  }

  @Test func loneCarriageReturnEndsLine() {
    let file = SourceFile(path: "a.nn", text: "ab\rcd\r\ref\r\n\rgh")
    #expect(file.location(of: 3) == SourceLocation(offset: 3, line: 2, column: 1))
    #expect(file.location(of: 7) == SourceLocation(offset: 7, line: 4, column: 1))
    #expect(file.location(of: 12) == SourceLocation(offset: 12, line: 6, column: 1))
    #expect(file.lineText(1) == "ab")
    #expect(file.lineText(2) == "cd")
    #expect(file.lineText(3).isEmpty)
    #expect(file.lineText(4) == "ef")
    #expect(file.lineText(5).isEmpty)
    #expect(file.lineText(6) == "gh")
  }

  @Test func characterColumnCountsMultibyteAsOne() {
    let file = SourceFile(path: "a.nn", text: "é = x")
    // "é" is two bytes, so byte column 4 ('=') is character column 3.
    #expect(file.characterColumn(line: 1, byteColumn: 4) == 3)
  }

  @Test func characterColumnAcrossCheckpoints() {
    // Line 2 starts at byte 3, off any 64-byte boundary, and its 'é's cross several of them.
    let text = "ab\n" + String(repeating: "é", count: 100) + "x" + String(repeating: "ü", count: 30)
    let file = SourceFile(path: "a.nn", text: text)
    #expect(file.characterColumn(line: 2, byteColumn: 201) == 101)
    #expect(file.characterColumn(line: 2, byteColumn: 202) == 102)
    #expect(file.characterColumn(line: 2, byteColumn: 262) == 132)
    #expect(file.characterColumn(line: 2, byteColumn: 9_999) == 132)
    #expect(file.characterColumn(line: 1, byteColumn: 3) == 3)
  }

  @Test func characterColumnAtEndOfExactMultiple() {
    let file = SourceFile(path: "a.nn", text: String(repeating: "é", count: 64))
    #expect(file.characterColumn(line: 1, byteColumn: 129) == 65)
  }

  @Test func offsetsPastEndAreClamped() {
    let file = SourceFile(path: "a.nn", text: "ab")
    #expect(file.location(of: 99).offset == 2)
    #expect(file.location(of: -5).offset == 0)
  }
}
