import ShapeSource
import ShapeSyntax
import Testing

@Suite struct StatementTests {
  @Test(arguments: [
    "import torch",
    "import torch.nn as nn, numpy",
    "import a.b.c",
    "from torch import nn",
    "from torch import nn as n, functional as F",
    "from torch.nn import (Linear, ReLU,)",
    "from torch.nn import (\n  Linear,\n  ReLU\n)",
    "from . import x",
    "from ..pkg.mod import y",
    "from ... import z",
    "from a import *",
  ])
  func importForms(source: String) {
    let tree = parse(source + "\n")
    #expect(tree.diagnostics.isEmpty, "\(renderDiagnostics(tree))")
    #expect(renderStatements(tree) == ["import"])
    #expect(tree.statements.first.map { text(tree, $0.range) } == source)
  }

  @Test func declarationForms() {
    let tree = parse("x: Tensor[784]\ny: int = 3\nz: Tensor[N, 10] = f(x)\n")
    #expect(tree.diagnostics.isEmpty)
    #expect(renderStatements(tree) == [
      "(: x (sub Tensor 784))",
      "(: y int 3)",
      "(: z (sub Tensor (tuple N 10)) (call f x))",
    ])
  }

  @Test func assignmentExpressionAssertAndPass() {
    let tree = parse("a = 1\nf(a)\nassert a == 1\nassert a, 'a is zero'\npass\n")
    #expect(tree.diagnostics.isEmpty)
    #expect(renderStatements(tree) == [
      "(= a 1)", "(call f a)", "(assert (== a 1))", "(assert a \"a is zero\")", "pass",
    ])
  }

  @Test func semicolonsSeparateStatements() {
    let tree = parse("a = 1; b = 2;\nc = 3 ; pass\n")
    #expect(tree.diagnostics.isEmpty)
    #expect(renderStatements(tree) == ["(= a 1)", "(= b 2)", "(= c 3)", "pass"])
  }

  @Test func blankAndCommentOnlyLinesAreIgnored() {
    let tree = parse("\n\n# only a comment\n   \n\t\n  # indented comment\na = 1  # trailing\n\n")
    #expect(tree.diagnostics.isEmpty)
    #expect(renderStatements(tree) == ["(= a 1)"])
    #expect(tree.comments.map(\.text) == [" only a comment", " indented comment", " trailing"])
  }

  @Test func backslashContinuesLine() {
    let tree = parse("a = 1 + \\\n    2\nb = \\\r\n3\n")
    #expect(tree.diagnostics.isEmpty)
    #expect(renderStatements(tree) == ["(= a (+ 1 2))", "(= b 3)"])
  }

  @Test func matchAsNameIsNotAStatement() {
    let tree = parse("match = 3\nmatch(x)\nmatch.group\nmatch[0]\n")
    #expect(tree.diagnostics.isEmpty, "\(renderDiagnostics(tree))")
    #expect(renderStatements(tree) == [
      "(= match 3)", "(call match x)", "(. match group)", "(sub match 0)",
    ])
  }

  @Test(arguments: [
    "def", "class", "for", "while", "if", "elif", "else", "try", "except", "finally", "with",
    "return", "yield", "lambda", "global", "nonlocal", "del", "raise", "break", "continue",
    "async", "await",
  ])
  func unsupportedKeywordIsReportedAtKeyword(keyword: String) throws {
    let tree = parse("a = 1\n\(keyword) x:\n    y = 2\n\n    z = (\n3)\nb = 2\n")
    let hint =
      ["def", "class"].contains(keyword)
      ? "; write each layer as a top-level assignment such as "
        + "'linear_1 = nn.Linear(784, 30)' and apply it with 'act1 = linear_1(x)'" : ""
    #expect(renderDiagnostics(tree) == [
      "syntax.unsupported-statement@2:1 '\(keyword)' is not part of the model language; "
        + "only imports, declarations, assignments and asserts are" + hint
    ])
    if ["def", "class"].contains(keyword) {
      #expect(tree.skippedDefinitions == ["x"])
    }
    let diagnostic = try #require(tree.diagnostics.first)
    #expect(text(tree, diagnostic.range) == keyword)
    #expect(renderStatements(tree) == ["(= a 1)", "(= b 2)"])
  }

  @Test func compoundStatementClausesAreSkipped() {
    let source = """
      if a:
          b = 1
      elif c:
          b = 2
      else:
          b = 3
      try:
          pass
      except E:
          pass
      finally:
          pass
      d = 4

      """
    let tree = parse(source)
    #expect(renderDiagnostics(tree).map { $0.prefix(32) } == [
      "syntax.unsupported-statement@1:1", "syntax.unsupported-statement@7:1",
    ])
    #expect(renderStatements(tree) == ["(= d 4)"])
  }

  @Test func decoratedDefinitionIsOneError() throws {
    let tree = parse("@torch.no_grad()\n@other\ndef f(x):\n    return x\nclass C: pass\ny = 1\n")
    #expect(renderDiagnostics(tree) == [
      "syntax.unsupported-statement@1:1 decorator '@' is not part of the model language; "
        + "only imports, declarations, assignments and asserts are",
      "syntax.unsupported-statement@5:1 'class' is not part of the model language; "
        + "only imports, declarations, assignments and asserts are; write each layer as a "
        + "top-level assignment such as 'linear_1 = nn.Linear(784, 30)' and apply it with "
        + "'act1 = linear_1(x)'",
    ])
    #expect(renderStatements(tree) == ["(= y 1)"])
  }

  @Test func matchStatementIsUnsupported() {
    let tree = parse("match command.split():\n    case [a]:\n        pass\nx = 1\n")
    #expect(renderDiagnostics(tree).map { $0.prefix(40) } == [
      "syntax.unsupported-statement@1:1 'match'",
    ])
    #expect(renderStatements(tree) == ["(= x 1)"])
  }

  @Test func unsupportedStatementAfterSemicolon() {
    let tree = parse("a = 1; return a\nb = 2\n")
    #expect(renderDiagnostics(tree).map { $0.prefix(34) } == [
      "syntax.unsupported-statement@1:8 '",
    ])
    #expect(renderStatements(tree) == ["(= a 1)", "(= b 2)"])
  }

  @Test func unexpectedIndentReportedOncePerRun() throws {
    let tree = parse("a = 1\n    b = 2\n    c = 3\nd = 4\n\te = 5\n")
    #expect(renderDiagnostics(tree) == [
      "syntax.unexpected-indent@2:1 unexpected indentation; "
        + "a statement outside brackets starts at column 1",
      "syntax.unexpected-indent@5:1 unexpected indentation; "
        + "a statement outside brackets starts at column 1",
    ])
    let first = try #require(tree.diagnostics.first)
    #expect(text(tree, first.range) == "    ")
    #expect(renderStatements(tree) == ["(= a 1)", "(= b 2)", "(= c 3)", "(= d 4)", "(= e 5)"])
  }

  @Test func indentationInsideBracketsIsFree() {
    let tree = parse("x = [\n1,\n        2,\n  3]\ny = f(\na=1)\n")
    #expect(tree.diagnostics.isEmpty)
    #expect(renderStatements(tree) == ["(= x [1 2 3])", "(= y (call f a=1))"])
  }

  @Test func invalidValueKeepsAssignedName() throws {
    let tree = parse("x = 1 +\ny: Tensor[ = 2\n")
    #expect(renderStatements(tree) == ["(= x <invalid>)", "(: y <invalid>)"])
    #expect(tree.hasErrors)
  }
}

@Suite struct StatementRecoveryTests {
  @Test func straySemicolonsGiveOneError() {
    let tree = parse("x = 1;;;;\ny = 2\n")
    #expect(renderDiagnostics(tree) == [
      "syntax.unexpected-token@1:7 expected an expression after ';', found ';'"
    ])
    #expect(renderStatements(tree) == ["(= x 1)", "(= y 2)"])
  }

  @Test func errorAfterSemicolonKeepsNextStatement() {
    let tree = parse("x = $; y = 2\n")
    #expect(renderDiagnostics(tree).map { $0.prefix(28) } == ["syntax.invalid-character@1:5"])
    #expect(renderStatements(tree) == ["(= x <invalid>)", "(= y 2)"])
  }
}
