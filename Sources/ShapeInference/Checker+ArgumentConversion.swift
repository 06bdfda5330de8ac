import ShapeDiagnostics
import ShapeLayers
import ShapeSource
import ShapeSyntax

extension Checker {
  /// Converts an evaluated argument to the spec's type, reporting a value of the wrong type or
  /// out of range at the argument.
  func convert(_ value: Value, to spec: ArgumentSpec, layerName: String, expression: Expression)
    -> ArgumentValue?
  {
    // An unknown value, or a tuple with one, comes from an error already reported.
    if isOrContainsUnknown(value) { return nil }
    if let converted = convert(value, to: spec.type) {
      return converted
    }
    if reportInvalidEntry(of: value, to: spec, layerName: layerName, expression: expression) {
      return nil
    }
    report(
      .invalidArgument,
      "'\(spec.name)' of '\(layerName)' must be \(spec.type), but is \(describe(value))",
      at: expression.range, facts: ["expected": spec.type.description, "actual": describe(value)])
    return nil
  }

  /// Reports the first entry of a tuple or list that a sizes argument rejects, at that entry
  /// when it is written in place, and returns whether it found one.
  private func reportInvalidEntry(
    of value: Value, to spec: ArgumentSpec, layerName: String, expression: Expression
  ) -> Bool {
    guard case .sizes(let minimum) = spec.type else { return false }
    let items: [Value]
    switch value {
    case .tuple(let values), .list(let values): items = values
    default: return false
    }
    guard let index = items.firstIndex(where: { convertSizes([$0], minimum: minimum) == nil }) else {
      return false
    }
    var range = expression.range
    switch expression.kind {
    case .tuple(let entries) where entries.count == items.count, .list(let entries) where entries.count == items.count:
      range = entries[index].range
    default:
      break
    }
    let expected = minimum == 1 ? "a positive integer" : "an integer of at least \(minimum)"
    report(
      .invalidArgument,
      "entry \(index) of '\(spec.name)' of '\(layerName)' must be \(expected), but is \(describe(items[index]))",
      at: range, facts: ["expected": expected, "actual": describe(items[index])])
    return true
  }

  private func isOrContainsUnknown(_ value: Value) -> Bool {
    switch value {
    case .unknown: true
    case .tuple(let items), .list(let items): items.contains(where: isOrContainsUnknown)
    default: false
    }
  }

  private func describe(_ value: Value) -> String {
    switch value {
    case .integer(let integer): integer.value.map(String.init) ?? "'\(integer.formula)', which depends on a free dimension"
    case .float(let number): String(number)
    case .boolean(let flag): flag ? "True" : "False"
    case .string(let text): "the string '\(text)'"
    case .tuple(let items) where items.isEmpty: "an empty tuple"
    case .list(let items) where items.isEmpty: "an empty list"
    default: value.kindDescription
    }
  }

  private func convert(_ value: Value, to type: ArgumentType) -> ArgumentValue? {
    switch (type, value) {
    case (.any, _):
      // `ArgumentValue.none`, not nil: a bare `.none` here would be `Optional.none`, which
      // rejects every value.
      return ArgumentValue.none
    case (.integer(let minimum), .integer(let integer)):
      guard let number = integer.value, number >= minimum else { return nil }
      return .integer(number)
    case (.dimensionIndex, .integer(let integer)):
      return integer.value.map(ArgumentValue.integer)
    case (.float(let minimum, let maximum), _):
      return convertFloat(value, minimum: minimum, maximum: maximum)
    case (.boolean, .boolean(let flag)):
      return .boolean(flag)
    case (.string(let allowed), .string(let text)):
      return allowed.contains(text) ? .string(text) : nil
    case (.optional, .none):
      return ArgumentValue.none
    case (.optional(let wrapped), _):
      return convert(value, to: wrapped)
    case (.sizes(let minimum), .tuple(let items)), (.sizes(let minimum), .list(let items)):
      return convertSizes(items, minimum: minimum)
    case (.sizes(let minimum), .integer):
      return convertSizes([value], minimum: minimum)
    case (.spatial(let count, let minimum), .integer):
      return convertSizes(Array(repeating: value, count: count), minimum: minimum)
    case (.spatial(let count, let minimum), .tuple(let items)),
      (.spatial(let count, let minimum), .list(let items)):
      return items.count == count ? convertSizes(items, minimum: minimum) : nil
    case (.spatialOrNone(let count), .tuple(let items)),
      (.spatialOrNone(let count), .list(let items)):
      return items.count == count ? convertSizesOrNone(items) : nil
    case (.spatialOrNone(let count), _):
      return convertSizesOrNone(Array(repeating: value, count: count))
    case (.either(let types), _):
      return types.lazy.compactMap { self.convert(value, to: $0) }.first
    default:
      return nil
    }
  }

  /// Converts positive integers and `None`, which becomes -1.
  private func convertSizesOrNone(_ items: [Value]) -> ArgumentValue? {
    var sizes: [Int] = []
    for item in items {
      switch item {
      case .none:
        sizes.append(-1)
      case .integer(let integer):
        guard let number = integer.value, number >= 1 else { return nil }
        sizes.append(number)
      default:
        return nil
      }
    }
    return sizes.isEmpty ? nil : .sizes(sizes)
  }

  private func convertFloat(_ value: Value, minimum: Double?, maximum: Double?) -> ArgumentValue? {
    let number: Double
    switch value {
    case .float(let float): number = float
    case .integer(let integer):
      guard let exact = integer.value else { return nil }
      number = Double(exact)
    default: return nil
    }
    guard number.isFinite || (minimum == nil && maximum == nil) else { return nil }
    if let minimum, !(number >= minimum) { return nil }
    if let maximum, !(number <= maximum) { return nil }
    return .float(number)
  }

  private func convertSizes(_ items: [Value], minimum: Int) -> ArgumentValue? {
    guard !items.isEmpty else { return nil }
    var sizes: [Int] = []
    for item in items {
      guard case .integer(let integer) = item, let number = integer.value, number >= minimum else {
        return nil
      }
      sizes.append(number)
    }
    return .sizes(sizes)
  }
}
