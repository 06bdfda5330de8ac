import ShapeCheckKit
import ShapeDiagnostics
import ShapeSource
import Testing

/// `# shapecheck: ignore[code]` comments remove diagnostics and report their own misuse.
@Suite struct SuppressionTests {
  static func codes(_ text: String) -> [String] {
    ModelCheck.analyze(SourceFile(path: "m.nn", text: text)).diagnostics.map(\.code.id)
  }

  @Test func usedSuppressionRemovesDiagnostic() {
    let text = Models.mismatch.replacingOccurrences(
      of: "nn.Linear(20, 30)",
      with: "nn.Linear(20, 30)  # shapecheck: ignore[shape.feature-mismatch]")
    #expect(Self.codes(Models.mismatch) == ["shape.feature-mismatch"])
    #expect(Self.codes(text) == [])
  }

  @Test func suppressionListsSeveralCodes() {
    let text = "a = b + c  # shapecheck: ignore[name.undefined]\n"
    #expect(Self.codes("a = b + c\n") == ["name.undefined", "name.undefined"])
    #expect(Self.codes(text) == [])
    let line = "x: Tensor[784, 3]\ny = x.shape[5] + q"
    #expect(Self.codes(line + "\n") == ["value.index-out-of-range", "name.undefined"])
    let two = line + "  # shapecheck: ignore[name.undefined, value.index-out-of-range]\n"
    #expect(Self.codes(two) == [])
  }

  @Test func suppressionOnOtherLineIsUnused() {
    let text = "# shapecheck: ignore[shape.feature-mismatch]\n" + Models.mismatch
    #expect(Self.codes(text) == ["suppression.unused", "shape.feature-mismatch"])
  }

  @Test func suppressionOfOtherCodeIsUnused() {
    let text = Models.mismatch.replacingOccurrences(
      of: "nn.Linear(20, 30)", with: "nn.Linear(20, 30)  # shapecheck: ignore[name.undefined]")
    #expect(Self.codes(text) == ["shape.feature-mismatch", "suppression.unused"])
  }

  @Test func unknownCodeIsWarning() {
    let analysis = ModelCheck.analyze(
      SourceFile(path: "m.nn", text: "x = nn.ReLU()  # shapecheck: ignore[no.such-code]\n"))
    #expect(analysis.diagnostics.map(\.code.id) == ["suppression.unknown-code"])
    #expect(analysis.diagnostics.first?.severity == .warning)
    #expect(analysis.diagnostics.first?.message.contains("'no.such-code'") == true)
  }

  @Test(arguments: [
    "x = nn.ReLU()  # shapecheck: ignore", "x = nn.ReLU()  # shapecheck: ignore[]",
    "x = nn.ReLU()  # shapecheck: ignore[a,,b]",
    "x = nn.ReLU()  # shapecheck: skip[name.undefined]", "x = nn.ReLU()  # shapecheck: ignore[name.undefined",
  ])
  func malformedSuppressionIsWarning(_ line: String) {
    #expect(Self.codes(line + "\n") == ["suppression.invalid"])
  }

  @Test func otherCommentsAreIgnored() {
    #expect(Self.codes("x = nn.ReLU()  # ignore[name.undefined] shapecheck: later\n") == [])
  }

  @Test func reasonAfterBracketIsAllowed() {
    let text = "a = b  # shapecheck: ignore[name.undefined] defined at run time\n"
    #expect(Self.codes(text) == [])
  }

  @Test func unusedWarningPointsAtComment() throws {
    let text = "x = nn.ReLU()  # shapecheck: ignore[name.undefined]\n"
    let diagnostic = try #require(
      ModelCheck.analyze(SourceFile(path: "m.nn", text: text)).diagnostics.first)
    #expect(diagnostic.code == .suppressionUnused)
    #expect(diagnostic.range.start == 15)
  }
}
