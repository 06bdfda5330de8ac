import ShapeData
import Testing

@Suite struct ZlibTests {
  private func zlibError(_ bytes: [UInt8]) -> DecompressionError? {
    do {
      _ = try Zlib.decompress(bytes)
      return nil
    } catch {
      return error
    }
  }

  @Test(arguments: [0, 1, 6, 9])
  func levelRoundTrip(level: Int) throws {
    let plain = try inputBytes("deflate/plain.bin")
    #expect(try Zlib.decompress(try inputBytes("deflate/level\(level).zlib")) == plain)
  }

  @Test func wrongAdler32() throws {
    var compressed = try inputBytes("deflate/level6.zlib")
    compressed[compressed.count - 1] ^= 0x01
    guard case .checksumMismatch = zlibError(compressed) else {
      Issue.record("expected a checksum mismatch")
      return
    }
  }

  @Test func missingAdler32() throws {
    let compressed = try inputBytes("deflate/level6.zlib")
    let truncated = Array(compressed.dropLast(2))
    #expect(zlibError(truncated) == .truncatedInput(offset: truncated.count))
  }

  @Test func badHeaders() {
    // 0x78 0x9C is the usual header; change FCHECK, the method and the window size.
    #expect(zlibError([0x78, 0x9D, 0x03, 0x00]) == .invalidZlibHeader(offset: 0))
    #expect(zlibError([0x79, 0x9C, 0x03, 0x00]) == .invalidZlibHeader(offset: 0))
    #expect(zlibError([0x88, 0x98, 0x03, 0x00]) == .invalidZlibHeader(offset: 0))
    #expect(zlibError([0x78]) == .truncatedInput(offset: 1))
  }

  @Test func presetDictionaryRejected() {
    // 0x78 0xBB has FDICT set and passes FCHECK.
    let error = zlibError([0x78, 0xBB, 0, 0, 0, 1, 0x03, 0x00])
    #expect(error == .presetDictionaryNotSupported)
  }

  @Test func expansionPastLimit() {
    var writer = BitWriter()
    writer.write(1, bits: 1)
    writer.write(1, bits: 2)
    writer.writeFixedLiteral(0)
    for _ in 0..<4000 {
      writer.writeFixedLiteral(285)
      writer.writeCode(0, bits: 5)
    }
    writer.writeFixedLiteral(256)
    let stream = [0x78, 0x9C] + writer.bytes + [0, 0, 0, 0]
    let limits = DataLimits(maxDecompressedBytes: 1000)
    #expect(throws: DecompressionError.outputExceedsLimit(limit: 1000)) {
      try Zlib.decompress(stream, limits: limits)
    }
  }
}

@Suite struct GzipTests {
  private func gzipError(_ bytes: [UInt8]) -> DecompressionError? {
    do {
      _ = try Gzip.decompress(bytes)
      return nil
    } catch {
      return error
    }
  }

  @Test func singleMember() throws {
    let plain = try inputBytes("deflate/plain.bin")
    let compressed = try inputBytes("deflate/plain.gz")
    #expect(Gzip.isGzip(compressed))
    #expect(try Gzip.decompress(compressed) == plain)
  }

  @Test func membersWithOptionalFields() throws {
    // The first member has FEXTRA, FNAME, FCOMMENT and FHCRC; the second has FHCRC.
    let plain = try inputBytes("deflate/plain.bin")
    #expect(try Gzip.decompress(try inputBytes("deflate/members.gz")) == plain)
  }

  @Test func zeroPaddingAccepted() throws {
    let plain = try inputBytes("deflate/plain.bin")
    let padded = try inputBytes("deflate/plain.gz") + [0, 0, 0]
    #expect(try Gzip.decompress(padded) == plain)
  }

  @Test func trailingGarbageRejected() throws {
    let compressed = try inputBytes("deflate/plain.gz")
    let error = gzipError(compressed + [0, 0x42])
    #expect(error == .trailingData(offset: compressed.count + 1))
  }

