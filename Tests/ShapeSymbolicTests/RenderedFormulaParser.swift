/// A parser for the Python subset that `Dim.description` prints, so that the tests can check the
/// rendering's precedence and parentheses.
///
/// The subset has integers, names made of letters, digits, `_`, `.`, `[` and `]`, unary `-`,
/// `+ - * //` and parentheses. Precedence follows Python: unary minus binds tighter than `*`
/// and `//`, which bind tighter than `+` and `-`, and all binary operators associate to the left.
struct RenderedFormulaParser {
  private let characters: [Character]
  private var position = 0

  /// Parses `text`, or returns nil when it is not a complete formula.
  static func parse(_ text: String) -> ExpressionTree? {
    var parser = RenderedFormulaParser(characters: Array(text))
    guard let tree = parser.expression() else { return nil }
    parser.skipSpaces()
    return parser.position == parser.characters.count ? tree : nil
  }

  private init(characters: [Character]) {
    self.characters = characters
  }

  private mutating func expression() -> ExpressionTree? {
    guard var tree = term() else { return nil }
    while true {
      if consume("+") {
        guard let rhs = term() else { return nil }
        tree = .sum(tree, rhs)
      } else if consume("-") {
        guard let rhs = term() else { return nil }
        tree = .difference(tree, rhs)
      } else {
        return tree
      }
    }
  }

  private mutating func term() -> ExpressionTree? {
    guard var tree = factor() else { return nil }
    while true {
      if consume("//") {
        guard let rhs = factor() else { return nil }
        tree = .floorQuotient(tree, rhs)
      } else if consume("*") {
        guard let rhs = factor() else { return nil }
        tree = .product(tree, rhs)
      } else {
        return tree
      }
    }
  }

  private mutating func factor() -> ExpressionTree? {
    if consume("-") {
      guard let operand = factor() else { return nil }
      return .negation(operand)
    }
    if consume("(") {
      guard let inner = expression(), consume(")") else { return nil }
      return inner
    }
    return primary()
  }

  private mutating func primary() -> ExpressionTree? {
    skipSpaces()
    let start = position
    while position < characters.count, isNameCharacter(characters[position]) {
      position += 1
    }
    let token = String(characters[start..<position])
    guard let first = token.first else { return nil }
    if first.isNumber {
      // Int.min renders as "-9223372036854775808", whose magnitude does not parse as Int.
      return Int(token).map { .literal($0) }
    }
    return .symbol(token)
  }

  private func isNameCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber || "_.[]".contains(character)
  }

  private mutating func skipSpaces() {
    while position < characters.count, characters[position] == " " {
      position += 1
    }
  }

  /// Consumes `token` after optional spaces; `*` does not match the start of `**`.
  private mutating func consume(_ token: String) -> Bool {
    skipSpaces()
    let tokenCharacters = Array(token)
    let end = position + tokenCharacters.count
    guard end <= characters.count, Array(characters[position..<end]) == tokenCharacters else {
      return false
    }
    if token == "*", end < characters.count, characters[end] == "*" { return false }
    position = end
    return true
  }
}
