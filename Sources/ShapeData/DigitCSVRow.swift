/// One data row of a digit CSV file.
struct DigitCSVRow: Equatable {
  /// The label, as the decimal integer in canonical form (no sign for zero, no leading zeros).
  var label: String
  /// The 784 pixel values in row-major order.
  var pixels: [UInt8]
}

/// The field scanner for one line of a digit CSV file.
///
/// It walks the bytes once and stops as soon as the field count is known to be wrong, so a line
/// with a million fields costs a count of its commas and no allocation.
struct DigitCSVLine {
  /// The bytes of the whole file.
  let bytes: [UInt8]
  /// The line's bytes, without the line ending.
  let range: Range<Int>
  /// The 1-based line number.
  let number: Int

  /// Returns the byte ranges of the fields, throwing unless there are exactly `expectedCount`.
  func fieldRanges(expectedCount: Int) throws(DigitCSVError) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    ranges.reserveCapacity(expectedCount)
    var fieldStart = range.lowerBound
    for index in range where bytes[index] == UInt8(ascii: ",") {
      guard ranges.count + 1 < expectedCount else {
        throw .wrongFieldCount(line: number, expected: expectedCount, found: countFields())
      }
      ranges.append(fieldStart..<index)
      fieldStart = index + 1
    }
    ranges.append(fieldStart..<range.upperBound)
    guard ranges.count == expectedCount else {
      throw .wrongFieldCount(line: number, expected: expectedCount, found: ranges.count)
    }
    return ranges
  }

  /// Counts the fields without storing them.
  func countFields() -> Int {
    var count = 1
    for index in range where bytes[index] == UInt8(ascii: ",") {
      count += 1
    }
    return count
  }

  /// Returns the field's bytes without surrounding spaces and tabs.
  func trimmed(_ field: Range<Int>) -> Range<Int> {
    var lower = field.lowerBound
    var upper = field.upperBound
    while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
    while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
    return lower..<upper
  }

  /// Returns the field's text for messages, shortened to 20 characters.
  func text(_ field: Range<Int>) -> String {
    let trimmedField = trimmed(field)
    let visible =
      trimmedField.lowerBound..<min(trimmedField.upperBound, trimmedField.lowerBound + 20)
    let text = String(decoding: bytes[visible], as: UTF8.self)
    return visible.count < trimmedField.count ? text + "…" : text
  }

  /// Parses a field as a decimal integer with an optional sign, or returns nil.
  ///
  /// Values beyond 18 digits are rejected, so the accumulation cannot overflow.
  func integer(_ field: Range<Int>) -> Int? {
    var digits = trimmed(field)
    var isNegative = false
    if let first = digits.first,
      bytes[first] == UInt8(ascii: "-") || bytes[first] == UInt8(ascii: "+")
    {
      isNegative = bytes[first] == UInt8(ascii: "-")
      digits = (first + 1)..<digits.upperBound
    }
    guard !digits.isEmpty, digits.count <= 18 else { return nil }
    var value = 0
    for index in digits {
      let byte = bytes[index]
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return isNegative ? -value : value
  }

  /// Returns whether the field, without spaces and an opening double quote, starts with a letter
  /// or `_`.
  func startsWithLetter(_ field: Range<Int>) -> Bool {
    let name = trimmed(field)
    guard var first = name.first else { return false }
    if bytes[first] == UInt8(ascii: "\""), name.count > 1 {
      first += 1
    }
    let byte = bytes[first] | 0x20
    return byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
      || bytes[first] == UInt8(ascii: "_")
  }

  /// Returns the field as a lowercased header name without spaces and one pair of double quotes.
  func headerName(_ field: Range<Int>) -> String {
    var name = trimmed(field)
    if name.count >= 2, bytes[name.lowerBound] == UInt8(ascii: "\""),
      bytes[name.upperBound - 1] == UInt8(ascii: "\"")
    {
      name = (name.lowerBound + 1)..<(name.upperBound - 1)
    }
    return String(decoding: bytes[name], as: UTF8.self).lowercased()
  }
}
