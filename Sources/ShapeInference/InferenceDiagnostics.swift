import ShapeDiagnostics

extension DiagnosticCode {
  public static let undefinedName = DiagnosticCode(
    "name.undefined", .error, summary: "A name is used that no statement defines.")
  public static let usedBeforeDefinition = DiagnosticCode(
    "name.used-before-definition", .error,
    summary: "A name is used on a line before the statement that defines it.")
  public static let redefinedName = DiagnosticCode(
    "name.redefined", .error,
    summary: "A layer, constant or input name is assigned a second time.")
  public static let unknownLayerKind = DiagnosticCode(
    "layer.unknown-kind", .error, summary: "A constructor names a layer kind that is not in the catalog.")
  public static let missingArgument = DiagnosticCode(
    "layer.missing-argument", .error, summary: "A required constructor argument is missing.")
  public static let unknownArgument = DiagnosticCode(
    "layer.unknown-argument", .error, summary: "A keyword argument that the layer kind does not take.")
  public static let duplicateArgument = DiagnosticCode(
    "layer.duplicate-argument", .error, summary: "An argument is given twice, by position and by keyword.")
  public static let tooManyArguments = DiagnosticCode(
    "layer.too-many-arguments", .error, summary: "More positional arguments than the layer kind takes.")
  public static let invalidArgument = DiagnosticCode(
    "layer.invalid-argument", .error,
    summary: "An argument has the wrong type or a value outside its valid range.")
  public static let notCallable = DiagnosticCode(
    "value.not-callable", .error, summary: "A value that is not a layer is called like one.")
  public static let notATensor = DiagnosticCode(
    "value.not-a-tensor", .error, summary: "A layer is applied to something that is not a tensor.")
  public static let invalidOperand = DiagnosticCode(
    "value.invalid-operand", .error, summary: "An operator or subscript is used on a value that does not support it.")
  public static let unknownAttribute = DiagnosticCode(
    "attribute.unknown", .error, summary: "An attribute that the value does not have.")
  public static let missingBias = DiagnosticCode(
    "attribute.no-bias", .error, summary: "'bias' is used on a layer built with 'bias=False'.")
  public static let indexOutOfRange = DiagnosticCode(
    "value.index-out-of-range", .error, summary: "A subscript is outside a shape or a Sequential.")
  public static let literalTooLarge = DiagnosticCode(
    "arith.literal-too-large", .error, summary: "An integer literal does not fit in 64 bits.")
  public static let trueDivision = DiagnosticCode(
    "arith.true-division", .error, summary: "'/' is used on sizes, which need integer division '//'.")
  public static let unsupportedOperation = DiagnosticCode(
    "value.unsupported-operation", .error,
    summary: "An expression form that the model language parses but cannot evaluate.")
  public static let invalidDeclaration = DiagnosticCode(
    "input.invalid-declaration", .error,
    summary: "An annotated name is not a valid input declaration such as 'x: Tensor[784]'.")
  public static let assertionFailed = DiagnosticCode(
    "assert.failed", .error, summary: "An assert on shapes is false for the current constants.")
  public static let assertionHoldsOnlyByValue = DiagnosticCode(
    "assert.holds-only-by-value", .warning,
    summary: "An assert is true for the current constants, but its formulas differ.")
  public static let assertionUnsupported = DiagnosticCode(
    "assert.unsupported", .error, summary: "An assert that is not a comparison of shapes or sizes.")
}

extension DiagnosticCode {
  public static let modelTooLarge = DiagnosticCode(
    "model.too-large", .error,
    summary: "Sequentials are nested too deeply, or the file applies too many layers, for the checker's limits.")
  public static let emptyModel = DiagnosticCode(
    "model.empty", .warning, summary: "The file constructs no layers, so nothing in it is checked.")
}
