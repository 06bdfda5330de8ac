import ShapeDiagnostics
import ShapeSource

extension Lexer {
  /// Lexes an integer or float literal starting at a digit or at a `.` before a digit.
  ///
  /// Decimal integers keep their text as written, underscores included. Hexadecimal, octal
  /// and binary integers are converted to decimal digits with overflow checks.
  mutating func lexNumber() {
    let start = offset
    if bytes[offset] == UInt8(ascii: "0"), let marker = peek(1),
      let radix = radix(ofMarker: marker)
    {
      offset += 2
      lexRadixInteger(start: start, radix: radix)
      return
    }
    var wellFormed = true
    var isFloat = false
    if bytes[offset] != UInt8(ascii: ".") {
      wellFormed = scanDigits(radix: 10) && wellFormed
    }
    if peek(0) == UInt8(ascii: ".") {
      isFloat = true
      offset += 1
      if isDigit(peek(0)) {
        wellFormed = scanDigits(radix: 10) && wellFormed
      }
    }
    if let marker = peek(0), marker | 0x20 == UInt8(ascii: "e"), exponentFollows() {
      isFloat = true
      offset += 1
      if peek(0) == UInt8(ascii: "+") || peek(0) == UInt8(ascii: "-") {
        offset += 1
      }
      wellFormed = scanDigits(radix: 10) && wellFormed
    }
    finishDecimal(start: start, wellFormed: wellFormed, isFloat: isFloat)
  }

  private mutating func finishDecimal(start: Int, wellFormed: Bool, isFloat: Bool) {
    if let next = peek(0), next | 0x20 == UInt8(ascii: "j") {
      offset += 1
      emitInvalid(
        from: start, code: .syntaxUnsupportedExpression,
        message: "imaginary number literals are not part of the model language")
      return
    }
    if consumeTrailingNameCharacters() || !wellFormed {
      let text = source.text(in: SourceRange(start: start, end: offset))
      emitInvalid(
        from: start, code: .syntaxInvalidNumber, message: "invalid number literal '\(text)'")
      return
    }
    let text = source.text(in: SourceRange(start: start, end: offset))
    if isFloat {
      let index = emit(.float, from: start, text: text)
      output.tokens[index].floatValue = Double(text.filter { $0 != "_" }) ?? .nan
      return
    }
    let digits = text.filter { $0 != "_" }
    if digits.count > 1, digits.first == "0", digits.contains(where: { $0 != "0" }) {
      emitInvalid(
        from: start, code: .syntaxInvalidNumber,
        message: "leading zeros are not allowed in decimal integer '\(text)'; "
          + "use the prefix '0o' for an octal integer")
      return
    }
    emit(.integer, from: start, text: text)
  }

  private mutating func lexRadixInteger(start: Int, radix: Int) {
    // Python allows one underscore right after the prefix, as in `0x_FF`.
    if peek(0) == UInt8(ascii: "_") {
      offset += 1
    }
    let digitsStart = offset
    var wellFormed = scanDigits(radix: radix)
    let digitsEnd = offset
    if consumeTrailingNameCharacters() {
      wellFormed = false
    }
    let text = source.text(in: SourceRange(start: start, end: offset))
    guard wellFormed else {
      emitInvalid(
        from: start, code: .syntaxInvalidNumber, message: "invalid number literal '\(text)'")
      return
    }
    var value = 0
    for byte in bytes[digitsStart..<digitsEnd] where byte != UInt8(ascii: "_") {
      let digit = digitValue(byte) ?? 0
      let (shifted, overflowA) = value.multipliedReportingOverflow(by: radix)
      let (sum, overflowB) = shifted.addingReportingOverflow(digit)
      if overflowA || overflowB {
        emitInvalid(
          from: start, code: .syntaxIntegerTooLarge,
          message: "integer literal '\(text)' is too large; the maximum is \(Int.max)")
        return
      }
      value = sum
    }
    emit(.integer, from: start, text: String(value))
  }

  /// Consumes digits of `radix` and underscores. Returns whether there was at least one digit
  /// and every underscore was between two digits.
  private mutating func scanDigits(radix: Int) -> Bool {
    var sawDigit = false
    var wellFormed = true
    var previousWasUnderscore = false
    while let byte = peek(0) {
      if let digit = digitValue(byte), digit < radix {
        sawDigit = true
        previousWasUnderscore = false
      } else if byte == UInt8(ascii: "_") {
        if previousWasUnderscore || !sawDigit {
          wellFormed = false
        }
        previousWasUnderscore = true
      } else {
        break
      }
      offset += 1
    }
    return sawDigit && wellFormed && !previousWasUnderscore
  }

  /// Consumes letters, digits and underscores glued to a number, as in `1abc`.
  private mutating func consumeTrailingNameCharacters() -> Bool {
    var consumed = false
    while let byte = peek(0), isNameContinue(byte) {
      offset += 1
      consumed = true
    }
    return consumed
  }

  /// Returns whether an `e` at the current offset starts an exponent rather than a name.
  private func exponentFollows() -> Bool {
    if isDigit(peek(1)) {
      return true
    }
    let sign = peek(1)
    return (sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-")) && isDigit(peek(2))
  }

  private func radix(ofMarker marker: UInt8) -> Int? {
    switch marker | 0x20 {
    case UInt8(ascii: "x"): 16
    case UInt8(ascii: "o"): 8
    case UInt8(ascii: "b"): 2
    default: nil
    }
  }

  private func digitValue(_ byte: UInt8) -> Int? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
    default: nil
    }
  }
}
