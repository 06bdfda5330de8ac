import ShapeSource
import ShapeSymbolic

/// A constructed layer: its kind, its name in the model, and its resolved arguments.
public struct LayerInstance: Sendable {
  /// The layer's name as `state_dict()` would prefix it: `linear_1`, or `simple_net.0` for an
  /// unnamed layer inside a Sequential.
  public var name: String
  public var kind: any LayerKind
  /// Every argument of the kind, given or defaulted.
  public var arguments: [String: ArgumentValue]
  /// The source range of each argument's value, for the arguments that were written, and of
  /// each entry of a written tuple or list, under names such as `normalized_shape[1]`.
  public var argumentRanges: [String: SourceRange]
  /// The range of the whole constructor call.
  public var callRange: SourceRange
  /// The position in file order at which the layer was constructed; parameters are
  /// initialized in this order, as PyTorch does when the constructors run.
  public var constructionIndex: Int

  public init(
    name: String, kind: any LayerKind, arguments: [String: ArgumentValue],
    argumentRanges: [String: SourceRange], callRange: SourceRange, constructionIndex: Int
  ) {
    self.name = name
    self.kind = kind
    self.arguments = arguments
    self.argumentRanges = argumentRanges
    self.callRange = callRange
    self.constructionIndex = constructionIndex
  }

  /// Returns the symbol of a shape-constant argument, such as `linear_1.out_features`.
  public func symbol(_ argument: String) -> Symbol {
    Symbol("\(name).\(argument)")
  }

  /// Returns the dimension that a shape-constant argument sets, with the argument as its origin.
  public func dimension(_ argument: String) -> ShapeDim {
    let symbol = symbol(argument)
    let range = range(of: argument)
    let origin = DimOrigin(
      description: "'\(symbol.name)'", range: range, layerName: name, symbol: symbol)
    return ShapeDim(.symbol(symbol), origin: origin)
  }

  /// Returns the range to point at for an argument: its value when written, else the call.
  /// An entry such as `normalized_shape[1]` that is not written in place, because the
  /// argument is a name bound to a tuple, points at the whole argument.
  public func range(of argument: String) -> SourceRange {
    if let range = argumentRanges[argument] {
      return range
    }
    if let bracket = argument.firstIndex(of: "["), let range = argumentRanges[String(argument[..<bracket])] {
      return range
    }
    return callRange
  }

  public func integer(_ argument: String) -> Int? {
    if case .integer(let value)? = arguments[argument] { return value }
    return nil
  }

  public func boolean(_ argument: String) -> Bool? {
    if case .boolean(let value)? = arguments[argument] { return value }
    return nil
  }

  public func float(_ argument: String) -> Double? {
    switch arguments[argument] {
    case .float(let value)?: value
    case .integer(let value)?: Double(value)
    default: nil
    }
  }

  public func string(_ argument: String) -> String? {
    if case .string(let value)? = arguments[argument] { return value }
    return nil
  }

  public func sizes(_ argument: String) -> [Int]? {
    if case .sizes(let values)? = arguments[argument] { return values }
    return nil
  }
}
