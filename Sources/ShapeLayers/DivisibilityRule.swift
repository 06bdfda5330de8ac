/// A rule between a layer's arguments that is not an equality: `divisor` must divide each of
/// `multiples`, as a convolution's `groups` must divide its `in_channels` and `out_channels`.
///
/// `validate` reports a broken rule; `explain` uses the rule to tell that such a constant
/// cannot take every value, although no shape requirement names it.
public struct DivisibilityRule: Sendable, Hashable {
  /// The argument that splits the others, such as `groups`.
  public var divisor: String
  /// The arguments that must be multiples of the divisor, such as `in_channels`.
  public var multiples: [String]
  /// The reason for the rule, in words, such as `'conv' splits its channels into groups of equal size`.
  public var reason: String

  public init(divisor: String, multiples: [String], reason: String) {
    self.divisor = divisor
    self.multiples = multiples
    self.reason = reason
  }
}
