/// Python's hard keywords, none of which can be a name in the model language.
let pythonKeywords: Set<String> = [
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
  "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
  "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
  "while", "with", "yield",
]

/// Keywords that start a Python statement outside the model language.
let unsupportedStatementKeywords: Set<String> = [
  "def", "class", "for", "while", "if", "elif", "else", "try", "except", "finally", "with",
  "return", "yield", "lambda", "global", "nonlocal", "del", "raise", "break", "continue",
  "async", "await",
]

/// Keywords that belong to Python expression forms outside the model language.
let unsupportedExpressionKeywords: Set<String> = [
  "and", "or", "not", "in", "is", "if", "else", "for", "async", "lambda", "await", "yield",
]

/// Operators that Python has and the model language does not.
let unsupportedOperators: Set<String> = [
  "@", "<<", ">>", "&", "|", "^", "~", ":=", "...",
]

/// Augmented assignment operators such as `+=`.
let augmentedAssignmentOperators: Set<String> = [
  "+=", "-=", "*=", "/=", "//=", "%=", "@=", "&=", "|=", "^=", ">>=", "<<=", "**=",
]

/// Returns whether `token`, at the indentation of the unsupported statement that `first`
/// starts, continues that statement: `elif`, `else`, `except` and `finally` continue a compound
/// statement, and a decorator is continued by more decorators and the definition it decorates.
func continuesCompoundStatement(_ token: Token, startedBy first: Token) -> Bool {
  if first.isSymbol("@") {
    return token.isSymbol("@") || ["def", "class", "async"].contains(token.text)
      && token.kind == .name
  }
  return token.kind == .name && ["elif", "else", "except", "finally"].contains(token.text)
}
