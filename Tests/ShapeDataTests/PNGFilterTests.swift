import Testing

@testable import ShapeData

@Suite struct PNGFilterTests {
  @Test func paethPredictorChoices() {
    // Estimate 20: left is exact.
    #expect(PNGFilter.paethPredictor(20, 10, 10) == 20)
    // Estimate 5: left and up are 5 away, upper-left is exact.
    #expect(PNGFilter.paethPredictor(0, 10, 5) == 5)
    // Estimate 8: left is 4 away, up and upper-left are 2 away, and up wins the tie.
    #expect(PNGFilter.paethPredictor(12, 6, 10) == 6)
  }

  @Test func paethRowsAcrossPixelStride() throws {
    // Two 2x2 RGB scanlines (stride 3) filtered with Paeth; the first row has no row above,
    // so Paeth there uses only the left neighbor.
    var data: [UInt8] = [
      4, 10, 20, 30, 5, 5, 5,
      4, 1, 1, 1, 2, 2, 2,
    ]
    try PNGFilter.unfilter(&data, start: 0, rowCount: 2, rowBytes: 6, stride: 3, firstRowNumber: 0)
    #expect(Array(data[1..<7]) == [10, 20, 30, 15, 25, 35])
    // Row 2, pixel 1 has no left neighbor, so it adds up: 10+1, 20+1, 30+1. In pixel 2,
    // channel 0 has left 11, up 15 and upper-left 10, so the estimate 16 picks up: 15+2.
    // The other channels work the same way.
    #expect(Array(data[8..<14]) == [11, 21, 31, 17, 27, 37])
  }

  @Test func averageAndSubWithWraparound() throws {
    var data: [UInt8] = [
      1, 200, 100,
      3, 10, 250,
    ]
    try PNGFilter.unfilter(&data, start: 0, rowCount: 2, rowBytes: 2, stride: 1, firstRowNumber: 0)
    // Sub: 200, 100 + 200 wraps to 44. Average: 10 + 200/2 = 110, 250 + (110 + 44)/2 = 327 → 71.
    #expect(Array(data[1..<3]) == [200, 44])
    #expect(Array(data[4..<6]) == [110, 71])
  }
}
