/// Builds safetensors file bytes for tests from a header text and a buffer.
enum SafetensorsTestFile {
  /// Returns the length field, the header's UTF-8 bytes and the buffer, concatenated.
  static func bytes(header: String, buffer: [UInt8] = []) -> [UInt8] {
    let headerBytes = Array(header.utf8)
    return lengthField(UInt64(headerBytes.count)) + headerBytes + buffer
  }

  /// Returns a little-endian 8-byte header length field.
  static func lengthField(_ length: UInt64) -> [UInt8] {
    (0..<8).map { UInt8(truncatingIfNeeded: length >> (8 * UInt64($0))) }
  }

  /// Returns the little-endian bytes of the values' bit patterns.
  static func littleEndian<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
    values.flatMap { value in
      (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
  }
}
