import ShapeDiagnostics
import ShapeSource

/// A name as written in the source, with its range.
public struct Identifier: Sendable, Hashable {
  public var name: String
  public var range: SourceRange

  public init(name: String, range: SourceRange) {
    self.name = name
    self.range = range
  }
}

/// An expression node. Every node carries the range of the source text it was parsed from.
public struct Expression: Sendable, Hashable {
  public var kind: ExpressionKind
  public var range: SourceRange

  public init(_ kind: ExpressionKind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// The expression forms of the model language, a subset of Python's.
public indirect enum ExpressionKind: Sendable, Hashable {
  /// A bare name: `linear_1`, `nn`, `N`.
  case name(String)
  /// An integer literal as written (digits and underscores, no sign), so that the checker can
  /// report a literal too large for 64 bits instead of trapping.
  case integer(String)
  /// A floating-point literal, such as `0.5` or `1e-5`.
  case float(Double)
  /// A string literal's decoded contents.
  case string(String)
  case boolean(Bool)
  case none
  /// A parenthesized tuple `(3, 5)`, or a bare tuple inside a subscript `Tensor[N, 784]`.
  case tuple([Expression])
  /// A list display `[30, 784]`.
  case list([Expression])
  case unary(UnaryOperator, Expression)
  case binary(BinaryOperator, Expression, Expression)
  case comparison(ComparisonOperator, Expression, Expression)
  case call(callee: Expression, arguments: [Argument])
  case attribute(base: Expression, name: Identifier)
  case subscripted(base: Expression, index: Expression)
  /// A placeholder where the parser reported an error, so later passes stay quiet.
  case invalid
}

public enum UnaryOperator: String, Sendable, Hashable {
  case plus = "+"
  case minus = "-"
}

public enum BinaryOperator: String, Sendable, Hashable {
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case floorDivide = "//"
  /// True division; parsed so that the checker can explain that shapes need `//`.
  case divide = "/"
  case modulo = "%"
  case power = "**"
}

public enum ComparisonOperator: String, Sendable, Hashable {
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
}

/// A call argument, positional when `label` is nil.
public struct Argument: Sendable, Hashable {
  public var label: Identifier?
  public var value: Expression
  public var range: SourceRange

  public init(label: Identifier?, value: Expression, range: SourceRange) {
    self.label = label
    self.value = value
    self.range = range
  }
}

/// A statement node with the range of its source text (without the line ending).
public struct Statement: Sendable, Hashable {
  public var kind: StatementKind
  public var range: SourceRange

  public init(_ kind: StatementKind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// The statement forms of the model language.
public enum StatementKind: Sendable, Hashable {
  /// `import torch`, `from torch import nn`: accepted and ignored.
  case importStatement
  /// `name: Annotation` or `name: Annotation = value`, as in `x: Tensor[784]`.
  case declaration(name: Identifier, annotation: Expression, value: Expression?)
  /// `name = value`.
  case assignment(target: Identifier, value: Expression)
  /// `assert condition` or `assert condition, message`.
  case assertion(condition: Expression, message: Expression?)
  /// An expression on its own line, such as `linear_1(x)`.
  case expression(Expression)
  /// `pass`: accepted and ignored.
  case pass
}

/// A comment's text after `#`, with the range of the whole comment including `#`.
public struct Comment: Sendable, Hashable {
  public var text: String
  public var range: SourceRange

  public init(text: String, range: SourceRange) {
    self.text = text
    self.range = range
  }
}

/// The result of parsing one file: the statements that parsed, every comment, and the syntax
/// diagnostics. Parsing never stops at the first error.
public struct SyntaxTree: Sendable {
  public var source: SourceFile
  public var statements: [Statement]
  public var comments: [Comment]
  public var diagnostics: [Diagnostic]
  /// Names defined by `def` and `class` statements that the parser reported and skipped, so
  /// that later uses of them do not add a second error.
  public var skippedDefinitions: Set<String> = []

  public init(
    source: SourceFile, statements: [Statement], comments: [Comment], diagnostics: [Diagnostic]
  ) {
    self.source = source
    self.statements = statements
    self.comments = comments
    self.diagnostics = diagnostics
  }

  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
