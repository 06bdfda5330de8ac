/// Size and depth limits that keep parsing fast and the syntax tree shallow on hostile input.
///
/// Later passes recurse over the tree, so the depth limits also bound their stack use. The
/// parser's own recursion grows with both depths, so raising them far above the defaults
/// raises its stack use in proportion.
public struct ParserLimits: Sendable, Hashable {
  /// Maximum size of a source file in bytes. A larger file gives one error and an empty tree.
  public var maxSourceBytes: Int = 8 << 20
  /// Maximum number of brackets open at the same time.
  public var maxNestingDepth: Int = 100
  /// Maximum depth of an expression tree, counting a leaf as depth 1.
  public var maxExpressionDepth: Int = 200

  /// Creates limits whose arguments default to the values in `standard`.
  public init(maxSourceBytes: Int = 8 << 20, maxNestingDepth: Int = 100,
              maxExpressionDepth: Int = 200) {
    self.maxSourceBytes = maxSourceBytes
    self.maxNestingDepth = maxNestingDepth
    self.maxExpressionDepth = maxExpressionDepth
  }

  /// The defaults: 8 MiB of source, 100 open brackets, expression trees 200 levels deep.
  public static let standard = ParserLimits()
}
