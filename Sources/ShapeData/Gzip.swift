/// A decoder for gzip files (RFC 1952), including files of several concatenated members.
public enum Gzip {
  private static let textFlag = 0x01
  private static let headerCRCFlag = 0x02
  private static let extraFlag = 0x04
  private static let nameFlag = 0x08
  private static let commentFlag = 0x10
  private static let reservedFlags = 0xE0

  /// Returns whether `bytes` starts with the gzip magic number 1f 8b.
  public static func isGzip(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
  }

  /// Decompresses every member of the gzip file `bytes` and returns their concatenated output.
  ///
  /// Each member's CRC-32 and ISIZE are verified, and FHCRC when present. Zero bytes after
  /// the last member are accepted as padding, while any other trailing bytes are rejected.
  public static func decompress(
    _ bytes: [UInt8], limits: DataLimits = .standard
  ) throws(DecompressionError) -> [UInt8] {
    try bytes.withUnsafeBufferPointer { (input) throws(DecompressionError) -> [UInt8] in
      let hint = min(input.count.multipliedReportingOverflow(by: 4).partialValue, 1 << 24)
      var output = OutputBuffer(capacityHint: hint, limit: limits.maxDecompressedBytes)
      var position = 0
      repeat {
        position = try decodeMember(input, at: position, into: &output)
      } while position < input.count && startsMember(input, at: position)

      if let garbage = input[position...].firstIndex(where: { $0 != 0 }) {
        throw .trailingData(offset: garbage)
      }
      return output.toArray()
    }
  }

  private static func startsMember(_ input: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
    input.count - position >= 2 && input[position] == 0x1F && input[position + 1] == 0x8B
  }

  /// Decodes the member at `start` and returns the offset after its trailer.
  private static func decodeMember(
    _ input: UnsafeBufferPointer<UInt8>, at start: Int, into output: inout OutputBuffer
  ) throws(DecompressionError) -> Int {
    let dataStart = try skipHeader(input, at: start)
    let memberStart = output.count
    let end = try Inflate.inflate(input, from: dataStart, into: &output, windowStart: memberStart)
    guard input.count - end >= 8 else {
      throw .truncatedInput(offset: input.count)
    }
    let expectedCRC = readLittleEndian32(input, at: end)
    let actualCRC = output.withBytes(from: memberStart) { CRC32.update(0, buffer: $0) }
    guard expectedCRC == actualCRC else {
      throw .checksumMismatch(expected: expectedCRC, actual: actualCRC)
    }
    let expectedSize = readLittleEndian32(input, at: end + 4)
    let actualSize = UInt32(truncatingIfNeeded: output.count - memberStart)
    guard expectedSize == actualSize else {
      throw .lengthMismatch(expected: expectedSize, actual: actualSize)
    }
    return end + 8
  }

  /// Checks the member header at `start` and returns the offset of its DEFLATE data.
  private static func skipHeader(
    _ input: UnsafeBufferPointer<UInt8>, at start: Int
  ) throws(DecompressionError) -> Int {
    guard input.count - start >= 10 else {
      throw .truncatedInput(offset: input.count)
    }
    let flags = Int(input[start + 3])
    guard startsMember(input, at: start), input[start + 2] == 8, flags & reservedFlags == 0 else {
      throw .invalidGzipHeader(offset: start)
    }
    var position = start + 10
    if flags & extraFlag != 0 {
      guard input.count - position >= 2 else { throw .truncatedInput(offset: input.count) }
      let extraLength = Int(input[position]) | Int(input[position + 1]) << 8
      guard input.count - position - 2 >= extraLength else {
        throw .truncatedInput(offset: input.count)
      }
      position += 2 + extraLength
    }
    for flag in [nameFlag, commentFlag] where flags & flag != 0 {
      guard let terminator = input[position...].firstIndex(of: 0) else {
        throw .truncatedInput(offset: input.count)
      }
      position = terminator + 1
    }
    if flags & headerCRCFlag != 0 {
      guard input.count - position >= 2 else { throw .truncatedInput(offset: input.count) }
      let expected = UInt16(input[position]) | UInt16(input[position + 1]) << 8
      let headerBytes = UnsafeBufferPointer(rebasing: input[start..<position])
      let actual = UInt16(truncatingIfNeeded: CRC32.update(0, buffer: headerBytes))
      guard expected == actual else {
        throw .headerChecksumMismatch(expected: expected, actual: actual)
      }
      position += 2
    }
    return position
  }

  private static func readLittleEndian32(
    _ input: UnsafeBufferPointer<UInt8>, at offset: Int
  ) -> UInt32 {
    UInt32(input[offset]) | UInt32(input[offset + 1]) << 8
      | UInt32(input[offset + 2]) << 16 | UInt32(input[offset + 3]) << 24
  }
}
