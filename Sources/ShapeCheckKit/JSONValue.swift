import Foundation

/// A JSON document as a value: what the JSON reporters build and the configuration reader
/// decodes.
///
/// Decoding keeps `true` apart from `1`, which Foundation's untyped `JSONSerialization` result
/// does not do on every platform.
public enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// The value as the Foundation objects that `JSONSerialization` writes.
  func foundationObject() -> Any {
    switch self {
    case .null: NSNull()
    case .bool(let value): NSNumber(value: value)
    case .int(let value): NSNumber(value: value)
    case .double(let value): NSNumber(value: value)
    case .string(let value): value
    case .array(let values): values.map { $0.foundationObject() }
    case .object(let members): members.mapValues { $0.foundationObject() }
    }
  }

  /// The document as pretty-printed JSON with sorted keys and unescaped slashes, ending in a
  /// newline, so that equal values always render to equal text.
  public func rendered() -> String {
    let options: JSONSerialization.WritingOptions = [
      .prettyPrinted, .sortedKeys, .withoutEscapingSlashes,
    ]
    do {
      let data = try JSONSerialization.data(withJSONObject: foundationObject(), options: options)
      return String(decoding: data, as: UTF8.self) + "\n"
    } catch {
      // Only a top-level scalar or a non-finite double can fail; reporters never build either.
      return "null\n"
    }
  }

  /// An integer, or null when `value` is nil.
  static func optionalInt(_ value: Int?) -> JSONValue {
    value.map(JSONValue.int) ?? .null
  }
}

extension JSONValue: Decodable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Int.self) {
      self = .int(value)
    } else if let value = try? container.decode(Double.self) {
      self = .double(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  /// Parses a JSON document; throws `DecodingError` for text that is not JSON.
  public static func parse(_ bytes: [UInt8]) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
  }
}
