import ShapeDiagnostics
import ShapeSource

extension SyntaxParser {
  /// Parses statements until the end of the file.
  mutating func parseFile() {
    var isInIndentedRun = false
    while true {
      skipNewlines()
      let first = current
      if first.kind == .endOfFile {
        return
      }
      statementIndent = first.indent
      if first.isFirstOnLine {
        // One error for a run of indented lines, not one per line.
        if first.indent > 0, !isInIndentedRun {
          reportUnexpectedIndent(before: first)
        }
        isInIndentedRun = first.indent > 0
      }
      parseStatementWithRecovery()
      if current.isSymbol(";") {
        advance()
      }
    }
  }

  private mutating func skipNewlines() {
    while current.kind == .newline {
      advance()
    }
  }

  private mutating func reportUnexpectedIndent(before token: Token) {
    var start = token.range.start
    while start > 0, [0x20, 0x09, 0x0C].contains(source.bytes[start - 1]) {
      start -= 1
    }
    diagnostics.append(Diagnostic(
      code: .syntaxUnexpectedIndent,
      message: "unexpected indentation; a statement outside brackets starts at column 1",
      range: SourceRange(start: start, end: token.range.start)))
  }

  /// Parses one statement, or after an error skips the rest of it.
  ///
  /// Afterwards the parser is at the `;`, line ending or end of file after the statement, or
  /// at a line that starts a new statement.
  private mutating func parseStatementWithRecovery() {
    bracketDepth = 0
    recursionDepth = 0
    let first = current
    if let construct = unsupportedStatementName(first) {
      var message = "\(construct) is not part of the model language; "
        + "only imports, declarations, assignments and asserts are"
      if first.text == "def" || first.text == "class" {
        message += "; write each layer as a top-level assignment such as "
          + "'linear_1 = nn.Linear(784, 30)' and apply it with 'act1 = linear_1(x)'"
        let next = index + 1
        if tokens.indices.contains(next), tokens[next].kind == .name {
          skippedDefinitions.insert(tokens[next].text)
        }
      }
      diagnostics.append(Diagnostic(
        code: .syntaxUnsupportedStatement, message: message, range: first.range))
      skipUnsupportedStatement(startedBy: first)
      return
    }
    let statementCount = statements.count
    let firstIndex = index
    do {
      try parseStatement()
      try expectStatementEnd()
    } catch {
      // A statement that failed at its first token, such as a stray ';', ends at the line
      // ending, so that ';;;;' gives one error rather than one per ';'.
      skipRestOfStatement(stopAtSemicolon: index != firstIndex)
      if statements.count > statementCount {
        extendInvalidParts(ofLastStatementTo: lastEnd)
      }
    }
  }

  /// Extends the last statement and its `.invalid` value or annotation over the text skipped
  /// after an error.
  private mutating func extendInvalidParts(ofLastStatementTo end: Int) {
    guard var statement = statements.last else { return }
    func extended(_ expression: Expression) -> Expression {
      guard expression.kind == .invalid else { return expression }
      return Expression(.invalid, range: SourceRange(start: expression.range.start, end: end))
    }
    switch statement.kind {
    case .assignment(let target, let value):
      statement.kind = .assignment(target: target, value: extended(value))
    case .declaration(let name, let annotation, let value):
      statement.kind = .declaration(
        name: name, annotation: extended(annotation), value: value.map(extended))
    default:
      break
    }
    statement.range = SourceRange(start: statement.range.start, end: max(statement.range.end, end))
    statements[statements.count - 1] = statement
  }

  /// Returns how to name the unsupported statement that `token` starts, or nil.
  private func unsupportedStatementName(_ token: Token) -> String? {
    if token.isSymbol("@") {
      return "decorator '@'"
    }
    guard token.kind == .name else { return nil }
    if unsupportedStatementKeywords.contains(token.text) {
      return "'\(token.text)'"
    }
    if token.text == "match", isMatchStatement() {
      return "'match'"
    }
    return nil
  }

