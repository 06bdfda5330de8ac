/// The growable output of an inflate run, capped at a byte limit.
///
/// It owns raw memory so that the decoder can append literals and copy matches without
/// per-byte array checks. Every write goes through `append` or `copyMatch`, which make room
/// first, so the only unchecked accesses are inside those two methods.
struct OutputBuffer: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private(set) var capacity: Int
  /// The byte limit reported in `outputExceedsLimit`.
  let limit: Int

  init(capacityHint: Int, limit: Int) {
    self.limit = max(0, limit)
    capacity = min(max(capacityHint, 0), self.limit)
    base = UnsafeMutablePointer<UInt8>.allocate(capacity: max(capacity, 1))
  }

  deinit {
    base.deallocate()
  }

  /// Appends one byte.
  @inline(__always)
  mutating func append(_ byte: UInt8) throws(DecompressionError) {
    if count == capacity {
      try reserve(1)
    }
    base[count] = byte
    count &+= 1
  }

  /// Appends the bytes `input[start..<end]`; the range must lie inside `input`.
  mutating func append(
    _ input: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
  ) throws(DecompressionError) {
    precondition(0 <= start && start <= end && end <= input.count)
    let length = end - start
    guard length > 0, let source = input.baseAddress else { return }
    try reserve(length)
    (base + count).update(from: source + start, count: length)
    count += length
  }

  /// Appends `length` bytes copied from `distance` bytes back; `distance` must be in
  /// 1...count and `length` non-negative. Overlapping copies repeat the pattern, as
  /// RFC 1951 requires.
  @inline(__always)
  mutating func copyMatch(distance: Int, length: Int) throws(DecompressionError) {
    precondition(distance >= 1 && distance <= count && length >= 0)
    if length > capacity &- count {
      try reserve(length)
    }
    let destination = base + count
    let source = destination - distance
    if distance >= length {
      destination.update(from: source, count: length)
    } else if distance == 1 {
      destination.update(repeating: source.pointee, count: length)
    } else {
      // The bytes from `source` on repeat with period `distance`. Each pass copies a whole
      // number of periods that lie before the write position, so no copy overlaps itself.
      var copied = 0
      while copied < length {
        let chunk = min(length - copied, copied + distance)
        (destination + copied).update(from: source, count: chunk)
        copied += chunk
      }
    }
    count &+= length
  }

  /// Makes room for `extra` more bytes, doubling the capacity, or going straight to `limit`
  /// once doubling would pass it.
  ///
  /// Growing by less than a constant factor would copy the whole output on every match, which
  /// takes time quadratic in the output size.
  private mutating func reserve(_ extra: Int) throws(DecompressionError) {
    let (needed, overflow) = count.addingReportingOverflow(extra)
    guard !overflow, needed <= limit else {
      throw .outputExceedsLimit(limit: limit)
    }
    if needed <= capacity { return }
    // Past half the limit the next step is the limit itself. Growing only to `needed` there
    // would copy the whole buffer on every append, which is quadratic in the output size.
    var newCapacity = max(capacity, 256)
    while newCapacity < needed {
      newCapacity = newCapacity > limit / 2 ? limit : newCapacity * 2
    }
    newCapacity = min(newCapacity, limit)
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.update(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }

  /// Computes `body` over the bytes written from `start` to the end.
  func withBytes<R>(from start: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    precondition(start >= 0 && start <= count)
    return body(UnsafeBufferPointer(start: base + start, count: count - start))
  }

  /// Returns the written bytes as an array.
  func toArray() -> [UInt8] {
    Array(UnsafeBufferPointer(start: base, count: count))
  }
}
