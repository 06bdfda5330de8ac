/// A JSON value from a safetensors header, with object members in file order.
///
/// Numbers keep their text so that integers too large for `Int` or `Double` are detected
/// instead of being rounded.
indirect enum SafetensorsJSONValue {
  case object([(key: String, value: SafetensorsJSONValue)])
  case array([SafetensorsJSONValue])
  case string(String)
  case number(String)
  case bool(Bool)
  case null

  /// The value as an `Int` when it is a JSON integer without fraction or exponent that fits.
  var intValue: Int? {
    guard case .number(let text) = self else { return nil }
    return Int(text)
  }
}

/// A JSON parser (RFC 8259) for safetensors headers that rejects duplicate object keys.
///
/// Foundation's `JSONSerialization` keeps one of two duplicate keys silently and turns large
/// integers into doubles, so the header is parsed here instead.
struct SafetensorsJSONParser {
  /// The deepest nesting of arrays and objects accepted; deeper input is rejected, so the
  /// recursion depth stays bounded.
  static let maxDepth = 64

  private let bytes: [UInt8]
  /// The offset of the next byte to read.
  var index = 0

  /// Parses `bytes` as one JSON value surrounded by optional whitespace.
  static func parse(_ bytes: [UInt8]) throws(SafetensorsError) -> SafetensorsJSONValue {
    var parser = SafetensorsJSONParser(bytes: bytes)
    parser.skipWhitespace()
    let value = try parser.parseValue(depth: 0)
    parser.skipWhitespace()
    guard parser.index == bytes.count else {
      throw .invalidJSON(offset: parser.index, expected: "end of header")
    }
    return value
  }

  private init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  var current: UInt8? { index < bytes.count ? bytes[index] : nil }

  private mutating func skipWhitespace() {
    while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
      index += 1
    }
  }

  private mutating func expect(_ byte: UInt8, _ name: String) throws(SafetensorsError) {
    guard current == byte else { throw .invalidJSON(offset: index, expected: name) }
    index += 1
  }

  private mutating func parseValue(depth: Int) throws(SafetensorsError) -> SafetensorsJSONValue {
    guard let byte = current else { throw .invalidJSON(offset: index, expected: "a value") }
    switch byte {
    case UInt8(ascii: "{"):
      return try parseObject(depth: depth + 1)
    case UInt8(ascii: "["):
      return try parseArray(depth: depth + 1)
    case UInt8(ascii: "\""):
      return .string(try parseString())
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return .number(try parseNumber())
    case UInt8(ascii: "t"):
      try parseLiteral("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try parseLiteral("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try parseLiteral("null")
      return .null
    default:
      throw .invalidJSON(offset: index, expected: "a value")
    }
  }

  private mutating func parseLiteral(_ literal: String) throws(SafetensorsError) {
    for byte in literal.utf8 {
      try expect(byte, "'\(literal)'")
    }
  }

  private mutating func parseObject(depth: Int) throws(SafetensorsError) -> SafetensorsJSONValue {
    guard depth <= Self.maxDepth else { throw .nestingTooDeep(offset: index, limit: Self.maxDepth) }
    index += 1
    var members: [(key: String, value: SafetensorsJSONValue)] = []
    var keys: Set<String> = []
    skipWhitespace()
    if current == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard current == UInt8(ascii: "\"") else {
        throw .invalidJSON(offset: index, expected: "a string key")
      }
      let key = try parseString()
      guard keys.insert(key).inserted else { throw .duplicateKey(key: key) }
      skipWhitespace()
      try expect(UInt8(ascii: ":"), "':' after an object key")
      skipWhitespace()
      members.append((key, try parseValue(depth: depth)))
      skipWhitespace()
      if current == UInt8(ascii: ",") {
        index += 1
        continue
      }
      try expect(UInt8(ascii: "}"), "',' or '}' in an object")
      return .object(members)
    }
  }

  private mutating func parseArray(depth: Int) throws(SafetensorsError) -> SafetensorsJSONValue {
    guard depth <= Self.maxDepth else { throw .nestingTooDeep(offset: index, limit: Self.maxDepth) }
    index += 1
    var elements: [SafetensorsJSONValue] = []
    skipWhitespace()
    if current == UInt8(ascii: "]") {
      index += 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue(depth: depth))
      skipWhitespace()
      if current == UInt8(ascii: ",") {
        index += 1
        continue
      }
      try expect(UInt8(ascii: "]"), "',' or ']' in an array")
      return .array(elements)
    }
  }

  /// Parses a number's text: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
  private mutating func parseNumber() throws(SafetensorsError) -> String {
    let start = index
    if current == UInt8(ascii: "-") { index += 1 }
    if current == UInt8(ascii: "0") {
      index += 1
    } else {
      try skipDigits()
    }
    if current == UInt8(ascii: ".") {
      index += 1
      try skipDigits()
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      index += 1
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
      try skipDigits()
    }
    return String(decoding: bytes[start..<index], as: UTF8.self)
  }

  private mutating func skipDigits() throws(SafetensorsError) {
    let start = index
    while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
      index += 1
    }
    guard index > start else { throw .invalidJSON(offset: index, expected: "a digit") }
  }
}