  /// Returns whether the line at the current `match` is a match statement, not a use of
  /// `match` as a name: something follows `match` and the logical line ends with `:`.
  private func isMatchStatement() -> Bool {
    let next = tokens[index + 1]
    if next.kind == .newline || next.kind == .endOfFile {
      return false
    }
    if next.kind == .symbol, !["(", "[", "-", "+", "{"].contains(next.text) {
      return false
    }
    var depth = 0
    var last = next
    var position = index + 1
    while position < tokens.count {
      let token = tokens[position]
      if token.kind == .endOfFile || (token.kind == .newline && depth == 0) {
        break
      }
      if token.isOpeningBracket {
        depth += 1
      } else if token.isClosingBracket {
        depth = max(0, depth - 1)
      }
      if token.kind != .newline {
        last = token
      }
      position += 1
    }
    return last.isSymbol(":")
  }

  private mutating func parseStatement() throws(ParseAbort) {
    let first = current
    if first.kind == .name {
      switch first.text {
      case "import", "from":
        try parseImport()
        return
      case "assert":
        try parseAssertion()
        return
      case "pass":
        advance()
        statements.append(Statement(.pass, range: first.range))
        return
      default:
        break
      }
    }
    try parseSimpleStatement()
  }

  private mutating func expectStatementEnd() throws(ParseAbort) {
    let token = current
    if token.kind == .newline || token.kind == .endOfFile || token.isSymbol(";") {
      return
    }
    throw unexpected(expected: "end of statement")
  }

  // MARK: Declarations, assignments and expression statements

  private mutating func parseSimpleStatement() throws(ParseAbort) {
    let start = current.range.start
    let target = try parseExpressionList()
    let token = current
    if token.isSymbol("=") {
      try parseAssignment(target: target.expression, start: start)
    } else if token.isSymbol(":") {
      try parseDeclaration(target: target.expression, start: start)
    } else if token.kind == .symbol, augmentedAssignmentOperators.contains(token.text) {
      throw fail(
        .syntaxInvalidAssignmentTarget,
        "augmented assignment '\(token.text)' is not part of the model language; "
          + "only a plain name can be assigned with '='",
        at: token.range)
    } else {
      statements.append(Statement(.expression(target.expression), range: target.expression.range))
    }
  }

  /// Returns an `.invalid` node from `start` to the last consumed token, or an empty one after
  /// it when the error came before any token of the part was consumed.
  private func invalidExpression(from start: Int) -> Expression {
    Expression(.invalid, range: SourceRange(start: min(start, lastEnd), end: lastEnd))
  }

  /// Returns the target as an identifier if it is a plain name without parentheses.
  private func plainName(_ target: Expression) -> Identifier? {
    guard case .name(let name) = target.kind,
      target.range.end - target.range.start == name.utf8.count
    else { return nil }
    return Identifier(name: name, range: target.range)
  }

  private mutating func parseAssignment(target: Expression, start: Int) throws(ParseAbort) {
    guard let name = plainName(target) else {
      throw fail(
        .syntaxInvalidAssignmentTarget,
        "only a plain name can be assigned, not '\(excerpt(target.range))'", at: target.range)
    }
    advance()
    let valueStart = current.range.start
    let value: Expression
    do {
      value = try parseExpressionList().expression
    } catch {
      let invalid = invalidExpression(from: valueStart)
      statements.append(Statement(
        .assignment(target: name, value: invalid), range: SourceRange(start: start, end: lastEnd)))
      throw error
    }
    if current.isSymbol("=") {
      let invalid = invalidExpression(from: valueStart)
      statements.append(Statement(
        .assignment(target: name, value: invalid), range: SourceRange(start: start, end: lastEnd)))
      throw fail(
        .syntaxInvalidAssignmentTarget,
        "chained assignment is not part of the model language; assign one name per statement",
        at: current.range)
    }
    statements.append(Statement(
      .assignment(target: name, value: value), range: SourceRange(start: start, end: lastEnd)))
  }

