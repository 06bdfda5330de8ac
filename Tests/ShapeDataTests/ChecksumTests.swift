import ShapeData
import Testing

@Suite struct ChecksumTests {
  @Test func crc32CheckValue() {
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(CRC32.checksum([UInt8]()) == 0)
  }

  @Test func crc32IncrementalMatchesOneShot() {
    let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
    let first = CRC32.update(0, with: bytes[..<333])
    #expect(CRC32.update(first, with: bytes[333...]) == CRC32.checksum(bytes))
  }

  @Test func crc32MatchesBitwiseDefinition() {
    // Lengths 0...40 cover the eight-byte steps and every tail length.
    let bytes = (0..<41).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
    for length in 0...40 {
      var reference: UInt32 = 0xFFFF_FFFF
      for byte in bytes.prefix(length) {
        reference ^= UInt32(byte)
        for _ in 0..<8 {
          reference = reference & 1 == 1 ? (reference >> 1) ^ 0xEDB8_8320 : reference >> 1
        }
      }
      #expect(CRC32.checksum(bytes.prefix(length)) == ~reference, "length \(length)")
    }
  }

  @Test func crc32OfNonContiguousSequence() {
    let bytes = Array("123456789".utf8)
    #expect(CRC32.checksum(bytes.lazy.map { $0 }) == 0xCBF4_3926)
  }

  @Test func adler32KnownValues() {
    #expect(Adler32.checksum(Array("Wikipedia".utf8)) == 0x11E6_0398)
    #expect(Adler32.checksum([UInt8]()) == 1)
  }

  @Test func adler32LongRunReduces() {
    // 100 000 bytes of 0xFF pass the 5552-byte reduction point many times.
    let bytes = [UInt8](repeating: 0xFF, count: 100_000)
    var s1: UInt64 = 1
    var s2: UInt64 = 0
    for byte in bytes {
      s1 = (s1 + UInt64(byte)) % 65521
      s2 = (s2 + s1) % 65521
    }
    #expect(Adler32.checksum(bytes) == UInt32(s2 << 16 | s1))
    #expect(Adler32.checksum(bytes.lazy.map { $0 }) == UInt32(s2 << 16 | s1))
  }
}
