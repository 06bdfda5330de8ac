import ShapeDiagnostics

extension DiagnosticCode {
  /// A convolution's `in_channels` differs from the channel dimension of its input.
  public static let channelMismatch = DiagnosticCode(
    "shape.channel-mismatch", .error,
    summary: "A convolution's in_channels differs from the channels of its input.")
  /// A convolution or pooling window does not fit in its padded input.
  public static let windowTooLarge = DiagnosticCode(
    "shape.window-too-large", .error,
    summary: "A convolution or pooling window is larger than its padded input.")
  /// A normalization layer is sized for a different number of features than it receives.
  public static let normFeatureMismatch = DiagnosticCode(
    "shape.norm-feature-mismatch", .error,
    summary: "A normalization layer is sized for a different number of features than its input has.")
  /// A Linear layer's `in_features` differs from the size that a Flatten produced.
  public static let flattenedSizeMismatch = DiagnosticCode(
    "shape.flattened-size-mismatch", .error,
    summary: "A Linear layer's in_features differs from the flattened size of its input.")
  /// A Linear layer receives a tensor with spatial dimensions that was never flattened.
  public static let missingFlatten = DiagnosticCode(
    "shape.missing-flatten", .error,
    summary: "A Linear layer receives spatial dimensions whose element count equals in_features.")
  /// A shape check on a free dimension holds for some of its values only.
  public static let conditionalShape = DiagnosticCode(
    "shape.conditional", .warning,
    summary: "A shape check holds only for some values of a free dimension.")
  /// `groups` does not divide `in_channels` or `out_channels`.
  public static let groupsMismatch = DiagnosticCode(
    "layer.groups-mismatch", .error,
    summary: "A convolution's groups does not divide its in_channels or out_channels.")
  /// `padding='same'` with a stride other than 1, which PyTorch rejects.
  public static let samePaddingStride = DiagnosticCode(
    "layer.same-padding-stride", .error,
    summary: "padding='same' is used with a stride other than 1.")
  /// Padding that PyTorch rejects: more than half a pooling window, or reflect or circular
  /// padding larger than the input.
  public static let paddingTooLarge = DiagnosticCode(
    "layer.padding-too-large", .error,
    summary: "Padding is larger than half the pooling window or than its input.")
}
