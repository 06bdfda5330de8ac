import ShapeData
import Testing

@Suite struct PNGErrorTests {
  private func pngError(_ bytes: [UInt8], limits: DataLimits = .standard) -> PNGError? {
    do {
      _ = try PNGDecoder.decodeGrayscale(bytes, limits: limits)
      return nil
    } catch {
      return error
    }
  }

  @Test func sampleDecodes() throws {
    let image = try PNGDecoder.decodeGrayscale(PNGSamples.grayFile())
    #expect(image == GrayImage(width: 3, height: 2, pixels: [10, 20, 30, 40, 50, 60]))
  }

  @Test func badSignature() {
    var bytes = PNGSamples.grayFile()
    bytes[1] = 0x51
    #expect(pngError(bytes) == .invalidSignature)
    #expect(pngError([]) == .invalidSignature)
  }

  @Test func truncatedFile() {
    let bytes = PNGSamples.grayFile()
    // IHDR takes bytes 8..<33, and IDAT starts at 33.
    #expect(pngError(Array(bytes.prefix(40))) == .truncatedFile(offset: 33))
    for length in 0..<bytes.count {
      #expect(pngError(Array(bytes.prefix(length))) != nil)
    }
  }

  @Test func badChunkCRC() {
    var bytes = PNGSamples.grayFile()
    bytes[32] ^= 0x01
    guard case .chunkChecksumMismatch(let chunk, let offset, _, _) = pngError(bytes) else {
      Issue.record("expected a crc mismatch")
      return
    }
    #expect(chunk == "IHDR")
    #expect(offset == 8)
  }

  @Test func badAncillaryChunkCRC() {
    var text = PNGSamples.chunk("tEXt", Array("a\u{0}b".utf8))
    text[text.count - 1] ^= 0x01
    let bytes = PNGSamples.file([
      PNGSamples.header(width: 3, height: 2), text,
      PNGSamples.chunk("IDAT", PNGSamples.zlibStored(PNGSamples.grayRows)),
      PNGSamples.chunk("IEND", []),
    ])
    guard case .chunkChecksumMismatch(let chunk, _, _, _) = pngError(bytes) else {
      Issue.record("expected a crc mismatch")
      return
    }
    #expect(chunk == "tEXt")
  }

  @Test func hugeImageRejectedBeforeAllocation() {
    // No IDAT at all: the header check must fire while reading IHDR.
    let bytes = PNGSamples.file([PNGSamples.header(width: 100_000, height: 100_000)])
    #expect(pngError(bytes) == .imageTooLarge(width: 100_000, height: 100_000, limit: 50_000_000))
  }

  @Test func maximumDimensionsDoNotOverflow() {
    let bytes = PNGSamples.file([
      PNGSamples.header(width: 0x7FFF_FFFF, height: 0x7FFF_FFFF, bitDepth: 16, colorType: 6)
    ])
    let unlimited = DataLimits(maxDecompressedBytes: Int.max, maxImagePixels: Int.max)
    let error = pngError(bytes, limits: unlimited)
    #expect(error == .imageDataExceedsLimit(size: Int.max, limit: Int.max))
  }

  @Test func imageDataOverByteLimit() {
    let bytes = PNGSamples.grayFile()
    let limits = DataLimits(maxDecompressedBytes: 7)
    #expect(pngError(bytes, limits: limits) == .imageDataExceedsLimit(size: 8, limit: 7))
  }

  @Test func invalidDimensions() {
    let cases: [(UInt32, UInt32)] = [(0, 5), (5, 0), (0x8000_0000, 1), (1, 0xFFFF_FFFF)]
    for (width, height) in cases {
      let bytes = PNGSamples.file([PNGSamples.header(width: width, height: height)])
      #expect(pngError(bytes) == .invalidDimensions(width: width, height: height))
    }
  }

  @Test func invalidColorTypeAndBitDepth() {
    for (colorType, bitDepth) in [(2, 4), (5, 8), (3, 16), (0, 3), (6, 1), (4, 4)] {
      let header = PNGSamples.header(
        width: 1, height: 1, bitDepth: UInt8(bitDepth), colorType: UInt8(colorType))
      let error = pngError(PNGSamples.file([header]))
      #expect(error == .invalidColorTypeAndBitDepth(colorType: colorType, bitDepth: bitDepth))
    }
  }

