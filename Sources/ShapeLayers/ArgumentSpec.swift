/// One constructor argument of a layer kind, in PyTorch's order, with its type and default.
public struct ArgumentSpec: Sendable {
  public var name: String
  public var type: ArgumentType
  /// The value used when the argument is omitted; nil makes the argument required.
  public var defaultValue: ArgumentValue?
  /// Whether the argument is a size that shapes depend on. Shape constants get a symbol
  /// (`linear_1.out_features`) that formulas refer to; other arguments, such as a dropout
  /// probability, are reported as not affecting shapes.
  public var isShapeConstant: Bool

  public init(
    _ name: String, _ type: ArgumentType, default defaultValue: ArgumentValue? = nil,
    shapeConstant: Bool = false
  ) {
    self.name = name
    self.type = type
    self.defaultValue = defaultValue
    self.isShapeConstant = shapeConstant
  }

  /// A required size argument such as `in_features`, at least `minimum`.
  public static func size(_ name: String, minimum: Int = 1) -> ArgumentSpec {
    ArgumentSpec(name, .integer(minimum: minimum), shapeConstant: true)
  }

  /// PyTorch's `device` and `dtype` factory arguments, accepted and ignored for shapes.
  public static let factoryArguments: [ArgumentSpec] = [
    ArgumentSpec("device", .any, default: ArgumentValue.none),
    ArgumentSpec("dtype", .any, default: ArgumentValue.none),
  ]
}

/// The accepted type of an argument value.
public indirect enum ArgumentType: Sendable, CustomStringConvertible {
  /// An integer of at least `minimum`.
  case integer(minimum: Int)
  /// A dimension index, which may be negative (`dim=-1`).
  case dimensionIndex
  /// A number; integers are accepted where PyTorch accepts them. Bounds are inclusive.
  case float(minimum: Double?, maximum: Double?)
  case boolean
  /// One of the listed strings.
  case string(allowed: [String])
  /// `None` or a value of the wrapped type.
  case optional(ArgumentType)
  /// A tuple (or list) of integers of at least `minimum`, of any length of at least one.
  case sizes(minimum: Int)
  /// An integer of at least `minimum` or a tuple of exactly `count` such integers, one per
  /// spatial dimension, such as `kernel_size=5` or `kernel_size=(3, 5)`. A single integer is
  /// stored as a tuple that repeats it, as PyTorch stores it.
  case spatial(count: Int, minimum: Int)
  /// An integer of at least 1, `None`, or a tuple of `count` entries that are each one of
  /// those, as the `output_size` of adaptive pooling takes it. `None` is stored as -1.
  case spatialOrNone(count: Int)
  /// A value of the first of these types that accepts it.
  case either([ArgumentType])
  /// Anything; the layer ignores the value (`device`, `dtype`).
  case any

  public var description: String {
    switch self {
    case .integer(let minimum): minimum == 1 ? "a positive integer" : "an integer ≥ \(minimum)"
    case .dimensionIndex: "an integer dimension index"
    case .float(let minimum?, let maximum?): "a number from \(bound(minimum)) to \(bound(maximum))"
    case .float(let minimum?, nil): "a number of at least \(bound(minimum))"
    case .float(nil, let maximum?): "a number of at most \(bound(maximum))"
    case .float(nil, nil): "a number"
    case .boolean: "'True' or 'False'"
    case .string(let allowed): "one of " + allowed.map { "'\($0)'" }.joined(separator: ", ")
    case .optional(let wrapped): "'None' or \(wrapped)"
    case .sizes: "a positive integer or a tuple of positive integers"
    case .spatial(let count, let minimum):
      (minimum == 1 ? "a positive integer" : "an integer ≥ \(minimum)")
        + " or a tuple of \(count) such integers"
    case .spatialOrNone(let count):
      "a positive integer, 'None' or a tuple of \(count) such values"
    case .either(let types): types.map(\.description).joined(separator: ", or ")
    case .any: "any value"
    }
  }

  /// Formats a bound without a fraction when it is whole: `0`, `1`, `0.5`.
  private func bound(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}

/// A resolved constructor argument value.
public enum ArgumentValue: Sendable, Hashable, CustomStringConvertible {
  case integer(Int)
  case float(Double)
  case boolean(Bool)
  case string(String)
  case none
  case sizes([Int])

  public var description: String {
    switch self {
    case .integer(let value): String(value)
    case .float(let value): String(value)
    case .boolean(let value): value ? "True" : "False"
    case .string(let value): "'\(value)'"
    case .none: "None"
    case .sizes(let values): "(" + values.map(String.init).joined(separator: ", ") + (values.count == 1 ? ",)" : ")")
    }
  }
}
