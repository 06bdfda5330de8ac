/// A decoder for zlib streams (RFC 1950): a two-byte header, DEFLATE data and an Adler-32.
public enum Zlib {
  /// Decompresses the zlib stream `bytes` and verifies its Adler-32.
  ///
  /// Streams that need a preset dictionary (FDICT) are rejected. Bytes after the Adler-32
  /// are ignored, as zlib itself does.
  public static func decompress(
    _ bytes: [UInt8], limits: DataLimits = .standard
  ) throws(DecompressionError) -> [UInt8] {
    try bytes.withUnsafeBufferPointer { (input) throws(DecompressionError) -> [UInt8] in
      let hint = min(input.count.multipliedReportingOverflow(by: 4).partialValue, 1 << 20)
      return try decompress(input, limit: limits.maxDecompressedBytes, capacityHint: hint)
    }
  }

  /// Decompresses the zlib stream `input` into at most `limit` bytes; a `capacityHint` equal
  /// to the final size makes the output a single allocation.
  static func decompress(
    _ input: UnsafeBufferPointer<UInt8>, limit: Int, capacityHint: Int
  ) throws(DecompressionError) -> [UInt8] {
    try checkHeader(input)
    var output = OutputBuffer(capacityHint: capacityHint, limit: limit)
    let end = try Inflate.inflate(input, from: 2, into: &output, windowStart: 0)
    guard input.count - end >= 4 else {
      throw .truncatedInput(offset: input.count)
    }
    let expected = UInt32(input[end]) << 24 | UInt32(input[end + 1]) << 16
      | UInt32(input[end + 2]) << 8 | UInt32(input[end + 3])
    let actual = output.withBytes(from: 0) { Adler32.update(1, buffer: $0) }
    guard expected == actual else {
      throw .checksumMismatch(expected: expected, actual: actual)
    }
    return output.toArray()
  }

  private static func checkHeader(_ input: UnsafeBufferPointer<UInt8>) throws(DecompressionError) {
    guard input.count >= 2 else {
      throw .truncatedInput(offset: input.count)
    }
    let methodAndInfo = Int(input[0])
    let flags = Int(input[1])
    let method = methodAndInfo & 0x0F
    let windowBits = (methodAndInfo >> 4) + 8
    guard method == 8, windowBits <= 15, (methodAndInfo << 8 | flags) % 31 == 0 else {
      throw .invalidZlibHeader(offset: 0)
    }
    guard flags & 0x20 == 0 else {
      throw .presetDictionaryNotSupported
    }
  }
}