  @Test func wrongCRC() throws {
    var compressed = try inputBytes("deflate/plain.gz")
    compressed[compressed.count - 8] ^= 0x80
    guard case .checksumMismatch = gzipError(compressed) else {
      Issue.record("expected a checksum mismatch")
      return
    }
  }

  @Test func wrongISIZE() throws {
    let plain = try inputBytes("deflate/plain.bin")
    var compressed = try inputBytes("deflate/plain.gz")
    compressed[compressed.count - 4] ^= 0x01
    let actual = UInt32(plain.count)
    #expect(gzipError(compressed) == .lengthMismatch(expected: actual ^ 1, actual: actual))
  }

  @Test func truncatedTrailer() throws {
    let compressed = try inputBytes("deflate/plain.gz")
    let truncated = Array(compressed.dropLast(3))
    #expect(gzipError(truncated) == .truncatedInput(offset: truncated.count))
  }

  @Test func truncatedHeaders() throws {
    let compressed = try inputBytes("deflate/members.gz")
    for length in [0, 5, 12, 20, 28] {
      #expect(gzipError(Array(compressed.prefix(length))) == .truncatedInput(offset: length))
    }
  }

  @Test func wrongHeaderCRC() throws {
    var compressed = try inputBytes("deflate/members.gz")
    // The first member's header: 10 fixed bytes, XLEN 6 and 6 extra bytes, the name
    // "first.bin" and comment "a comment" with terminators, then the 2-byte header CRC.
    let crcOffset = 10 + 2 + 6 + 10 + 10
    compressed[crcOffset] ^= 0xFF
    guard case .headerChecksumMismatch = gzipError(compressed) else {
      Issue.record("expected a header checksum mismatch")
      return
    }
  }

  @Test func badMagicAndFlags() throws {
    let compressed = try inputBytes("deflate/plain.gz")
    var badMagic = compressed
    badMagic[1] = 0x8C
    #expect(!Gzip.isGzip(badMagic))
    #expect(gzipError(badMagic) == .invalidGzipHeader(offset: 0))
    var reserved = compressed
    reserved[3] |= 0x20
    #expect(gzipError(reserved) == .invalidGzipHeader(offset: 0))
    var method = compressed
    method[2] = 7
    #expect(gzipError(method) == .invalidGzipHeader(offset: 0))
  }

  @Test func matchCannotReachPreviousMember() throws {
    // The second member starts with a match of distance 1, which would copy the last byte
    // of the first member if members shared a window.
    var writer = BitWriter()
    writer.write(1, bits: 1)
    writer.write(1, bits: 2)
    writer.writeFixedLiteral(257)
    writer.writeCode(0, bits: 5)
    writer.writeFixedLiteral(256)
    let member: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF] + writer.bytes
      + [UInt8](repeating: 0, count: 8)
    let first = try inputBytes("deflate/plain.gz")
    let error = gzipError(first + member)
    #expect(error == .distanceTooFarBack(distance: 1, available: 0, offset: first.count + 10))
  }

  @Test func limitCoversAllMembers() throws {
    let plain = try inputBytes("deflate/plain.bin")
    let compressed = try inputBytes("deflate/members.gz")
    // The first member alone fits; the two together do not.
    let limits = DataLimits(maxDecompressedBytes: plain.count - 1)
    #expect(throws: DecompressionError.outputExceedsLimit(limit: plain.count - 1)) {
      try Gzip.decompress(compressed, limits: limits)
    }
  }

  @Test func descriptionsAreOneLowercaseLine() {
    let errors: [DecompressionError] = [
      .truncatedInput(offset: 3), .invalidBlockType(offset: 1),
      .checksumMismatch(expected: 0xAB, actual: 0xCD), .trailingData(offset: 9),
    ]
    for error in errors {
      #expect(!error.description.contains("\n"))
      #expect(error.description.first?.isLowercase == true)
    }
    #expect(DecompressionError.checksumMismatch(expected: 0xAB, actual: 0xCD).description
      == "checksum mismatch: stream stores 0x000000ab, data has 0x000000cd")
  }
}
