import ShapeSource
import ShapeSyntax
import Testing

/// Returns the value of the single assignment in `tree`.
private func assignedValue(_ tree: SyntaxTree) throws -> Expression {
  let statement = try #require(tree.statements.first)
  guard case .assignment(_, let value) = statement.kind else {
    Issue.record("expected an assignment, got \(render(statement))")
    return Expression(.invalid, range: .at(0))
  }
  return value
}

@Suite struct RangeTests {
  @Test func binaryAndUnaryRanges() throws {
    let tree = parse("x = -a * (b + c)  # note\n")
    let value = try assignedValue(tree)
    #expect(text(tree, value.range) == "-a * (b + c)")
    guard case .binary(_, let left, let right) = value.kind else {
      Issue.record("expected a product")
      return
    }
    #expect(text(tree, left.range) == "-a")
    #expect(text(tree, right.range) == "(b + c)")
    #expect(text(tree, tree.statements[0].range) == "x = -a * (b + c)")
  }

  @Test func callAttributeAndSubscriptRanges() throws {
    let tree = parse("y = nn.Linear(in_features = 20, out_features=x[0])\n")
    let value = try assignedValue(tree)
    #expect(text(tree, value.range) == "nn.Linear(in_features = 20, out_features=x[0])")
    guard case .call(let callee, let arguments) = value.kind,
      case .attribute(let base, let name) = callee.kind
    else {
      Issue.record("expected a call of an attribute")
      return
    }
    #expect(text(tree, callee.range) == "nn.Linear")
    #expect(text(tree, base.range) == "nn")
    #expect(text(tree, name.range) == "Linear")
    #expect(arguments.map { text(tree, $0.range) } == [
      "in_features = 20", "out_features=x[0]",
    ])
    #expect(arguments.map { text(tree, $0.value.range) } == ["20", "x[0]"])
    #expect(arguments.compactMap { $0.label.map { text(tree, $0.range) } } == [
      "in_features", "out_features",
    ])
  }

  @Test func subscriptTupleSpansElementsOnly() throws {
    let tree = parse("x: Tensor[N, 1, 28, 28]\n")
    let statement = try #require(tree.statements.first)
    guard case .declaration(let name, let annotation, nil) = statement.kind,
      case .subscripted(_, let index) = annotation.kind
    else {
      Issue.record("expected a declaration with a subscript")
      return
    }
    #expect(text(tree, name.range) == "x")
    #expect(text(tree, annotation.range) == "Tensor[N, 1, 28, 28]")
    #expect(text(tree, index.range) == "N, 1, 28, 28")
  }

  @Test func parenthesizedRangesIncludeParentheses() throws {
    let tree = parse("x = ((a)), (b,), [c]\n")
    let value = try assignedValue(tree)
    guard case .tuple(let items) = value.kind else {
      Issue.record("expected a tuple")
      return
    }
    #expect(items.map { text(tree, $0.range) } == ["((a))", "(b,)", "[c]"])
    #expect(text(tree, value.range) == "((a)), (b,), [c]")
  }

  @Test func stringRangeCoversQuotesAndPrefix() throws {
    let tree = parse("x = r'a' \"b\"\n")
    let value = try assignedValue(tree)
    #expect(text(tree, value.range) == "r'a' \"b\"")
  }

  @Test func assertionAndImportRanges() {
    let tree = parse("import torch  # c\nassert a == b, 'm'  \n")
    #expect(tree.statements.map { text(tree, $0.range) } == [
      "import torch", "assert a == b, 'm'",
    ])
  }

  @Test func statementsSeparatedBySemicolon() {
    let tree = parse("a = 1 ;b = 2\n")
    #expect(tree.statements.map { text(tree, $0.range) } == ["a = 1", "b = 2"])
  }
}

@Suite struct InvalidRangeTests {
  @Test func missingValueIsEmptyRangeAfterEquals() throws {
    let tree = parse("x =   \ny = 2\n")
    let statement = try #require(tree.statements.first)
    guard case .assignment(_, let value) = statement.kind else {
      Issue.record("expected an assignment")
      return
    }
    #expect(value.kind == .invalid)
    #expect(value.range == .at(3))
    #expect(statement.range == SourceRange(start: 0, end: 3))
  }
}
