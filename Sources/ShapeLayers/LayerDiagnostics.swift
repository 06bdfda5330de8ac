import ShapeDiagnostics
import ShapeSymbolic

extension DiagnosticCode {
  /// A Linear layer's `in_features` differs from the size of the last incoming dimension.
  public static let featureMismatch = DiagnosticCode(
    "shape.feature-mismatch", .error,
    summary: "A layer's input-size constant differs from the dimension that flows into it.")
  /// The input's rank is one that the layer does not accept.
  public static let rankMismatch = DiagnosticCode(
    "shape.rank-mismatch", .error,
    summary: "A layer receives a tensor with a number of dimensions it does not accept.")
  /// A dimension index argument such as `dim` or `start_dim` is outside the input's rank.
  public static let dimensionOutOfRange = DiagnosticCode(
    "shape.dimension-out-of-range", .error,
    summary: "A dimension index argument is outside the range of the input's dimensions.")
  /// `Unflatten` sizes whose product differs from the dimension they split.
  public static let unflattenMismatch = DiagnosticCode(
    "shape.unflatten-mismatch", .error,
    summary: "The sizes given to Unflatten do not multiply to the dimension they replace.")
  /// A check between formulas that cannot be decided because it depends on a free symbol.
  public static let undecidedCheck = DiagnosticCode(
    "shape.undecided", .warning,
    summary: "A shape check depends on a free dimension and cannot be decided statically.")
}

extension DiagnosticCode {
  /// Integer arithmetic on constants whose result does not fit in 64 bits.
  public static let arithmeticOverflow = DiagnosticCode(
    "arith.overflow", .error,
    summary: "Integer arithmetic on constants overflows 64-bit integers.")
  /// Floor division or modulo by zero.
  public static let divisionByZero = DiagnosticCode(
    "arith.division-by-zero", .error, summary: "A constant expression divides by zero.")
  /// A symbolic formula past `Dim.maxSize` or `Dim.maxFloorDepth`.
  public static let formulaTooComplex = DiagnosticCode(
    "arith.too-complex", .error, summary: "A formula grows past the size the simplifier accepts.")
}

extension ShapeFailure {
  /// Reports a failed formula operation of a shape rule with the code that matches its cause,
  /// such as "the flattened size of 'f'" followed by "overflows 64-bit integers".
  static func arithmetic(_ error: SymbolicError, subject: String) -> ShapeFailure {
    switch error {
    case .overflow:
      ShapeFailure(code: .arithmeticOverflow, message: "\(subject) overflows 64-bit integers")
    case .divisionByZero:
      ShapeFailure(code: .divisionByZero, message: "\(subject) divides by zero")
    case .tooComplex:
      ShapeFailure(
        code: .formulaTooComplex,
        message: "\(subject) is a formula too large to simplify; use fewer sizes")
    }
  }
}
