import Testing

@testable import ShapeData

@Suite struct OutputBufferTests {
  /// Growing past half the limit jumps to the limit, so the bytes between half the limit and
  /// the limit are not copied once for each append.
  @Test func growthPastHalfLimitReachesLimit() throws {
    let limit = 1 << 20
    var buffer = OutputBuffer(capacityHint: 0, limit: limit)
    for _ in 0..<(limit / 2 + 1) {
      try buffer.append(0x41)
    }
    #expect(buffer.count == limit / 2 + 1)
    #expect(buffer.capacity == limit)
  }

  @Test func matchPastLimitFails() throws {
    let limit = 3_000
    var buffer = OutputBuffer(capacityHint: 16, limit: limit)
    try buffer.append(0x42)
    try buffer.copyMatch(distance: 1, length: 2_000)
    #expect(buffer.capacity == 2_048)
    #expect(throws: DecompressionError.outputExceedsLimit(limit: limit)) {
      try buffer.copyMatch(distance: 1, length: 1_000)
    }
    #expect(buffer.count == 2_001)
  }
}
