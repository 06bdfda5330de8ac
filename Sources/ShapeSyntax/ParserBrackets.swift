import ShapeDiagnostics
import ShapeSource

extension SyntaxParser {
  // MARK: Opening and closing

  /// Consumes an opening bracket and returns it, or reports nesting beyond the limit.
  mutating func openBracket() throws(ParseAbort) -> Token {
    let opener = current
    guard bracketDepth < limits.maxNestingDepth else {
      throw fail(
        .syntaxNestingTooDeep,
        "brackets are nested more than \(limits.maxNestingDepth) levels deep; "
          + "split the expression into several statements",
        at: opener.range)
    }
    bracketDepth += 1
    advance()
    return opener
  }

  /// Consumes the bracket that closes `opener`, or reports what is there instead.
  mutating func closeBracket(_ opener: Token, expected: String) throws(ParseAbort) {
    guard current.isSymbol(closingBracket(for: opener.text)) else {
      throw missingCloser(opener, expected: expected)
    }
    bracketDepth -= 1
    advance()
  }

  /// Reports a missing closing bracket at the insertion point when the current token starts
  /// a new statement, a wrong closing bracket where it is, and anything else as unexpected.
  mutating func missingCloser(_ opener: Token, expected: String) -> ParseAbort {
    let closer = closingBracket(for: opener.text)
    let message =
      "expected '\(closer)' to close '\(opener.text)' at line \(line(of: opener.range.start))"
    let note = Note(message: "'\(opener.text)' opened here", range: opener.range)
    if startsNewStatement(current) {
      let point = SourceRange.at(lastEnd)
      // Inserting the bracket is the one safe repair only when no other bracket is open.
      var fixIts: [FixIt] = []
      if bracketDepth == 1 {
        let edit = TextEdit(range: point, replacement: closer)
        fixIts = [FixIt(message: "insert '\(closer)'", edits: [edit])]
      }
      return fail(.syntaxUnclosedBracket, message, at: point, notes: [note], fixIts: fixIts)
    }
    if current.isClosingBracket {
      return fail(
        .syntaxUnclosedBracket, message + ", found '\(current.text)'", at: current.range,
        notes: [note])
    }
    return unexpected(expected: expected)
  }

  /// Reports a missing closing bracket if the file ends where an element should start.
  private mutating func checkNotEndOfFile(inside opener: Token) throws(ParseAbort) {
    if current.kind == .endOfFile {
      throw missingCloser(opener, expected: "'\(closingBracket(for: opener.text))'")
    }
  }

  // MARK: Parentheses and lists

  /// Parses `(…)`: an empty tuple, a parenthesized expression or a tuple. The node's range
  /// includes the parentheses.
  mutating func parseParenthesized() throws(ParseAbort) -> ParsedExpression {
    let opener = try openBracket()
    let start = opener.range.start
    if current.isSymbol(")") {
      try closeBracket(opener, expected: "')'")
      return try makeNode(.tuple([]), from: start, depth: 1)
    }
    try checkNotEndOfFile(inside: opener)
    let first = try parseExpression()
    guard current.isSymbol(",") else {
      try closeBracket(opener, expected: "')' after the expression")
      let range = SourceRange(start: start, end: lastEnd)
      return ParsedExpression(
        expression: Expression(first.expression.kind, range: range), depth: first.depth)
    }
    let rest = try parseElements(after: first, inside: opener)
    try closeBracket(opener, expected: "',' or ')' after the tuple element")
    return try makeNode(.tuple(rest.items), from: start, depth: rest.depth + 1)
  }

  /// Parses `[…]`, a list display.
  mutating func parseList() throws(ParseAbort) -> ParsedExpression {
    let opener = try openBracket()
    let start = opener.range.start
    var items: [Expression] = []
    var depth = 0
    if !current.isSymbol("]") {
      try checkNotEndOfFile(inside: opener)
      let first = try parseExpression()
      let rest = try parseElements(after: first, inside: opener)
      items = rest.items
      depth = rest.depth
    }
    try closeBracket(opener, expected: "',' or ']' after the list element")
    return try makeNode(.list(items), from: start, depth: depth + 1)
  }

