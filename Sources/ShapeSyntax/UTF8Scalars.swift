/// Decodes the Unicode scalar that starts at `offset`, returning it with its length in bytes,
/// or nil when the bytes there are not valid UTF-8 (including overlong forms and surrogates).
func decodeScalar(in bytes: [UInt8], at offset: Int) -> (scalar: Unicode.Scalar, length: Int)? {
  guard offset >= 0, offset < bytes.count else { return nil }
  let lead = bytes[offset]
  if lead < 0x80 {
    return (Unicode.Scalar(lead), 1)
  }
  let length: Int
  let initial: UInt32
  let minimum: UInt32
  switch lead {
  case 0xC2...0xDF: (length, initial, minimum) = (2, UInt32(lead & 0x1F), 0x80)
  case 0xE0...0xEF: (length, initial, minimum) = (3, UInt32(lead & 0x0F), 0x800)
  case 0xF0...0xF4: (length, initial, minimum) = (4, UInt32(lead & 0x07), 0x10000)
  default: return nil
  }
  guard offset + length <= bytes.count else { return nil }
  var value = initial
  for index in (offset + 1)..<(offset + length) {
    let byte = bytes[index]
    guard byte & 0xC0 == 0x80 else { return nil }
    value = (value << 6) | UInt32(byte & 0x3F)
  }
  guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
  return (scalar, length)
}

/// Returns the offset of the first byte that does not start a valid UTF-8 sequence.
func firstInvalidUTF8Offset(in bytes: [UInt8], from start: Int) -> Int? {
  var offset = start
  while offset < bytes.count {
    if bytes[offset] < 0x80 {
      offset += 1
    } else if let decoded = decodeScalar(in: bytes, at: offset) {
      offset += decoded.length
    } else {
      return offset
    }
  }
  return nil
}
