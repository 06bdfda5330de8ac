import ShapeSource
import ShapeSyntax
import Testing

/// Parses `x = <expression>` and renders the value.
private func renderValue(_ expression: String) -> String {
  let tree = parse("x = " + expression + "\n")
  guard tree.diagnostics.isEmpty, tree.statements.count == 1,
    case .assignment(_, let value) = tree.statements[0].kind
  else {
    return "error: " + renderDiagnostics(tree).joined(separator: "; ")
  }
  return render(value)
}

@Suite struct ExpressionTests {
  @Test(arguments: [
    ("1 + 2 * 3", "(+ 1 (* 2 3))"),
    ("1 * 2 + 3", "(+ (* 1 2) 3)"),
    ("1 - 2 - 3", "(- (- 1 2) 3)"),
    ("8 / 4 / 2", "(/ (/ 8 4) 2)"),
    ("a // b % c * d", "(* (% (// a b) c) d)"),
    ("2 ** 3 ** 2", "(** 2 (** 3 2))"),
    ("-2 ** 2", "(- (** 2 2))"),
    ("2 ** -1", "(** 2 (- 1))"),
    ("--x", "(- (- x))"),
    ("+-x", "(+ (- x))"),
    ("-x * y", "(* (- x) y)"),
    ("a + b == c * d", "(== (+ a b) (* c d))"),
    ("a != b", "(!= a b)"),
    ("a < b", "(< a b)"),
    ("a <= b", "(<= a b)"),
    ("a > b", "(> a b)"),
    ("a >= b", "(>= a b)"),
    ("(1 + 2) * 3", "(* (+ 1 2) 3)"),
    ("-a.b(c)[d]", "(- (sub (call (. a b) c) d))"),
    ("a.b ** c.d", "(** (. a b) (. c d))"),
    ("f(x)(y)", "(call (call f x) y)"),
  ])
  func precedenceAndAssociativity(source: String, expected: String) {
    #expect(renderValue(source) == expected)
  }

  @Test(arguments: [
    ("name_1", "name_1"),
    ("42", "42"),
    ("1_000_000", "1_000_000"),
    ("0", "0"),
    ("00", "00"),
    ("0x1F", "31"),
    ("0XfF", "255"),
    ("0o17", "15"),
    ("0b101", "5"),
    ("0x_ff", "255"),
    ("0x7FFF_FFFF_FFFF_FFFF", "9223372036854775807"),
    ("1.5", "1.5"),
    (".5", "0.5"),
    ("1.", "1.0"),
    ("1e-5", "1e-05"),
    ("1E5", "100000.0"),
    ("1_000.0", "1000.0"),
    ("1.5e+3", "1500.0"),
    ("True", "True"),
    ("False", "False"),
    ("None", "None"),
    ("()", "(tuple)"),
    ("(a,)", "(tuple a)"),
    ("(a, b)", "(tuple a b)"),
    ("(a, b,)", "(tuple a b)"),
    ("(a)", "a"),
    ("((a))", "a"),
    ("[]", "[]"),
    ("[a]", "[a]"),
    ("[a, b,]", "[a b]"),
    ("[[1, 2], (3,)]", "[[1 2] (tuple 3)]"),
    ("1, 2", "(tuple 1 2)"),
    ("1,", "(tuple 1)"),
    ("Tensor[784]", "(sub Tensor 784)"),
    ("Tensor[N, 1, 28, 28]", "(sub Tensor (tuple N 1 28 28))"),
    ("Tensor[N,]", "(sub Tensor (tuple N))"),
    ("f()", "(call f)"),
    ("f(a, b,)", "(call f a b)"),
    ("f(a, k=1, m=b + 1,)", "(call f a k=1 m=(+ b 1))"),
    ("nn.Linear(in_features=784, out_features=30)",
     "(call (. nn Linear) in_features=784 out_features=30)"),
    ("f(k=(1, 2))", "(call f k=(tuple 1 2))"),
    ("f(a == b)", "(call f (== a b))"),
  ])
  func atomsAndTrailers(source: String, expected: String) {
    #expect(renderValue(source) == expected)
  }

  @Test(arguments: [
    ("'abc'", "abc"),
    ("\"abc\"", "abc"),
    ("'a\"b'", "a\"b"),
    ("'it\\'s'", "it's"),
    ("'a\\nb\\tc'", "a\nb\tc"),
    ("'\\\\'", "\\"),
    ("'\\x41\\u00e9\\U0001F600'", "Aé😀"),
    ("'\\101\\0'", "A\u{0}"),
    ("'\\a\\b\\f\\v\\r'", "\u{07}\u{08}\u{0C}\u{0B}\r"),
    ("r'\\d\\n'", "\\d\\n"),
    ("R'\\''", "\\'"),
    ("u'é'", "é"),
    ("'''a\nb'''", "a\nb"),
    ("'''a\r\nb\rc'''", "a\nb\nc"),
    ("r'''a\\\r\nb'''", "a\\\nb"),
    ("\"\"\"x \"quoted\" y\"\"\"", "x \"quoted\" y"),
    ("'a' \"b\" '''c'''", "abc"),
    ("'a\\\nb'", "ab"),
    ("''", ""),
  ])
  func stringLiterals(source: String, expected: String) throws {
    let tree = parse("x = " + source + "\n")
    #expect(tree.diagnostics.isEmpty)
    let statement = try #require(tree.statements.first)
    guard case .assignment(_, let value) = statement.kind, case .string(let contents) = value.kind
    else {
      Issue.record("expected a string assignment, got \(render(statement))")
      return
    }
    #expect(contents == expected)
    #expect(text(tree, value.range) == source)
  }

  @Test func floatLiteralValues() throws {
    let tree = parse("x = 2.5e-3\n")
    guard case .assignment(_, let value) = try #require(tree.statements.first).kind,
      case .float(let number) = value.kind
    else {
      Issue.record("expected a float")
      return
    }
    #expect(number == 2.5e-3)
  }

  @Test func nestedBracketsSpanLines() {
    let tree = parse("x = f(\n  a,\n    [1,\n2],\n)\ny = 1\n")
    #expect(tree.diagnostics.isEmpty)
    #expect(renderStatements(tree) == ["(= x (call f a [1 2]))", "(= y 1)"])
  }

  @Test func unicodeIdentifiers() {
    let tree = parse("größe = 3\nx = größe * π\n")
    #expect(tree.diagnostics.isEmpty)
    #expect(renderStatements(tree) == ["(= größe 3)", "(= x (* größe π))"])
  }
}