  /// Parses `, element` repeatedly after `first`, allowing a trailing comma.
  private mutating func parseElements(
    after first: ParsedExpression, inside opener: Token
  ) throws(ParseAbort) -> (items: [Expression], depth: Int) {
    var items = [first.expression]
    var depth = first.depth
    let closer = closingBracket(for: opener.text)
    while consume(",") {
      if current.isSymbol(closer) {
        break
      }
      try checkNotEndOfFile(inside: opener)
      let item = try parseExpression()
      items.append(item.expression)
      depth = max(depth, item.depth)
    }
    return (items, depth)
  }

  // MARK: Subscripts

  /// Parses `base[index]`. An index with commas is a tuple spanning the elements only.
  mutating func parseSubscript(base: ParsedExpression) throws(ParseAbort) -> ParsedExpression {
    let opener = try openBracket()
    if current.isSymbol("]") {
      throw fail(.syntaxUnexpectedToken, "expected an index inside '[]'", at: current.range)
    }
    try checkNotEndOfFile(inside: opener)
    try rejectSlice()
    let first = try parseExpression()
    var index = first
    if current.isSymbol(",") {
      var items = [first.expression]
      var depth = first.depth
      while consume(",") {
        if current.isSymbol("]") {
          break
        }
        try checkNotEndOfFile(inside: opener)
        try rejectSlice()
        let item = try parseExpression()
        items.append(item.expression)
        depth = max(depth, item.depth)
      }
      index = try makeNode(.tuple(items), from: first.expression.range.start, depth: depth + 1)
    }
    try rejectSlice()
    try closeBracket(opener, expected: "',' or ']' after the index")
    return try makeNode(
      .subscripted(base: base.expression, index: index.expression),
      from: base.expression.range.start, depth: max(base.depth, index.depth) + 1)
  }

  private mutating func rejectSlice() throws(ParseAbort) {
    if current.isSymbol(":") {
      throw fail(
        .syntaxUnsupportedExpression, "slices are not part of the model language",
        at: current.range)
    }
  }

  // MARK: Calls

  /// Parses `callee(arguments)` into a node spanning the callee to the closing parenthesis.
  mutating func parseCall(callee: ParsedExpression) throws(ParseAbort) -> ParsedExpression {
    let opener = try openBracket()
    var arguments: [Argument] = []
    var depth = callee.depth
    var firstKeyword: Identifier?
    while !current.isSymbol(")") {
      try checkNotEndOfFile(inside: opener)
      let (argument, argumentDepth) = try parseArgument()
      if let label = argument.label {
        try rejectDuplicate(label, in: arguments)
        firstKeyword = firstKeyword ?? label
      } else if let firstKeyword {
        throw fail(
          .syntaxPositionalAfterKeyword,
          "positional argument follows keyword argument '\(firstKeyword.name)'",
          at: argument.range)
      }
      arguments.append(argument)
      depth = max(depth, argumentDepth)
      guard consume(",") else { break }
    }
    try closeBracket(opener, expected: "',' or ')' after the argument")
    return try makeNode(
      .call(callee: callee.expression, arguments: arguments),
      from: callee.expression.range.start, depth: depth + 1)
  }

  private mutating func parseArgument() throws(ParseAbort) -> (Argument, Int) {
    let token = current
    if token.isSymbol("*") || token.isSymbol("**") {
      throw fail(
        .syntaxUnsupportedArgument,
        "argument unpacking with '\(token.text)' is not part of the model language",
        at: token.range)
    }
    let next = tokens[index + 1]
    if token.kind == .name, !pythonKeywords.contains(token.text), next.isSymbol("=") {
      let label = Identifier(name: token.text, range: token.range)
      advance()
      advance()
      let value = try parseExpression()
      let range = SourceRange(start: token.range.start, end: lastEnd)
      return (Argument(label: label, value: value.expression, range: range), value.depth)
    }
    let value = try parseExpression()
    return (Argument(label: nil, value: value.expression, range: value.expression.range),
            value.depth)
  }

  private mutating func rejectDuplicate(
    _ label: Identifier, in arguments: [Argument]
  ) throws(ParseAbort) {
    guard let earlier = arguments.first(where: { $0.label?.name == label.name })?.label else {
      return
    }
    throw fail(
      .syntaxDuplicateKeyword, "keyword argument '\(label.name)' is repeated", at: label.range,
      notes: [Note(message: "'\(label.name)' first given here", range: earlier.range)])
  }
}
