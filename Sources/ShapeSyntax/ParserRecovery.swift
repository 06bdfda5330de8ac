import ShapeDiagnostics
import ShapeSource

extension SyntaxParser {
  /// Returns whether `token` probably starts the next statement although brackets are still
  /// open: it is the end of file, or it starts a line no deeper than the current statement
  /// and is not a closing bracket. The parser uses this only after an error, to stop an
  /// unclosed bracket from swallowing the rest of the file.
  func startsNewStatement(_ token: Token) -> Bool {
    if token.kind == .endOfFile {
      return true
    }
    return token.isFirstOnLine && token.indent <= statementIndent && !token.isClosingBracket
  }

  /// Skips to the end of the current statement, counting brackets from the parser's depth.
  ///
  /// The scan stops at a line ending outside brackets or at the end of file. It also stops at
  /// a `;` outside brackets if `stopAtSemicolon` is set, and before a line that starts a new
  /// statement if `stopAtNewStatement` is set.
  ///
  /// The loop is linear in the number of tokens, whatever their nesting.
  mutating func skipRestOfStatement(stopAtSemicolon: Bool, stopAtNewStatement: Bool = true) {
    var depth = bracketDepth
    bracketDepth = 0
    recursionDepth = 0
    while true {
      let token = tokens[index]
      switch token.kind {
      case .endOfFile:
        return
      case .newline where depth == 0:
        return
      case .newline:
        break
      default:
        if stopAtNewStatement, depth > 0, startsNewStatement(token) {
          return
        }
        if stopAtSemicolon, depth == 0, token.isSymbol(";") {
          return
        }
        if token.isOpeningBracket {
          depth += 1
        } else if token.isClosingBracket {
          depth = max(0, depth - 1)
        }
        lastEnd = token.range.end
      }
      index += 1
    }
  }

  /// Skips an unsupported statement whose first token is `first`: the rest of its logical
  /// line, the lines indented deeper than it, and the clauses that continue it, such as
  /// `else:` after `if`.
  mutating func skipUnsupportedStatement(startedBy first: Token) {
    // The skipped code is Python that is probably valid, so the brackets are trusted to
    // close even when a continuation line starts at column 1.
    skipRestOfStatement(stopAtSemicolon: false, stopAtNewStatement: false)
    var compound = first
    while true {
      while current.kind == .newline {
        advance()
      }
      let token = current
      guard token.kind != .endOfFile, token.isFirstOnLine else { return }
      let isBlock = token.indent > statementIndent
      guard isBlock || (token.indent == statementIndent
        && continuesCompoundStatement(token, startedBy: compound))
      else { return }
      if !isBlock, !token.isSymbol("@") {
        // The definition after decorators is continued by its own clauses only.
        compound = token
      }
      skipRestOfStatement(stopAtSemicolon: false, stopAtNewStatement: false)
    }
  }
}
