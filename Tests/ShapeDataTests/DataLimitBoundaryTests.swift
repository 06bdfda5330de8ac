import Testing

@testable import ShapeData

/// Each data limit at its exact value and one past it. The hostile cases far past the
/// limits (a thousandfold DEFLATE expansion, a 100000 × 100000 PNG, overflowing IDX
/// dimensions) are in the reader's own test files.
@Suite struct DataLimitBoundaryTests {
  private let payload = (0..<100).map { UInt8($0) }

  /// A raw DEFLATE stream with one final stored block that contains `data`.
  private func storedDeflate(_ data: [UInt8]) -> [UInt8] {
    let length = UInt16(data.count)
    return [0x01, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)] + data
  }

  @Test func inflateOutputAtLimit() throws {
    let output = try Inflate.decompress(storedDeflate(payload), limits: DataLimits(maxDecompressedBytes: 100))
    #expect(output == payload)
  }

  @Test func inflateOutputPastLimit() {
    #expect(throws: DecompressionError.outputExceedsLimit(limit: 99)) {
      try Inflate.decompress(storedDeflate(payload), limits: DataLimits(maxDecompressedBytes: 99))
    }
  }

  @Test func zlibOutputAtAndPastLimit() throws {
    let stream = PNGSamples.zlibStored(payload)
    let output = try Zlib.decompress(stream, limits: DataLimits(maxDecompressedBytes: 100))
    #expect(output == payload)
    #expect(throws: DecompressionError.outputExceedsLimit(limit: 99)) {
      try Zlib.decompress(stream, limits: DataLimits(maxDecompressedBytes: 99))
    }
  }

  @Test func pngPixelsAtLimit() throws {
    let file = PNGSamples.file([
      PNGSamples.header(width: 3, height: 2),
      PNGSamples.chunk("IDAT", PNGSamples.zlibStored(PNGSamples.grayRows)),
      PNGSamples.chunk("IEND", []),
    ])
    let image = try PNGDecoder.decodeGrayscale(file, limits: DataLimits(maxImagePixels: 6))
    #expect(image.pixels == [10, 20, 30, 40, 50, 60])
  }

  @Test func pngPixelsPastLimit() {
    let file = PNGSamples.file([
      PNGSamples.header(width: 3, height: 2),
      PNGSamples.chunk("IDAT", PNGSamples.zlibStored(PNGSamples.grayRows)),
      PNGSamples.chunk("IEND", []),
    ])
    #expect(throws: PNGError.imageTooLarge(width: 3, height: 2, limit: 5)) {
      try PNGDecoder.decodeGrayscale(file, limits: DataLimits(maxImagePixels: 5))
    }
  }
}

/// A DEFLATE bomb: 4 MiB of zeros compressed to 4080 bytes, a 1028-fold expansion.
@Suite struct DeflateBombTests {
  @Test func thousandfoldExpansionDecodesUnderDefaultLimit() throws {
    let bomb = try inputBytes("deflate/zeros_4mib.deflate")
    #expect(bomb.count * 1000 < 4 << 20)
    let output = try Inflate.decompress(bomb)
    #expect(output.count == 4 << 20)
    #expect(output.allSatisfy { $0 == 0 })
  }

  @Test func thousandfoldExpansionStopsAtLimit() throws {
    let bomb = try inputBytes("deflate/zeros_4mib.deflate")
    #expect(throws: DecompressionError.outputExceedsLimit(limit: 1 << 20)) {
      try Inflate.decompress(bomb, limits: DataLimits(maxDecompressedBytes: 1 << 20))
    }
  }
}
