import ShapeData
import Testing

@Suite struct InflateTests {
  @Test(arguments: ["level0", "level1", "level6", "level9", "fixed"])
  func rawStreamRoundTrip(name: String) throws {
    let plain = try inputBytes("deflate/plain.bin")
    let compressed = try inputBytes("deflate/\(name).deflate")
    #expect(try Inflate.decompress(compressed) == plain)
  }

  @Test func storedBlockByHand() throws {
    // BFINAL=1, BTYPE=00, LEN=3, NLEN=~3, then the three bytes.
    let stream: [UInt8] = [0x01, 0x03, 0x00, 0xFC, 0xFF, 0x61, 0x62, 0x63]
    #expect(try Inflate.decompress(stream) == Array("abc".utf8))
  }

  @Test func fixedBlockWithOverlappingMatch() throws {
    var writer = BitWriter()
    writer.write(1, bits: 1)
    writer.write(1, bits: 2)
    writer.writeFixedLiteral(Int(UInt8(ascii: "a")))
    writer.writeFixedLiteral(Int(UInt8(ascii: "b")))
    // Length symbol 265 with one extra bit 1 is length 12; distance symbol 1 is distance 2.
    writer.writeFixedLiteral(265)
    writer.write(1, bits: 1)
    writer.writeCode(1, bits: 5)
    writer.writeFixedLiteral(256)
    #expect(try Inflate.decompress(writer.bytes) == Array("ababababababab".utf8))
  }

  @Test(arguments: [1, 3, 7, 100])
  func longOverlappingMatch(distance: Int) throws {
    // Literals 1...distance, then a match of length 258 at that distance.
    var writer = BitWriter()
    writer.write(1, bits: 1)
    writer.write(1, bits: 2)
    for byte in 1...distance {
      writer.writeFixedLiteral(byte)
    }
    writer.writeFixedLiteral(285)
    let distanceCodes = [1: (0, 0, 0), 3: (2, 0, 0), 7: (5, 1, 0), 100: (13, 6, 3)]
    let (symbol, extraBits, extra) = try #require(distanceCodes[distance])
    writer.writeCode(symbol, bits: 5)
    writer.write(extra, bits: extraBits)
    writer.writeFixedLiteral(256)
    let pattern = (1...distance).map { UInt8($0) }
    let expected = (0..<(distance + 258)).map { pattern[$0 % distance] }
    #expect(try Inflate.decompress(writer.bytes) == expected)
  }

  @Test func emptyFixedBlock() throws {
    var writer = BitWriter()
    writer.write(1, bits: 1)
    writer.write(1, bits: 2)
    writer.writeFixedLiteral(256)
    #expect(try Inflate.decompress(writer.bytes) == [])
  }

  @Test func dynamicBlockByHand() throws {
    #expect(try Inflate.decompress(DeflateSamples.tinyDynamicBlock()) == Array("aaa".utf8))
  }
}

/// Hand-built DEFLATE streams.
enum DeflateSamples {
  static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

  /// Writes a final dynamic block header: HLIT, HDIST, HCLEN and the code-length code.
  static func writeDynamicHeader(
    _ writer: inout BitWriter, literalCount: Int, distanceCount: Int, codeLengths: [Int: Int]
  ) {
    writer.write(1, bits: 1)
    writer.write(2, bits: 2)
    writer.write(literalCount - 257, bits: 5)
    writer.write(distanceCount - 1, bits: 5)
    let used = codeLengthOrder.lastIndex { codeLengths[$0] != nil } ?? 0
    let count = max(used + 1, 4)
    writer.write(count - 4, bits: 4)
    for symbol in codeLengthOrder.prefix(count) {
      writer.write(codeLengths[symbol] ?? 0, bits: 3)
    }
  }

  /// Returns a dynamic block that decodes to "aaa". Its literal/length code has only 'a' and
  /// end-of-block (one bit each), and its distance code is the single one-bit code that
  /// RFC 1951 allows.
  static func tinyDynamicBlock() -> [UInt8] {
    var writer = BitWriter()
    // Code-length symbols 0 and 1 get one-bit codes 0 and 1.
    writeDynamicHeader(&writer, literalCount: 257, distanceCount: 1, codeLengths: [0: 1, 1: 1])
    for symbol in 0..<258 {
      let used = symbol == 97 || symbol == 256 || symbol == 257
      writer.writeCode(used ? 1 : 0, bits: 1)
    }
    // 'a' has code 0 and end-of-block code 1.
    for code in [0, 0, 0, 1] {
      writer.writeCode(code, bits: 1)
    }
    return writer.bytes
  }
}
