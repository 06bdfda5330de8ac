import Foundation
import Testing

@testable import ShapeData

/// The growth of the inflate output buffer. It must grow by a constant factor all the way to
/// its limit, because growing by the bytes needed copies the whole output on every match.
@Suite struct OutputBufferGrowthTests {
  @Test func capacityJumpsToLimitPastHalf() throws {
    var buffer = OutputBuffer(capacityHint: 0, limit: 1000)
    for _ in 0..<512 {
      try buffer.append(7)
    }
    #expect(buffer.capacity == 512)
    try buffer.append(7)
    #expect(buffer.capacity == 1000)
    try buffer.copyMatch(distance: 1, length: 487)
    #expect(buffer.count == 1000)
    #expect(throws: DecompressionError.outputExceedsLimit(limit: 1000)) {
      try buffer.append(7)
    }
  }

  @Test func capacityDoublesBelowHalfOfLimit() throws {
    var buffer = OutputBuffer(capacityHint: 0, limit: 1 << 20)
    try buffer.append(1)
    #expect(buffer.capacity == 256)
    try buffer.copyMatch(distance: 1, length: 300)
    #expect(buffer.capacity == 512)
  }

  @Test func limitBelowInitialCapacity() throws {
    var buffer = OutputBuffer(capacityHint: 0, limit: 100)
    try buffer.append(1)
    #expect(buffer.capacity == 100)
  }

  /// Decodes a fuzzer input whose many short matches pass half of a 4 MiB limit. It timed out
  /// in the fuzzer while every match past half the limit copied the whole output.
  @Test(.timeLimit(.minutes(1)))
  func manyMatchesNearLimitStayFast() throws {
    let url = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fuzz/Regressions/inflate/slow_growth_near_limit.deflate")
    let bytes = [UInt8](try Data(contentsOf: url))
    #expect(throws: DecompressionError.outputExceedsLimit(limit: 4 << 20)) {
      try Inflate.decompress(bytes, limits: DataLimits(maxDecompressedBytes: 4 << 20))
    }
  }
}
