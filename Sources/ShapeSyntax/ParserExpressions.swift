import ShapeDiagnostics
import ShapeSource

extension SyntaxParser {
  /// Parses one expression or, if commas follow, a tuple without parentheses.
  mutating func parseExpressionList() throws(ParseAbort) -> ParsedExpression {
    let first = try parseExpression()
    guard current.isSymbol(",") else { return first }
    var items = [first.expression]
    var depth = first.depth
    while consume(",") {
      guard canStartExpression(current) else { break }
      let item = try parseExpression()
      items.append(item.expression)
      depth = max(depth, item.depth)
    }
    return try makeNode(.tuple(items), from: first.expression.range.start, depth: depth + 1)
  }

  /// Parses a comparison or anything that binds tighter.
  mutating func parseExpression() throws(ParseAbort) -> ParsedExpression {
    let left = try parseSum()
    guard let op = comparisonOperator(current) else { return left }
    advance()
    let right = try parseSum()
    if comparisonOperator(current) != nil {
      throw fail(
        .syntaxChainedComparison,
        "chained comparison is not part of the model language; compare two values at a time",
        at: current.range)
    }
    return try makeNode(
      .comparison(op, left.expression, right.expression), from: left.expression.range.start,
      depth: max(left.depth, right.depth) + 1)
  }

  private mutating func parseSum() throws(ParseAbort) -> ParsedExpression {
    var left = try parseTerm()
    // A loop, not recursion, so that a long chain such as `1 + 1 + …` uses constant stack.
    while let op = binaryOperator(current, among: [.add, .subtract]) {
      advance()
      let right = try parseTerm()
      left = try makeNode(
        .binary(op, left.expression, right.expression), from: left.expression.range.start,
        depth: max(left.depth, right.depth) + 1)
    }
    return left
  }

  private mutating func parseTerm() throws(ParseAbort) -> ParsedExpression {
    var left = try parseFactor()
    while let op = binaryOperator(
      current, among: [.multiply, .divide, .floorDivide, .modulo])
    {
      advance()
      let right = try parseFactor()
      left = try makeNode(
        .binary(op, left.expression, right.expression), from: left.expression.range.start,
        depth: max(left.depth, right.depth) + 1)
    }
    return left
  }

  /// Parses unary `+` and `-` and the operand they apply to.
  ///
  /// The prefix operators are collected in a loop. The right operand of `**` recurses back
  /// here without a bracket, so this function counts the recursion depth and bounds it.
  private mutating func parseFactor() throws(ParseAbort) -> ParsedExpression {
    recursionDepth += 1
    defer { recursionDepth -= 1 }
    guard recursionDepth <= maxRecursionDepth else {
      throw tooComplex(at: current.range)
    }
    var prefixes: [(op: UnaryOperator, start: Int)] = []
    while current.isSymbol("+") || current.isSymbol("-") {
      prefixes.append((current.isSymbol("+") ? .plus : .minus, current.range.start))
      advance()
    }
    var operand = try parsePower()
    for prefix in prefixes.reversed() {
      operand = try makeNode(
        .unary(prefix.op, operand.expression), from: prefix.start, depth: operand.depth + 1)
    }
    return operand
  }

  private mutating func parsePower() throws(ParseAbort) -> ParsedExpression {
    let base = try parsePrimary()
    guard current.isSymbol("**") else { return base }
    advance()
    let exponent = try parseFactor()
    return try makeNode(
      .binary(.power, base.expression, exponent.expression), from: base.expression.range.start,
      depth: max(base.depth, exponent.depth) + 1)
  }

  private mutating func parsePrimary() throws(ParseAbort) -> ParsedExpression {
    var result = try parseAtom()
    let start = result.expression.range.start
    while true {
      if current.isSymbol("(") {
        result = try parseCall(callee: result)
      } else if current.isSymbol("[") {
        result = try parseSubscript(base: result)
      } else if current.isSymbol(".") {
        advance()
        let name = try expectName("an attribute name after '.'")
        result = try makeNode(
          .attribute(base: result.expression, name: name), from: start, depth: result.depth + 1)
      } else {
        return result
      }
    }
  }