  private mutating func parseDeclaration(target: Expression, start: Int) throws(ParseAbort) {
    guard let name = plainName(target) else {
      throw fail(
        .syntaxInvalidAssignmentTarget,
        "only a plain name can be declared, not '\(excerpt(target.range))'", at: target.range)
    }
    advance()
    var partStart = current.range.start
    var annotation: Expression?
    var value: Expression?
    do {
      annotation = try parseExpression().expression
      if consume("=") {
        partStart = current.range.start
        value = try parseExpressionList().expression
      }
    } catch {
      // Keep the declared name so that later passes do not report it as undefined.
      let invalid = invalidExpression(from: partStart)
      let kind: StatementKind =
        if let annotation {
          .declaration(name: name, annotation: annotation, value: invalid)
        } else {
          .declaration(name: name, annotation: invalid, value: nil)
        }
      statements.append(Statement(kind, range: SourceRange(start: start, end: lastEnd)))
      throw error
    }
    statements.append(Statement(
      .declaration(name: name, annotation: annotation ?? Expression(.invalid, range: .at(start)),
                   value: value),
      range: SourceRange(start: start, end: lastEnd)))
  }

  // MARK: Asserts and imports

  private mutating func parseAssertion() throws(ParseAbort) {
    let start = current.range.start
    advance()
    let condition = try parseExpression().expression
    var message: Expression?
    if consume(",") {
      message = try parseExpression().expression
    }
    statements.append(Statement(
      .assertion(condition: condition, message: message),
      range: SourceRange(start: start, end: lastEnd)))
  }

  private mutating func parseImport() throws(ParseAbort) {
    let start = current.range.start
    if current.isName("import") {
      advance()
      repeat {
        try parseDottedName()
        if current.isName("as") {
          advance()
          _ = try expectName("a name after 'as'")
        }
      } while consume(",")
    } else {
      try parseFromImport()
    }
    statements.append(Statement(.importStatement, range: SourceRange(start: start, end: lastEnd)))
  }

  private mutating func parseFromImport() throws(ParseAbort) {
    advance()
    var dotCount = 0
    while current.isSymbol(".") || current.isSymbol("...") {
      dotCount += 1
      advance()
    }
    if dotCount == 0 || !current.isName("import") {
      try parseDottedName()
    }
    guard current.isName("import") else {
      throw unexpected(expected: "'import'")
    }
    advance()
    if consume("*") {
      return
    }
    if current.isSymbol("(") {
      let opener = try openBracket()
      try parseImportNames(inside: opener)
      try closeBracket(opener, expected: "',' or ')' after the imported name")
    } else {
      try parseImportNames(inside: nil)
    }
  }

  private mutating func parseImportNames(inside opener: Token?) throws(ParseAbort) {
    repeat {
      if opener != nil, current.isSymbol(")") {
        return
      }
      _ = try expectName("a name to import")
      if current.isName("as") {
        advance()
        _ = try expectName("a name after 'as'")
      }
    } while consume(",")
  }

  private mutating func parseDottedName() throws(ParseAbort) {
    _ = try expectName("a module name")
    while consume(".") {
      _ = try expectName("a module name after '.'")
    }
  }

  /// Consumes a name that is not a keyword, or reports `expected`.
  mutating func expectName(_ expected: String) throws(ParseAbort) -> Identifier {
    let token = current
    guard token.kind == .name else {
      throw unexpected(expected: expected)
    }
    guard !pythonKeywords.contains(token.text) else {
      throw fail(
        .syntaxUnexpectedToken, "expected \(expected), found keyword '\(token.text)'",
        at: token.range)
    }
    advance()
    return Identifier(name: token.text, range: token.range)
  }
}
