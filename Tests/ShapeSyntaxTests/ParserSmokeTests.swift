import ShapeSource
import ShapeSyntax
import Testing

@Suite struct ParserSmokeTests {
  @Test func emptyFileParses() {
    let tree = Parser.parse(SourceFile(path: "a.nn", text: ""))
    #expect(tree.statements.isEmpty)
    #expect(tree.diagnostics.isEmpty)
  }
}