  private mutating func parseAtom() throws(ParseAbort) -> ParsedExpression {
    let token = current
    let start = token.range.start
    switch token.kind {
    case .name:
      let kind: ExpressionKind
      switch token.text {
      case "True": kind = .boolean(true)
      case "False": kind = .boolean(false)
      case "None": kind = .none
      default:
        guard !pythonKeywords.contains(token.text) else {
          throw unexpected(expected: "an expression\(afterPrevious())")
        }
        kind = .name(token.text)
      }
      advance()
      return try makeNode(kind, from: start, depth: 1)
    case .integer:
      advance()
      return try makeNode(.integer(token.text), from: start, depth: 1)
    case .float:
      advance()
      return try makeNode(.float(token.floatValue), from: start, depth: 1)
    case .string:
      // Adjacent string literals are concatenated, as in Python.
      var text = ""
      while current.kind == .string {
        text += current.text
        advance()
      }
      return try makeNode(.string(text), from: start, depth: 1)
    case .symbol where token.text == "(":
      return try parseParenthesized()
    case .symbol where token.text == "[":
      return try parseList()
    case .symbol where token.text == "*" || token.text == "**":
      throw fail(
        .syntaxUnsupportedExpression,
        "unpacking with '\(token.text)' is not part of the model language", at: token.range)
    default:
      throw unexpected(expected: "an expression\(afterPrevious())")
    }
  }

  /// Returns ` after 'x'` naming the previous token when it is a symbol or keyword.
  private func afterPrevious() -> String {
    guard let previous = lastConsumedToken else { return "" }
    let isKeyword = previous.kind == .name && pythonKeywords.contains(previous.text)
    guard previous.kind == .symbol || isKeyword else { return "" }
    return " after '\(previous.text)'"
  }

  /// Returns the last token consumed in the current statement, or nil at its start, where
  /// the last token consumed is a line ending.
  private var lastConsumedToken: Token? {
    var position = index - 1
    while position >= 0 {
      if tokens[position].kind != .newline {
        return tokens[position].range.end == lastEnd ? tokens[position] : nil
      }
      position -= 1
    }
    return nil
  }

  // MARK: Nodes and operators

  /// Builds a node ending at the last consumed token, or reports that the tree is too deep.
  mutating func makeNode(
    _ kind: ExpressionKind, from start: Int, depth: Int
  ) throws(ParseAbort) -> ParsedExpression {
    let range = SourceRange(start: start, end: lastEnd)
    guard depth <= limits.maxExpressionDepth else {
      throw tooComplex(at: range)
    }
    return ParsedExpression(expression: Expression(kind, range: range), depth: depth)
  }

  private mutating func tooComplex(at range: SourceRange) -> ParseAbort {
    fail(
      .syntaxExpressionTooComplex,
      "expression is nested more than \(limits.maxExpressionDepth) levels deep; "
        + "split it into several statements",
      at: range)
  }

  /// Returns whether `token` can start an expression, so that a comma before it is not a
  /// trailing comma. Unsupported forms count, so that they are reported as such.
  func canStartExpression(_ token: Token) -> Bool {
    switch token.kind {
    case .integer, .float, .string, .invalid:
      return true
    case .name:
      return !pythonKeywords.contains(token.text)
        || ["True", "False", "None", "not", "lambda", "await", "yield"].contains(token.text)
    case .symbol:
      return ["(", "[", "{", "+", "-", "~", "*", "**", "..."].contains(token.text)
    case .newline, .endOfFile:
      return false
    }
  }

  private func comparisonOperator(_ token: Token) -> ComparisonOperator? {
    token.kind == .symbol ? ComparisonOperator(rawValue: token.text) : nil
  }

  private func binaryOperator(_ token: Token, among allowed: [BinaryOperator]) -> BinaryOperator? {
    guard token.kind == .symbol, let op = BinaryOperator(rawValue: token.text) else { return nil }
    return allowed.contains(op) ? op : nil
  }
}
