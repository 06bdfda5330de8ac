import ShapeSource
import ShapeSymbolic

/// One dimension of an inferred shape: its formula and the place that set it.
public struct ShapeDim: Sendable, Hashable {
  public var formula: Dim
  /// The constant or declaration that produced this dimension, for notes that point at the
  /// producer of a mismatched dimension; nil for dimensions computed from several places.
  public var origin: DimOrigin?

  public init(_ formula: Dim, origin: DimOrigin? = nil) {
    self.formula = formula
    self.origin = origin
  }
}

/// The place that set a dimension: a layer argument, a named constant or an input declaration.
public struct DimOrigin: Sendable, Hashable {
  /// The place's name in messages, such as `'linear_1.out_features'`.
  public var description: String
  public var range: SourceRange
  /// The layer that produced the dimension, when a layer did.
  public var layerName: String?
  /// The symbol whose value is this dimension, when one constant sets it.
  public var symbol: Symbol?
  /// How a computed size came about, one step per layer in order, such as
  /// `'pool_1' maps 28 to 14: (28 - 2) // 2 + 1`; empty for a size set in one place.
  public var derivation: [String]

  public init(
    description: String, range: SourceRange, layerName: String? = nil, symbol: Symbol? = nil,
    derivation: [String] = []
  ) {
    self.description = description
    self.range = range
    self.layerName = layerName
    self.symbol = symbol
    self.derivation = derivation
  }
}
