import ShapeDiagnostics

/// A lower bound on an incoming dimension whose value the layer cannot know, such as a free
/// height `H` that a convolution window must fit in. The checker works out for which values of
/// the free dimension the bound holds and reports them.
public struct DimCondition: Sendable {
  public var code: DiagnosticCode
  /// The argument to point at, such as `kernel_size`.
  public var argument: String
  /// The axis of the input shape that the bound is about, counted from 0.
  public var inputAxis: Int
  /// The smallest value the incoming dimension may take.
  public var minimum: Int
  /// Why the bound exists, completing "because …", such as
  /// `the window of 'conv_1' spans 5 elements and the padding adds 0`.
  public var reason: String

  public init(code: DiagnosticCode, argument: String, inputAxis: Int, minimum: Int, reason: String) {
    self.code = code
    self.argument = argument
    self.inputAxis = inputAxis
    self.minimum = minimum
    self.reason = reason
  }
}
