import Foundation
import ShapeSource
import ShapeSyntax
import Testing

@Suite struct FixtureTests {
  /// Reads a file of the repository's `fixtures` folder, located from this test file's path.
  static func fixture(_ name: String) throws -> SourceFile {
    let root = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let url = root.appendingPathComponent("fixtures").appendingPathComponent(name)
    let data = try Data(contentsOf: url)
    return SourceFile(path: name, bytes: Array(data))
  }

  @Test func simpleNetParsesWithoutDiagnostics() throws {
    let tree = Parser.parse(try Self.fixture("simple_net.nn"))
    #expect(tree.diagnostics.isEmpty)
    #expect(!tree.hasErrors)
  }

  @Test func simpleNetStatementKinds() throws {
    let tree = Parser.parse(try Self.fixture("simple_net.nn"))
    #expect(renderStatements(tree) == [
      "import",
      "import",
      "(: example_3_flat (sub Tensor 784))",
      "(= linear_1 (call (. nn Linear) in_features=784 out_features=30 bias=True))",
      "(= relu_layer (call (. nn ReLU)))",
      "(= linear_2 (call (. nn Linear) in_features=30 out_features=1 bias=True))",
      "(= simple_net (call (. nn Sequential) linear_1 relu_layer linear_2))",
      "(= act1 (call linear_1 example_3_flat))",
      "(= act2 (call relu_layer act1))",
      "(= act3 (call linear_2 act2))",
      "(assert (== (. act1 shape) [(. linear_1 out_features)]))",
      "(assert (== (. act3 shape) (. (call simple_net example_3_flat) shape)))",
    ])
  }

  @Test func simpleNetComments() throws {
    let tree = Parser.parse(try Self.fixture("simple_net.nn"))
    #expect(tree.comments.map(\.text) == [
      " Define the layers. This is where you try changing constants.",
      " Then we put them together in sequence.",
    ])
    for comment in tree.comments {
      #expect(text(tree, comment.range) == "#" + comment.text)
    }
  }

  @Test func simpleNetArgumentValueRanges() throws {
    let tree = Parser.parse(try Self.fixture("simple_net.nn"))
    let statement = try #require(tree.statements.dropFirst(3).first)
    guard case .assignment(_, let value) = statement.kind,
      case .call(_, let arguments) = value.kind
    else {
      Issue.record("expected an assignment of a call, got \(render(statement))")
      return
    }
    #expect(arguments.map { text(tree, $0.value.range) } == ["784", "30", "True"])
    #expect(arguments.map { text(tree, $0.range) } == [
      "in_features=784", "out_features=30", "bias=True",
    ])
    #expect(text(tree, value.range) == "nn.Linear(in_features=784, out_features=30, bias=True)")
    #expect(text(tree, statement.range)
      == "linear_1 = nn.Linear(in_features=784, out_features=30, bias=True)")
  }

  @Test func multilineCallRangeEndsAtParenthesis() throws {
    let tree = Parser.parse(try Self.fixture("simple_net.nn"))
    let statement = try #require(tree.statements.dropFirst(6).first)
    #expect(text(tree, statement.range).hasPrefix("simple_net = nn.Sequential(\n"))
    #expect(text(tree, statement.range).hasSuffix("linear_2\n)"))
  }
}
