/// A decoder for raw DEFLATE streams (RFC 1951) with stored, fixed-Huffman and
/// dynamic-Huffman blocks.
public enum Inflate {
  /// Decompresses the raw DEFLATE stream `bytes`. Bytes after the final block are ignored.
  public static func decompress(
    _ bytes: [UInt8], limits: DataLimits = .standard
  ) throws(DecompressionError) -> [UInt8] {
    try bytes.withUnsafeBufferPointer { (input) throws(DecompressionError) -> [UInt8] in
      var output = OutputBuffer(
        capacityHint: min(bytes.count.multipliedReportingOverflow(by: 4).partialValue, 1 << 20),
        limit: limits.maxDecompressedBytes)
      _ = try inflate(input, from: 0, into: &output, windowStart: 0)
      return output.toArray()
    }
  }

  /// Decodes the DEFLATE stream that starts at `input[start]`, appending to `output`, and
  /// returns the offset of the first byte after the stream.
  ///
  /// Matches may reach back to `output` index `windowStart` but not before it.
  static func inflate(
    _ input: UnsafeBufferPointer<UInt8>, from start: Int,
    into output: inout OutputBuffer, windowStart: Int
  ) throws(DecompressionError) -> Int {
    var reader = BitReader(input: input, position: start)
    var isFinal = false
    while !isFinal {
      reader.refill()
      let blockOffset = reader.offset
      isFinal = reader.read(1) == 1
      let blockType = reader.read(2)
      try reader.checkNotOverrun()
      switch blockType {
      case 0:
        try copyStoredBlock(&reader, into: &output)
      case 1:
        try decodeBlock(
          &reader, literals: FixedCodes.literals, distances: FixedCodes.distances,
          into: &output, windowStart: windowStart)
      case 2:
        let (literals, distances) = try DynamicHeader.read(&reader)
        try decodeBlock(
          &reader, literals: literals, distances: distances, into: &output,
          windowStart: windowStart)
      default:
        throw .invalidBlockType(offset: blockOffset)
      }
    }
    return try reader.alignToByte()
  }

  /// Copies a stored block (RFC 1951 section 3.2.4) after checking LEN against NLEN.
  private static func copyStoredBlock(
    _ reader: inout BitReader, into output: inout OutputBuffer
  ) throws(DecompressionError) {
    let input = reader.input
    let headerStart = try reader.alignToByte()
    guard input.count - headerStart >= 4 else {
      throw .truncatedInput(offset: input.count)
    }
    let length = Int(input[headerStart]) | Int(input[headerStart + 1]) << 8
    let complement = Int(input[headerStart + 2]) | Int(input[headerStart + 3]) << 8
    guard length == complement ^ 0xFFFF else {
      throw .invalidStoredBlockLength(length: length, complement: complement, offset: headerStart)
    }
    let dataStart = headerStart + 4
    guard input.count - dataStart >= length else {
      throw .truncatedInput(offset: input.count)
    }
    try output.append(input, from: dataStart, to: dataStart + length)
    reader.seek(to: dataStart + length)
  }

  /// Decodes the symbols of one Huffman-coded block up to and including end-of-block.
  private static func decodeBlock(
    _ reader: inout BitReader, literals: HuffmanTable, distances: HuffmanTable,
    into output: inout OutputBuffer, windowStart: Int
  ) throws(DecompressionError) {
    let lengthBase = LengthCodes.lengthBase
    let lengthExtraBits = LengthCodes.lengthExtraBits
    let distanceBase = LengthCodes.distanceBase
    let distanceExtraBits = LengthCodes.distanceExtraBits
    while true {
      // One refill covers a whole match: at most 15 + 5 + 15 + 13 = 48 bits.
      reader.refill()
      try reader.checkNotOverrun()
      let symbolOffset = reader.offset
      let symbol = try literals.decodeSymbol(&reader)
      if symbol < 256 {
        try output.append(UInt8(truncatingIfNeeded: symbol))
        continue
      }
      if symbol == 256 {
        try reader.checkNotOverrun()
        return
      }
      let lengthIndex = symbol - 257
      guard lengthIndex < lengthBase.count else {
        throw .invalidCode(offset: symbolOffset)
      }
      let length = lengthBase[lengthIndex] + reader.read(lengthExtraBits[lengthIndex])
      let distanceSymbol = try distances.decodeSymbol(&reader)
      guard distanceSymbol < distanceBase.count else {
        throw .invalidCode(offset: symbolOffset)
      }
      let distance =
        distanceBase[distanceSymbol] + reader.read(distanceExtraBits[distanceSymbol])
      try reader.checkNotOverrun()
      let available = output.count - windowStart
      guard distance <= available else {
        throw .distanceTooFarBack(distance: distance, available: available, offset: symbolOffset)
      }
      try output.copyMatch(distance: distance, length: length)
    }
  }
}

/// The base values and extra-bit counts of length and distance symbols (RFC 1951 3.2.5).
enum LengthCodes {
  /// Indexed by literal/length symbol - 257, for symbols 257...285.
  static let lengthBase: [Int] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
    35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
  ]
  static let lengthExtraBits: [Int] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
    3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]
  /// Indexed by distance symbol, for symbols 0...29.
  static let distanceBase: [Int] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
    257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
  ]
  static let distanceExtraBits: [Int] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
    7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
  ]
}

/// The fixed Huffman codes of RFC 1951 section 3.2.6.
enum FixedCodes {
  static let literals: HuffmanTable = {
    var lengths = [UInt8](repeating: 8, count: 288)
    for symbol in 144..<256 { lengths[symbol] = 9 }
    for symbol in 256..<280 { lengths[symbol] = 7 }
    return makeTable(lengths[...], lookupBits: 9)
  }()

  /// All 32 five-bit codes; symbols 30 and 31 are reserved and rejected when decoded.
  static let distances: HuffmanTable = makeTable(
    [UInt8](repeating: 5, count: 32)[...], lookupBits: 5)

  private static func makeTable(_ lengths: ArraySlice<UInt8>, lookupBits: Int) -> HuffmanTable {
    do {
      return try HuffmanTable(lengths: lengths, lookupBits: lookupBits, allowsSingleCode: false)
    } catch {
      fatalError("the fixed Huffman code lengths of RFC 1951 form complete codes")
    }
  }
}
