import ShapeData
import Testing

@Suite struct InflateErrorTests {
  private func inflateError(
    _ bytes: [UInt8], limits: DataLimits = .standard
  ) -> DecompressionError? {
    do {
      _ = try Inflate.decompress(bytes, limits: limits)
      return nil
    } catch {
      return error
    }
  }

  @Test func truncatedStream() throws {
    let compressed = try inputBytes("deflate/level6.deflate")
    let error = inflateError(Array(compressed.prefix(compressed.count / 2)))
    #expect(error == .truncatedInput(offset: compressed.count / 2))
  }

  @Test func everyPrefixFailsCleanly() throws {
    let compressed = try inputBytes("deflate/level1.deflate")
    for length in stride(from: 0, to: compressed.count, by: 97) {
      #expect(inflateError(Array(compressed.prefix(length))) != nil)
    }
    #expect(inflateError([]) == .truncatedInput(offset: 0))
  }

  @Test func corruptedStreamsNeverCrash() throws {
    let compressed = try inputBytes("deflate/level9.deflate")
    var generator = SplitMix64(seed: 42)
    for _ in 0..<300 {
      var damaged = compressed
      for _ in 0..<3 {
        let index = Int(generator.next() % UInt64(damaged.count))
        damaged[index] ^= UInt8(truncatingIfNeeded: generator.next() | 1)
      }
      // Any result is fine as long as it is a value or a typed error.
      _ = inflateError(damaged, limits: DataLimits(maxDecompressedBytes: 1 << 20))
    }
  }

  @Test func reservedBlockType() {
    #expect(inflateError([0x07]) == .invalidBlockType(offset: 0))
  }

  @Test func storedLengthMismatch() {
    let error = inflateError([0x01, 0x05, 0x00, 0x00, 0x00, 0x61])
    #expect(error == .invalidStoredBlockLength(length: 5, complement: 0, offset: 1))
    #expect(error?.description.contains("byte 1") == true)
  }

  @Test func storedBlockShorterThanLength() {
    #expect(inflateError([0x01, 0x05, 0x00, 0xFA, 0xFF, 0x61]) == .truncatedInput(offset: 6))
  }

