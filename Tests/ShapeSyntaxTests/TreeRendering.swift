import ShapeDiagnostics
import ShapeSource
import ShapeSyntax

/// Parses `text` as a file named `test.nn`.
func parse(_ text: String, limits: ParserLimits = .standard) -> SyntaxTree {
  Parser.parse(SourceFile(path: "test.nn", text: text), limits: limits)
}

/// Parses raw bytes as a file named `test.nn`.
func parse(bytes: [UInt8], limits: ParserLimits = .standard) -> SyntaxTree {
  Parser.parse(SourceFile(path: "test.nn", bytes: bytes), limits: limits)
}

/// Renders an expression as a compact prefix form, such as `(+ 1 (* 2 3))`, so that tests
/// can compare trees as strings.
func render(_ expression: Expression) -> String {
  switch expression.kind {
  case .name(let name): return name
  case .integer(let digits): return digits
  case .float(let value): return "\(value)"
  case .string(let text): return "\"\(text)\""
  case .boolean(let value): return value ? "True" : "False"
  case .none: return "None"
  case .tuple(let items): return "(tuple" + items.map { " " + render($0) }.joined() + ")"
  case .list(let items): return "[" + items.map(render).joined(separator: " ") + "]"
  case .unary(let op, let operand): return "(\(op.rawValue) \(render(operand)))"
  case .binary(let op, let left, let right):
    return "(\(op.rawValue) \(render(left)) \(render(right)))"
  case .comparison(let op, let left, let right):
    return "(\(op.rawValue) \(render(left)) \(render(right)))"
  case .call(let callee, let arguments):
    let rendered = arguments.map { argument in
      (argument.label.map { $0.name + "=" } ?? "") + render(argument.value)
    }
    return "(call \(render(callee))" + rendered.map { " " + $0 }.joined() + ")"
  case .attribute(let base, let name): return "(. \(render(base)) \(name.name))"
  case .subscripted(let base, let index): return "(sub \(render(base)) \(render(index)))"
  case .invalid: return "<invalid>"
  }
}

/// Renders a statement in the same prefix form, such as `(= x 1)`.
func render(_ statement: Statement) -> String {
  switch statement.kind {
  case .importStatement: return "import"
  case .pass: return "pass"
  case .expression(let expression): return render(expression)
  case .assignment(let target, let value): return "(= \(target.name) \(render(value)))"
  case .declaration(let name, let annotation, let value):
    return "(: \(name.name) \(render(annotation))" + (value.map { " " + render($0) } ?? "") + ")"
  case .assertion(let condition, let message):
    return "(assert \(render(condition))" + (message.map { " " + render($0) } ?? "") + ")"
  }
}

/// Renders every statement of a tree, one per line.
func renderStatements(_ tree: SyntaxTree) -> [String] {
  tree.statements.map(render)
}

/// Renders every diagnostic as `code@line:column message`.
func renderDiagnostics(_ tree: SyntaxTree) -> [String] {
  tree.diagnostics.map { diagnostic in
    let location = tree.source.location(of: diagnostic.range.start)
    return "\(diagnostic.code.id)@\(location.line):\(location.column) \(diagnostic.message)"
  }
}

/// Returns the source text that `range` covers in `tree`.
func text(_ tree: SyntaxTree, _ range: SourceRange) -> String {
  tree.source.text(in: range)
}
