/// A named integer quantity in a dimension formula: a named constant (`hidden`), a layer
/// attribute (`linear_1.out_features`, `conv_1.kernel_size[0]`) or a free dimension (`N`).
///
/// Symbols are ordered by name, which fixes the order of terms in a canonical `Dim`.
public struct Symbol: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The name as printed, for example `linear_1.out_features`.
  public let name: String

  /// Creates the symbol called `name`.
  public init(_ name: String) {
    self.name = name
  }

  /// Orders symbols by `name`, using `String` comparison.
  public static func < (lhs: Symbol, rhs: Symbol) -> Bool {
    lhs.name < rhs.name
  }

  /// The name.
  public var description: String { name }
}
