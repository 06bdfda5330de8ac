extension SafetensorsJSONParser {
  /// Parses a string literal starting at its opening quote, decoding escapes.
  ///
  /// The caller has checked that the whole header is UTF-8, so raw bytes are copied as they are.
  /// A `\u` escape of a lone surrogate is rejected because it encodes no character.
  mutating func parseString() throws(SafetensorsError) -> String {
    index += 1
    var utf8: [UInt8] = []
    while true {
      guard let byte = current else {
        throw .invalidJSON(offset: index, expected: "'\"' to end the string")
      }
      index += 1
      switch byte {
      case UInt8(ascii: "\""):
        return String(decoding: utf8, as: UTF8.self)
      case UInt8(ascii: "\\"):
        try appendEscape(to: &utf8)
      case 0..<0x20:
        throw .invalidJSON(offset: index - 1, expected: "no control character in a string")
      default:
        utf8.append(byte)
      }
    }
  }

  private mutating func appendEscape(to utf8: inout [UInt8]) throws(SafetensorsError) {
    guard let byte = current else { throw .invalidJSON(offset: index, expected: "an escape") }
    index += 1
    let simple: [UInt8: UInt8] = [
      UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F,
      UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A,
      UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
    ]
    if let replacement = simple[byte] {
      utf8.append(replacement)
      return
    }
    guard byte == UInt8(ascii: "u") else {
      throw .invalidJSON(offset: index - 1, expected: "a valid escape character")
    }
    let scalar = try parseUnicodeEscape()
    utf8.append(contentsOf: String(Character(scalar)).utf8)
  }

  /// Parses the hex digits after `\u`, joining a surrogate pair into one scalar.
  private mutating func parseUnicodeEscape() throws(SafetensorsError) -> Unicode.Scalar {
    let start = index - 2
    let first = try parseHexQuad()
    var value = UInt32(first)
    if (0xD800..<0xDC00).contains(first) {
      guard current == UInt8(ascii: "\\") else {
        throw .invalidJSON(offset: index, expected: "a low surrogate escape")
      }
      index += 1
      try expectByte(UInt8(ascii: "u"))
      let second = try parseHexQuad()
      guard (0xDC00..<0xE000).contains(second) else {
        throw .invalidJSON(offset: index - 6, expected: "a low surrogate escape")
      }
      value = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
    }
    guard let scalar = Unicode.Scalar(value) else {
      throw .invalidJSON(offset: start, expected: "an escape of a Unicode scalar")
    }
    return scalar
  }

  private mutating func expectByte(_ byte: UInt8) throws(SafetensorsError) {
    guard current == byte else {
      throw .invalidJSON(offset: index, expected: "'\(Character(Unicode.Scalar(byte)))'")
    }
    index += 1
  }

  private mutating func parseHexQuad() throws(SafetensorsError) -> UInt16 {
    var value: UInt16 = 0
    for _ in 0..<4 {
      guard let byte = current, let digit = Self.hexDigitValue(byte) else {
        throw .invalidJSON(offset: index, expected: "four hex digits after '\\u'")
      }
      value = value << 4 | UInt16(digit)
      index += 1
    }
    return value
  }

  private static func hexDigitValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}
