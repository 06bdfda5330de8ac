/// The chunks of a PNG file that decoding needs, after the chunk order rules are checked.
struct PNGChunks {
  let header: PNGHeader
  /// The PLTE entries as RGB triples, empty when the file has no PLTE chunk.
  let palette: [UInt8]
  /// The byte ranges of the IDAT chunks' data, in file order.
  let imageDataRanges: [Range<Int>]

  /// Reads every chunk up to IEND, checking each CRC, and the header against `limits`
  /// before anything proportional to the image size is allocated.
  init(_ file: UnsafeBufferPointer<UInt8>, limits: DataLimits) throws(PNGError) {
    let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    guard file.count >= 8, file.prefix(8).elementsEqual(signature) else {
      throw .invalidSignature
    }
    var header: PNGHeader?
    var palette: [UInt8]?
    var ranges: [Range<Int>] = []
    var imageDataEnded = false
    var offset = 8
    while true {
      guard offset < file.count else { throw .missingEnd }
      let chunk = try Self.readChunk(file, at: offset)
      let data = UnsafeBufferPointer(rebasing: file[chunk.data])
      let isFirst = offset == 8
      if isFirst && chunk.type != "IHDR" { throw .missingHeader }
      if !ranges.isEmpty && chunk.type != "IDAT" { imageDataEnded = true }
      switch chunk.type {
      case "IHDR":
        guard isFirst else { throw .misplacedChunk(chunk: chunk.type, offset: offset) }
        let parsed = try PNGHeader(data)
        try Self.check(parsed, limits: limits)
        header = parsed
      case "PLTE":
        guard let header, palette == nil, ranges.isEmpty, header.colorType != 0,
          header.colorType != 4
        else { throw .misplacedChunk(chunk: chunk.type, offset: offset) }
        try Self.checkPalette(length: data.count, header: header)
        palette = Array(data)
      case "IDAT":
        guard !imageDataEnded else { throw .nonConsecutiveImageData(offset: offset) }
        guard let header else { throw .missingHeader }
        if header.colorType == 3 && palette == nil { throw .missingPalette }
        ranges.append(chunk.data)
      case "IEND":
        guard let header else { throw .missingHeader }
        guard !ranges.isEmpty else { throw .missingImageData }
        self.header = header
        self.palette = palette ?? []
        self.imageDataRanges = ranges
        return
      default:
        guard header != nil else { throw .missingHeader }
        // Bit 5 of the first type byte clear (an uppercase letter) marks a critical chunk.
        if file[offset + 4] & 0x20 == 0 {
          throw .unknownCriticalChunk(chunk: chunk.type, offset: offset)
        }
      }
      offset = chunk.data.upperBound + 4
    }
  }

  /// Reads the chunk at `offset`, checking its length, type and CRC.
  private static func readChunk(
    _ file: UnsafeBufferPointer<UInt8>, at offset: Int
  ) throws(PNGError) -> (type: String, data: Range<Int>) {
    guard file.count - offset >= 12 else { throw .truncatedFile(offset: offset) }
    let length = readBigEndian32(file, at: offset)
    guard length <= PNGHeader.maxDimension else {
      throw .invalidChunkLength(length: length, offset: offset)
    }
    let typeBytes = file[(offset + 4)..<(offset + 8)]
    guard typeBytes.allSatisfy({ (0x41...0x5A).contains($0 & 0xDF) }) else {
      throw .invalidChunkType(offset: offset)
    }
    let type = String(decoding: typeBytes, as: Unicode.ASCII.self)
    let dataStart = offset + 8
    guard file.count - dataStart - 4 >= Int(length) else { throw .truncatedFile(offset: offset) }
    let dataEnd = dataStart + Int(length)
    let expected = readBigEndian32(file, at: dataEnd)
    let typeAndData = UnsafeBufferPointer(rebasing: file[(offset + 4)..<dataEnd])
    let actual = CRC32.update(0, buffer: typeAndData)
    guard expected == actual else {
      throw .chunkChecksumMismatch(chunk: type, offset: offset, expected: expected, actual: actual)
    }
    return (type, dataStart..<dataEnd)
  }

  /// Rejects images whose pixel count or data size exceeds `limits`, using overflow-checked
  /// arithmetic, before any image-sized allocation.
  private static func check(_ header: PNGHeader, limits: DataLimits) throws(PNGError) {
    let (pixels, overflow) = header.width.multipliedReportingOverflow(by: header.height)
    guard !overflow, pixels <= limits.maxImagePixels else {
      throw .imageTooLarge(width: header.width, height: header.height, limit: limits.maxImagePixels)
    }
    guard let size = header.imageDataSize(), size <= limits.maxDecompressedBytes else {
      throw .imageDataExceedsLimit(
        size: header.imageDataSize() ?? Int.max, limit: limits.maxDecompressedBytes)
    }
  }

  private static func checkPalette(length: Int, header: PNGHeader) throws(PNGError) {
    let entries = length / 3
    let maxEntries = header.colorType == 3 ? 1 << header.bitDepth : 256
    guard length % 3 == 0, entries >= 1, entries <= maxEntries else {
      throw .invalidPalette(length: length)
    }
  }
}
