/// The code-length header of a dynamic-Huffman block (RFC 1951 section 3.2.7).
enum DynamicHeader {
  /// The order in which the code lengths of the code-length alphabet are stored.
  private static let codeLengthOrder = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
  ]

  /// Reads the header and returns the literal/length and distance codes it defines.
  static func read(
    _ reader: inout BitReader
  ) throws(DecompressionError) -> (literals: HuffmanTable, distances: HuffmanTable) {
    reader.refill()
    let headerOffset = reader.offset
    let literalCount = reader.read(5) + 257
    let distanceCount = reader.read(5) + 1
    let codeLengthCount = reader.read(4) + 4
    try reader.checkNotOverrun()
    guard literalCount <= 286, distanceCount <= 30 else {
      throw .invalidHuffmanTable(problem: .tooManyCodes, offset: headerOffset)
    }

    var codeLengthLengths = [UInt8](repeating: 0, count: 19)
    reader.refill()
    for index in 0..<codeLengthCount {
      // 19 three-bit fields need 57 bits, so refill once in the middle.
      if index == 12 { reader.refill() }
      codeLengthLengths[codeLengthOrder[index]] = UInt8(reader.read(3))
    }
    try reader.checkNotOverrun()
    let codeLengthCode = try table(
      codeLengthLengths[...], lookupBits: 7, allowsSingleCode: false, offset: headerOffset)

    let lengths = try readCodeLengths(
      &reader, count: literalCount + distanceCount, code: codeLengthCode, offset: headerOffset)
    guard lengths[256] != 0 else {
      throw .invalidHuffmanTable(problem: .missingEndOfBlock, offset: headerOffset)
    }
    let literals = try table(
      lengths[0..<literalCount], lookupBits: 10, allowsSingleCode: true, offset: headerOffset)
    let distances = try table(
      lengths[literalCount...], lookupBits: 8, allowsSingleCode: true, offset: headerOffset)
    return (literals, distances)
  }

  /// Decodes `count` code lengths with the code-length code, expanding repeat codes 16-18.
  private static func readCodeLengths(
    _ reader: inout BitReader, count: Int, code: HuffmanTable, offset: Int
  ) throws(DecompressionError) -> [UInt8] {
    var lengths = [UInt8]()
    lengths.reserveCapacity(count)
    while lengths.count < count {
      reader.refill()
      try reader.checkNotOverrun()
      let symbol = try code.decodeSymbol(&reader)
      let value: UInt8
      let repeatCount: Int
      switch symbol {
      case 0...15:
        value = UInt8(symbol)
        repeatCount = 1
      case 16:
        guard let previous = lengths.last else {
          throw .invalidHuffmanTable(problem: .repeatWithoutPreviousLength, offset: offset)
        }
        value = previous
        repeatCount = 3 + reader.read(2)
      case 17:
        value = 0
        repeatCount = 3 + reader.read(3)
      default:
        value = 0
        repeatCount = 11 + reader.read(7)
      }
      guard repeatCount <= count - lengths.count else {
        throw .invalidHuffmanTable(problem: .repeatPastEnd, offset: offset)
      }
      lengths.append(contentsOf: repeatElement(value, count: repeatCount))
    }
    try reader.checkNotOverrun()
    return lengths
  }

  private static func table(
    _ lengths: ArraySlice<UInt8>, lookupBits: Int, allowsSingleCode: Bool, offset: Int
  ) throws(DecompressionError) -> HuffmanTable {
    do {
      return try HuffmanTable(
        lengths: lengths, lookupBits: lookupBits, allowsSingleCode: allowsSingleCode)
    } catch {
      throw .invalidHuffmanTable(problem: error, offset: offset)
    }
  }
}
