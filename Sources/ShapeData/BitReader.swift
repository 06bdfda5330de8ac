/// A little-endian bit reader over a DEFLATE stream, as RFC 1951 section 3.1.1 orders bits.
///
/// `refill()` keeps at least 56 bits in `bitBuffer`. Past the end of the input it feeds zero
/// bytes and counts them in `paddingBytes`, so that decoding never reads out of bounds.
/// Callers detect that they used such bytes with `checkNotOverrun()`.
struct BitReader {
  let input: UnsafeBufferPointer<UInt8>
  /// The index of the next input byte to load into `bitBuffer`.
  private(set) var position: Int
  private(set) var bitBuffer: UInt64 = 0
  /// The number of valid bits in `bitBuffer`; always in 0...63.
  private(set) var bitCount = 0
  private(set) var paddingBytes = 0

  init(input: UnsafeBufferPointer<UInt8>, position: Int) {
    self.input = input
    self.position = position
  }

  /// The offset of the first byte that still has unread bits, for error messages.
  var offset: Int {
    position - max(0, (bitCount - paddingBytes << 3 + 7) >> 3)
  }

  /// Fills `bitBuffer` to at least 56 bits.
  @inline(__always)
  mutating func refill() {
    if bitCount > 56 { return }
    if let base = input.baseAddress, position <= input.count &- 8 {
      // Loads eight bytes at once. Bits above the new `bitCount` hold the low bits of the
      // byte at `position`, which the next refill ORs in again unchanged.
      let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: position, as: UInt64.self)
      bitBuffer |= UInt64(littleEndian: word) << UInt64(bitCount)
      position &+= (63 &- bitCount) >> 3
      bitCount |= 56
    } else {
      refillByBytes()
    }
  }

  private mutating func refillByBytes() {
    while bitCount <= 56 {
      if position < input.count {
        bitBuffer |= UInt64(input[position]) << UInt64(bitCount)
        position += 1
      } else {
        paddingBytes += 1
      }
      bitCount += 8
    }
  }

  /// Throws `truncatedInput` when decoding has used any of the zero bytes fed past the end.
  @inline(__always)
  func checkNotOverrun() throws(DecompressionError) {
    if bitCount < paddingBytes << 3 {
      throw .truncatedInput(offset: input.count)
    }
  }

  /// Returns the next `count` bits without consuming them; `count` is at most 32.
  @inline(__always)
  func peek(_ count: Int) -> Int {
    Int(truncatingIfNeeded: bitBuffer & ((1 << UInt64(count)) &- 1))
  }

  /// Drops `count` bits, which must be at most `bitCount`.
  @inline(__always)
  mutating func consume(_ count: Int) {
    bitBuffer >>= UInt64(count)
    bitCount &-= count
  }

  /// Reads `count` bits (at most 32, and at most `bitCount`) as an unsigned number.
  @inline(__always)
  mutating func read(_ count: Int) -> Int {
    let value = peek(count)
    consume(count)
    return value
  }

  /// Skips to the next byte boundary and returns the position of that byte in the input,
  /// clearing the bit buffer so that the caller can read whole bytes directly.
  mutating func alignToByte() throws(DecompressionError) -> Int {
    consume(bitCount & 7)
    try checkNotOverrun()
    let unreadBytes = (bitCount >> 3) - paddingBytes
    position -= unreadBytes
    bitBuffer = 0
    bitCount = 0
    paddingBytes = 0
    return position
  }

  /// Continues reading at `newPosition`, which must be at most `input.count`.
  mutating func seek(to newPosition: Int) {
    position = newPosition
    bitBuffer = 0
    bitCount = 0
    paddingBytes = 0
  }
}
