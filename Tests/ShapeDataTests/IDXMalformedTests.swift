import ShapeData
import Testing

/// Damaged copies of a valid IDX file: every one must parse or throw, never trap.
@Suite struct IDXMalformedTests {
  @Test func everyIDXTruncationIsRejected() {
    let valid = IDXLabeledImagesTests.imagesBytes
    for length in 0..<valid.count {
      #expect(throws: IDXError.self, "length \(length)") {
        try IDXReader.parse(Array(valid.prefix(length)))
      }
    }
  }

  @Test func everyIDXHeaderByteValueParsesOrThrows() {
    let valid = IDXLabeledImagesTests.imagesBytes
    for position in 0..<16 {
      for value in UInt8.min...UInt8.max {
        var bytes = valid
        bytes[position] = value
        if let array = try? IDXReader.parse(bytes) {
          _ = try? IDXReader.labeledImages(images: array, labels: array, source: "t")
        }
      }
    }
  }
}
