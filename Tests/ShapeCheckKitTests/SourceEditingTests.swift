import ShapeCheckKit
import ShapeDiagnostics
import ShapeSource
import Testing

/// Text edits and unified diffs on byte buffers.
@Suite struct SourceEditingTests {
  static func edit(_ start: Int, _ end: Int, _ text: String) -> TextEdit {
    TextEdit(range: SourceRange(start: start, end: end), replacement: text)
  }

  @Test func editsApplyInAnyOrder() {
    let bytes = Array("abcdef".utf8)
    let result = SourceEditor.apply([Self.edit(4, 5, "E"), Self.edit(0, 1, "AA")], to: bytes)
    #expect(result == Array("AAbcdEf".utf8))
  }

  @Test func overlappingEditsAreRejected() {
    let bytes = Array("abcdef".utf8)
    #expect(SourceEditor.apply([Self.edit(1, 3, "x"), Self.edit(2, 4, "y")], to: bytes) == nil)
    #expect(SourceEditor.apply([Self.edit(2, 2, "x"), Self.edit(2, 2, "y")], to: bytes) == nil)
    #expect(SourceEditor.overlap(Self.edit(1, 3, "x"), Self.edit(2, 4, "y")))
    #expect(!SourceEditor.overlap(Self.edit(1, 2, "x"), Self.edit(2, 4, "y")))
  }

  @Test func editPastEndIsRejected() {
    #expect(SourceEditor.apply([Self.edit(2, 9, "x")], to: Array("abc".utf8)) == nil)
  }

  @Test func diffOfEqualBytesIsEmpty() {
    #expect(UnifiedDiff.render(old: Array("a\n".utf8), new: Array("a\n".utf8), path: "f") == "")
  }

  @Test func distantChangesMakeTwoHunks() {
    let old = (1...20).map { "line \($0)\n" }.joined()
    let new = old.replacingOccurrences(of: "line 2\n", with: "line two\n")
      .replacingOccurrences(of: "line 18\n", with: "line eighteen\n")
    let diff = UnifiedDiff.render(old: Array(old.utf8), new: Array(new.utf8), path: "f.nn")
    let headers = diff.split(separator: "\n").filter { $0.hasPrefix("@@") }
    #expect(headers == ["@@ -1,5 +1,5 @@", "@@ -15,6 +15,6 @@"])
  }

  @Test func missingFinalNewlineIsMarked() {
    let diff = UnifiedDiff.render(old: Array("a\nb".utf8), new: Array("a\nc".utf8), path: "f")
    #expect(
      diff
        == "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n"
        + "-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"
    )
  }

  @Test func addedLineChangesCounts() {
    let diff = UnifiedDiff.render(
      old: Array("a\nb\n".utf8), new: Array("a\nx\nb\n".utf8), path: "f")
    #expect(diff == "--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n a\n+x\n b\n")
  }
}