  @Test func overSubscribedCodeLengthCode() {
    var writer = BitWriter()
    var lengths: [Int: Int] = [:]
    for symbol in 0..<19 { lengths[symbol] = 1 }
    DeflateSamples.writeDynamicHeader(
      &writer, literalCount: 257, distanceCount: 1, codeLengths: lengths)
    writer.write(0, bits: 32)
    #expect(
      inflateError(writer.bytes) == .invalidHuffmanTable(problem: .overSubscribed, offset: 0))
  }

  @Test func incompleteCodeLengthCode() {
    var writer = BitWriter()
    DeflateSamples.writeDynamicHeader(
      &writer, literalCount: 257, distanceCount: 1, codeLengths: [0: 1])
    writer.write(0, bits: 32)
    #expect(inflateError(writer.bytes) == .invalidHuffmanTable(problem: .incomplete, offset: 0))
  }

  @Test func incompleteLiteralCode() {
    // Three literal codes of lengths 1, 2 and 3 leave one 3-bit code unused.
    var writer = BitWriter()
    DeflateSamples.writeDynamicHeader(
      &writer, literalCount: 257, distanceCount: 1, codeLengths: [0: 2, 1: 2, 2: 2, 3: 2])
    for symbol in 0..<258 {
      let length = [65: 1, 66: 2, 256: 3][symbol] ?? 0
      writer.writeCode(length, bits: 2)
    }
    writer.write(0, bits: 32)
    #expect(inflateError(writer.bytes) == .invalidHuffmanTable(problem: .incomplete, offset: 0))
  }

  @Test func missingEndOfBlockCode() {
    var writer = BitWriter()
    DeflateSamples.writeDynamicHeader(
      &writer, literalCount: 257, distanceCount: 1, codeLengths: [0: 1, 1: 1])
    for symbol in 0..<258 {
      writer.writeCode(symbol == 65 || symbol == 66 ? 1 : 0, bits: 1)
    }
    writer.write(0, bits: 32)
    let error = inflateError(writer.bytes)
    #expect(error == .invalidHuffmanTable(problem: .missingEndOfBlock, offset: 0))
  }

  @Test func repeatWithoutPreviousLength() {
    var writer = BitWriter()
    DeflateSamples.writeDynamicHeader(
      &writer, literalCount: 257, distanceCount: 1, codeLengths: [16: 1, 1: 1])
    // Symbol 1 has code 0 and symbol 16 has code 1.
    writer.writeCode(1, bits: 1)
    writer.write(0, bits: 32)
    let error = inflateError(writer.bytes)
    #expect(error == .invalidHuffmanTable(problem: .repeatWithoutPreviousLength, offset: 0))
  }

  @Test func tooManyLiteralCodes() {
    var writer = BitWriter()
    DeflateSamples.writeDynamicHeader(
      &writer, literalCount: 287, distanceCount: 1, codeLengths: [0: 1, 1: 1])
    writer.write(0, bits: 32)
    #expect(inflateError(writer.bytes) == .invalidHuffmanTable(problem: .tooManyCodes, offset: 0))
  }

  @Test func distanceTooFarBack() {
    var writer = BitWriter()
    writer.write(1, bits: 1)
    writer.write(1, bits: 2)
    writer.writeFixedLiteral(65)
    writer.writeFixedLiteral(257)
    writer.writeCode(1, bits: 5)
    writer.writeFixedLiteral(256)
    let error = inflateError(writer.bytes)
    #expect(error == .distanceTooFarBack(distance: 2, available: 1, offset: 1))
  }

  @Test func reservedFixedLengthSymbol() {
    var writer = BitWriter()
    writer.write(1, bits: 1)
    writer.write(1, bits: 2)
    writer.writeFixedLiteral(286)
    writer.write(0, bits: 16)
    #expect(inflateError(writer.bytes) == .invalidCode(offset: 0))
  }

  @Test func reservedFixedDistanceSymbol() {
    var writer = BitWriter()
    writer.write(1, bits: 1)
    writer.write(1, bits: 2)
    writer.writeFixedLiteral(65)
    writer.writeFixedLiteral(257)
    writer.writeCode(30, bits: 5)
    writer.write(0, bits: 16)
    #expect(inflateError(writer.bytes) == .invalidCode(offset: 1))
  }

  @Test func unusedCodeOfSingleDistanceCode() {
    // A single one-bit distance code leaves code 1 unused, and decoding it is an error.
    var writer = BitWriter()
    // Code-length symbol 0 has code 0, symbol 1 has code 10 and symbol 2 has code 11.
    DeflateSamples.writeDynamicHeader(
      &writer, literalCount: 258, distanceCount: 1, codeLengths: [0: 1, 1: 2, 2: 2])
    for symbol in 0..<259 {
      if [97, 98, 256, 257].contains(symbol) {
        writer.writeCode(3, bits: 2)
      } else if symbol == 258 {
        writer.writeCode(2, bits: 2)
      } else {
        writer.writeCode(0, bits: 1)
      }
    }
    // Literal codes: 'a' 00, 'b' 01, 256 10, 257 11. Write 'a', length 3, distance code 1.
    writer.writeCode(0, bits: 2)
    writer.writeCode(3, bits: 2)
    writer.writeCode(1, bits: 1)
    writer.write(0, bits: 16)
    guard case .invalidCode = inflateError(writer.bytes) else {
      Issue.record("expected an invalid code")
      return
    }
  }

  @Test func singleTwoBitDistanceCodeRejected() {
    var writer = BitWriter()
    DeflateSamples.writeDynamicHeader(
      &writer, literalCount: 257, distanceCount: 1, codeLengths: [0: 1, 1: 2, 2: 2])
    for symbol in 0..<258 {
      // 'a' and end-of-block get length 1 (code 10), distance symbol 0 length 2 (code 11).
      if [97, 256].contains(symbol) {
        writer.writeCode(2, bits: 2)
      } else if symbol == 257 {
        writer.writeCode(3, bits: 2)
      } else {
        writer.writeCode(0, bits: 1)
      }
    }
    writer.write(0, bits: 16)
    #expect(inflateError(writer.bytes) == .invalidHuffmanTable(problem: .incomplete, offset: 0))
  }

  @Test func expansionPastLimit() {
    // One literal zero, then 4000 matches of 258 bytes at distance 1: about 1 MB of output
    // from 6.5 KB of input, more than a thousand times the 512-byte limit.
    var writer = BitWriter()
    writer.write(1, bits: 1)
    writer.write(1, bits: 2)
    writer.writeFixedLiteral(0)
    for _ in 0..<4000 {
      writer.writeFixedLiteral(285)
      writer.writeCode(0, bits: 5)
    }
    writer.writeFixedLiteral(256)
    let limits = DataLimits(maxDecompressedBytes: 512)
    #expect(inflateError(writer.bytes, limits: limits) == .outputExceedsLimit(limit: 512))
    let output = try? Inflate.decompress(writer.bytes)
    #expect(output?.count == 1 + 4000 * 258)
  }

  @Test func zeroLimitRejectsAnyOutput() {
    let limits = DataLimits(maxDecompressedBytes: 0)
    #expect(inflateError([0x01, 0x01, 0x00, 0xFE, 0xFF, 0x61], limits: limits)
      == .outputExceedsLimit(limit: 0))
    #expect((try? Inflate.decompress([0x03, 0x00], limits: limits)) == [])
  }
}

/// A small deterministic random number generator for corruption tests.
struct SplitMix64 {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