  @Test func unsupportedMethods() {
    let compression = PNGSamples.header(width: 1, height: 1, compression: 1)
    #expect(pngError(PNGSamples.file([compression])) == .unsupportedCompressionMethod(1))
    let filter = PNGSamples.header(width: 1, height: 1, filter: 1)
    #expect(pngError(PNGSamples.file([filter])) == .unsupportedFilterMethod(1))
    let interlace = PNGSamples.header(width: 1, height: 1, interlace: 2)
    #expect(pngError(PNGSamples.file([interlace])) == .invalidInterlaceMethod(2))
  }

  @Test func headerLengthAndPosition() {
    let short = PNGSamples.chunk("IHDR", [0, 0, 0, 1])
    #expect(pngError(PNGSamples.file([short])) == .invalidHeaderLength(length: 4))
    let first = PNGSamples.chunk("tEXt", [0x61, 0])
    #expect(pngError(PNGSamples.file([first, PNGSamples.header(width: 1, height: 1)]))
      == .missingHeader)
    let twice = PNGSamples.header(width: 1, height: 1)
    #expect(pngError(PNGSamples.file([twice, twice])) == .misplacedChunk(chunk: "IHDR", offset: 33))
  }

  @Test func missingImageDataAndEnd() {
    let header = PNGSamples.header(width: 3, height: 2)
    let end = PNGSamples.chunk("IEND", [])
    let data = PNGSamples.chunk("IDAT", PNGSamples.zlibStored(PNGSamples.grayRows))
    #expect(pngError(PNGSamples.file([header, end])) == .missingImageData)
    #expect(pngError(PNGSamples.file([header, data])) == .missingEnd)
  }

  @Test func chunkLengthAboveLimit() {
    let header = PNGSamples.header(width: 3, height: 2)
    let bytes = PNGSamples.file([header]) + [0x80, 0, 0, 0] + Array("IDAT".utf8) + [0, 0, 0, 0]
    #expect(pngError(bytes) == .invalidChunkLength(length: 0x8000_0000, offset: 33))
  }

  @Test func invalidChunkType() {
    let header = PNGSamples.header(width: 3, height: 2)
    #expect(pngError(PNGSamples.file([header, PNGSamples.chunk("ID1T", [])]))
      == .invalidChunkType(offset: 33))
  }

  @Test func badFilterByte() {
    let rows: [UInt8] = [0, 10, 20, 30, 5, 40, 50, 60]
    #expect(pngError(PNGSamples.grayFile(rows: rows)) == .invalidFilterType(filterType: 5, row: 1))
  }

  @Test func badHuffmanTableInImageData() {
    var writer = BitWriter()
    var lengths: [Int: Int] = [:]
    for symbol in 0..<19 { lengths[symbol] = 1 }
    DeflateSamples.writeDynamicHeader(
      &writer, literalCount: 257, distanceCount: 1, codeLengths: lengths)
    writer.write(0, bits: 32)
    let bytes = PNGSamples.file([
      PNGSamples.header(width: 3, height: 2),
      PNGSamples.chunk("IDAT", [0x78, 0x01] + writer.bytes),
      PNGSamples.chunk("IEND", []),
    ])
    let expected = DecompressionError.invalidHuffmanTable(problem: .overSubscribed, offset: 2)
    #expect(pngError(bytes) == .invalidImageData(expected))
  }

  @Test func imageDataLengthMismatch() {
    let short = PNGSamples.grayFile(rows: Array(PNGSamples.grayRows.dropLast()))
    #expect(pngError(short) == .imageDataTooShort(expected: 8, actual: 7))
    let long = PNGSamples.grayFile(rows: PNGSamples.grayRows + [0])
    #expect(pngError(long) == .imageDataTooLong(expected: 8))
  }

  @Test func nonConsecutiveImageData() {
    let stream = PNGSamples.zlibStored(PNGSamples.grayRows)
    let bytes = PNGSamples.file([
      PNGSamples.header(width: 3, height: 2),
      PNGSamples.chunk("IDAT", Array(stream.prefix(5))),
      PNGSamples.chunk("tEXt", [0x61, 0]),
      PNGSamples.chunk("IDAT", Array(stream.dropFirst(5))),
      PNGSamples.chunk("IEND", []),
    ])
    // IHDR 8..<33, first IDAT 33..<50, tEXt 50..<64, second IDAT at 64.
    #expect(pngError(bytes) == .nonConsecutiveImageData(offset: 64))
  }

  @Test func splitImageDataWithEmptyChunk() throws {
    let stream = PNGSamples.zlibStored(PNGSamples.grayRows)
    let bytes = PNGSamples.file([
      PNGSamples.header(width: 3, height: 2),
      PNGSamples.chunk("IDAT", Array(stream.prefix(3))),
      PNGSamples.chunk("IDAT", []),
      PNGSamples.chunk("IDAT", Array(stream.dropFirst(3))),
      PNGSamples.chunk("IEND", []),
    ])
    #expect(try PNGDecoder.decodeGrayscale(bytes).pixels == [10, 20, 30, 40, 50, 60])
  }

  @Test func unknownChunks() throws {
    let data = PNGSamples.chunk("IDAT", PNGSamples.zlibStored(PNGSamples.grayRows))
    let ancillary = PNGSamples.file([
      PNGSamples.header(width: 3, height: 2), PNGSamples.chunk("quIz", [1, 2, 3]), data,
      PNGSamples.chunk("IEND", []),
    ])
    #expect(try PNGDecoder.decodeGrayscale(ancillary).pixels == [10, 20, 30, 40, 50, 60])
    let critical = PNGSamples.file([
      PNGSamples.header(width: 3, height: 2), PNGSamples.chunk("QUIZ", [1, 2, 3]), data,
      PNGSamples.chunk("IEND", []),
    ])
    #expect(pngError(critical) == .unknownCriticalChunk(chunk: "QUIZ", offset: 33))
  }

  @Test func paletteRules() {
    let header = PNGSamples.header(width: 3, height: 1, bitDepth: 8, colorType: 3)
    let data = PNGSamples.chunk("IDAT", PNGSamples.zlibStored([0, 0, 1, 2]))
    let end = PNGSamples.chunk("IEND", [])
    let twoEntries = PNGSamples.chunk("PLTE", [255, 0, 0, 0, 0, 255])
    #expect(pngError(PNGSamples.file([header, data, end])) == .missingPalette)
    #expect(pngError(PNGSamples.file([header, twoEntries, data, end]))
      == .paletteIndexOutOfRange(index: 2, paletteSize: 2))
    let uneven = PNGSamples.chunk("PLTE", [255, 0, 0, 0])
    #expect(pngError(PNGSamples.file([header, uneven, data, end])) == .invalidPalette(length: 4))
    let gray = PNGSamples.header(width: 3, height: 1)
    #expect(pngError(PNGSamples.file([gray, twoEntries, data, end]))
      == .misplacedChunk(chunk: "PLTE", offset: 33))
    let tooMany = PNGSamples.chunk("PLTE", [UInt8](repeating: 9, count: 3 * 3))
    let oneBit = PNGSamples.header(width: 3, height: 1, bitDepth: 1, colorType: 3)
    #expect(pngError(PNGSamples.file([oneBit, tooMany, data, end])) == .invalidPalette(length: 9))
    let three = PNGSamples.chunk("PLTE", [255, 0, 0, 0, 0, 255, 0, 255, 0])
    #expect(pngError(PNGSamples.file([header, three, data, end])) == nil)
  }

  @Test func descriptionsAreOneLowercaseLine() {
    let errors: [PNGError] = [
      .invalidSignature, .truncatedFile(offset: 3), .missingHeader, .missingEnd,
      .imageTooLarge(width: 1, height: 2, limit: 1), .invalidFilterType(filterType: 7, row: 2),
      .invalidImageData(.truncatedInput(offset: 4)),
    ]
    for error in errors {
      #expect(!error.description.contains("\n"))
      #expect(error.description.first?.isLowercase == true)
    }
    #expect(PNGError.invalidFilterType(filterType: 7, row: 2).description
      == "invalid png filter type 7 in scanline 2")
  }
}
