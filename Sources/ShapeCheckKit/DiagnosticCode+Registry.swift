import ShapeDiagnostics
import ShapeInference
import ShapeLayers
import ShapeSyntax

extension DiagnosticCode {
  /// Every diagnostic code that shapecheck can report, sorted by id.
  ///
  /// The rules table of SARIF output, the check of suppression comments and
  /// docs/diagnostics.md follow this list, so a new code must be added here.
  public static let all: [DiagnosticCode] =
    (syntaxCodes + inferenceCodes + layerCodes
    + suppressionCodes + weightsCodes).sorted()

  /// The codes declared by the inference module.
  static let inferenceCodes: [DiagnosticCode] = [
    .undefinedName, .usedBeforeDefinition, .redefinedName, .unknownLayerKind, .missingArgument,
    .unknownArgument, .duplicateArgument, .tooManyArguments, .invalidArgument, .notCallable,
    .notATensor, .invalidOperand, .unknownAttribute, .missingBias, .indexOutOfRange,
    .literalTooLarge, .trueDivision, .unsupportedOperation, .invalidDeclaration,
    .assertionFailed, .assertionHoldsOnlyByValue, .assertionUnsupported, .formulaTooComplex,
    .modelTooLarge, .emptyModel,
  ]

  /// The codes declared by the layer module.
  static let layerCodes: [DiagnosticCode] = [
    .featureMismatch, .rankMismatch, .dimensionOutOfRange, .unflattenMismatch, .undecidedCheck,
    .arithmeticOverflow, .divisionByZero, .channelMismatch, .windowTooLarge,
    .normFeatureMismatch, .flattenedSizeMismatch, .missingFlatten, .conditionalShape,
    .groupsMismatch, .samePaddingStride, .paddingTooLarge,
  ]

  /// The codes of suppression comments.
  static let suppressionCodes: [DiagnosticCode] = [
    .suppressionUnused, .suppressionUnknownCode, .suppressionInvalid,
  ]

  /// The codes of `check --weights` and `run --weights`.
  static let weightsCodes: [DiagnosticCode] = [
    .weightsMissing, .weightsNonFinite, .weightsUnexpected, .weightsShapeMismatch, .weightsUnsupportedType,
  ]

  /// The registered code with `id`, or nil when there is none.
  public static func registered(_ id: String) -> DiagnosticCode? {
    all.first { $0.id == id }
  }
}
