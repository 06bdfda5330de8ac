import Foundation
import Testing

/// Every command in the documents' console blocks runs through the built binary and prints
/// what the document shows.
@Suite struct DocumentationTests {
  static let documents = ["docs/tutorial.md", "docs/explain.md", "docs/fix.md"]

  @Test(arguments: documents)
  func documentHasCommands(_ document: String) {
    #expect(ConsoleTranscript.commands(inDocument: document).count >= 1)
  }

  @Test(arguments: documents)
  func documentOutputIsReal(_ document: String) throws {
    let executable = try #require(
      ConsoleTranscript.executable(), "the shapecheck binary was not built")
    let workspace = try ConsoleTranscript.workspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    // The commands of one document run in order in one folder, because later ones use files
    // that earlier ones create.
    for command in ConsoleTranscript.commands(inDocument: document) {
      let output = try ConsoleTranscript.run(command, in: workspace, executable: executable)
      #expect(
        output == command.expectedOutput,
        "\(document):\(command.testDescription) prints:\n\(output)")
    }
  }

  @Test func tutorialModelIsTheFixture() throws {
    let root = ConsoleTranscript.repositoryRoot
    let text = try String(
      contentsOf: root.appendingPathComponent("docs/tutorial.md"), encoding: .utf8)
    let fixture = try String(
      contentsOf: root.appendingPathComponent("fixtures/simple_net.nn"), encoding: .utf8)
    let start = try #require(text.range(of: "```python\n"))
    let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
    #expect(String(text[start.upperBound..<end.lowerBound]) == fixture)
  }

  @Test func transcriptParserSplitsCommands() {
    let markdown = "text\n```console\n$ shapecheck a b\none\n\n$ cp x y\n```\n$ not a command\n"
    let commands = ConsoleTranscript.commands(inMarkdown: markdown)
    #expect(commands.map(\.arguments) == [["shapecheck", "a", "b"], ["cp", "x", "y"]])
    #expect(commands.map(\.expectedOutput) == ["one\n\n", ""])
    #expect(commands.map(\.line) == [3, 6])
  }
}
