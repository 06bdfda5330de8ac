/// A canonical Huffman code of RFC 1951 section 3.2.2, built for table-driven decoding.
///
/// Codes of up to `lookupBits` bits decode with one lookup of the next `lookupBits` input bits.
/// Longer codes, which are rare, decode bit by bit from the per-length counts. The class is
/// immutable after `init`, which is why sharing it across threads is safe.
final class HuffmanTable: @unchecked Sendable {
  /// The maximum code length that RFC 1951 allows.
  static let maxCodeLength = 15

  let lookupBits: Int
  /// `1 << lookupBits` entries indexed by the next input bits. An entry is
  /// `symbol << 4 | length`, or 0 when the code is longer than `lookupBits` or unused.
  private let lookup: UnsafeMutablePointer<UInt16>
  private let lookupMask: UInt64
  /// The number of codes of each length 0...15; `counts[0]` is unused.
  private let counts: [Int]
  /// The symbols in canonical code order.
  private let sortedSymbols: [UInt16]

  /// Builds the code for `lengths[symbol]`, where 0 means the symbol is unused.
  ///
  /// With `allowsSingleCode`, a code with no used symbol, or with a single symbol of length
  /// 1, is accepted although it is incomplete. RFC 1951 section 3.2.7 allows this for
  /// distance codes, and zlib accepts it for literal/length codes too.
  /// Any other incomplete or over-subscribed code is rejected.
  init(
    lengths: ArraySlice<UInt8>, lookupBits: Int, allowsSingleCode: Bool
  ) throws(HuffmanTableProblem) {
    var counts = [Int](repeating: 0, count: Self.maxCodeLength + 1)
    for length in lengths {
      counts[Int(length)] += 1
    }
    counts[0] = 0

    var unusedCodes = 1
    for length in 1...Self.maxCodeLength {
      unusedCodes = unusedCodes * 2 - counts[length]
      if unusedCodes < 0 { throw .overSubscribed }
    }
    let usedSymbols = counts.reduce(0, +)
    let isSingleOneBitCode = usedSymbols == 0 || (usedSymbols == 1 && counts[1] == 1)
    if unusedCodes > 0 && !(allowsSingleCode && isSingleOneBitCode) {
      throw .incomplete
    }

    var nextIndex = [Int](repeating: 0, count: Self.maxCodeLength + 2)
    for length in 1...Self.maxCodeLength {
      nextIndex[length + 1] = nextIndex[length] + counts[length]
    }
    var sorted = [UInt16](repeating: 0, count: usedSymbols)
    for (offset, length) in lengths.enumerated() where length != 0 {
      sorted[nextIndex[Int(length)]] = UInt16(offset)
      nextIndex[Int(length)] += 1
    }

    self.lookupBits = lookupBits
    self.counts = counts
    self.sortedSymbols = sorted
    let size = 1 << lookupBits
    lookupMask = UInt64(size - 1)
    lookup = UnsafeMutablePointer<UInt16>.allocate(capacity: size)
    lookup.initialize(repeating: 0, count: size)
    fillLookup(size: size)
  }

  deinit {
    lookup.deallocate()
  }

  private func fillLookup(size: Int) {
    var code = 0
    var index = 0
    for length in 1...min(lookupBits, Self.maxCodeLength) {
      for _ in 0..<counts[length] {
        let entry = sortedSymbols[index] << 4 | UInt16(length)
        // DEFLATE sends Huffman codes starting with their most significant bit, so the
        // lookup index is the code with its bits reversed.
        var slot = Self.reverse(code, length: length)
        while slot < size {
          lookup[slot] = entry
          slot += 1 << length
        }
        code += 1
        index += 1
      }
      code <<= 1
    }
  }

  private static func reverse(_ code: Int, length: Int) -> Int {
    var reversed = 0
    var rest = code
    for _ in 0..<length {
      reversed = reversed << 1 | (rest & 1)
      rest >>= 1
    }
    return reversed
  }

  /// Decodes one symbol. The reader must hold at least 15 bits, as after `refill()`.
  @inline(__always)
  func decodeSymbol(_ reader: inout BitReader) throws(DecompressionError) -> Int {
    let entry = lookup[Int(truncatingIfNeeded: reader.bitBuffer & lookupMask)]
    let length = Int(entry & 15)
    if length != 0 {
      reader.consume(length)
      return Int(entry >> 4)
    }
    return try decodeLongSymbol(&reader)
  }

  /// Decodes a code longer than `lookupBits`, or reports an unused code.
  private func decodeLongSymbol(_ reader: inout BitReader) throws(DecompressionError) -> Int {
    var code = 0
    var firstCode = 0
    var firstIndex = 0
    var bits = reader.bitBuffer
    for length in 1...Self.maxCodeLength {
      code |= Int(bits & 1)
      bits >>= 1
      let count = counts[length]
      if code - firstCode < count {
        reader.consume(length)
        return Int(sortedSymbols[firstIndex + code - firstCode])
      }
      firstIndex += count
      firstCode = (firstCode + count) << 1
      code <<= 1
    }
    throw .invalidCode(offset: reader.offset)
  }
}
