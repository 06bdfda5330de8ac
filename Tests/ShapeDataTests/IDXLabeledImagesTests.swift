import ShapeData
import Testing

@Suite struct IDXLabeledImagesTests {
  /// Three 2 × 3 images where pixel j of image i is 10·i + j, as in `datasets/images.idx.gz`.
  static let imagesBytes = IDXTestFile.bytes(
    dimensions: [3, 2, 3],
    data: (0..<3).flatMap { image in (0..<6).map { UInt8(image * 10 + $0) } })
  static let labelsBytes = IDXTestFile.bytes(dimensions: [3], data: [7, 3, 7])

  @Test func gzipMatchesPlain() throws {
    let compressed = try inputBytes("datasets/images.idx.gz")
    #expect(try IDXReader.parse(compressed) == IDXReader.parse(Self.imagesBytes))
  }

  @Test func gzipDamageIsReported() throws {
    let compressed = try inputBytes("datasets/corrupt-crc.gz")
    let error = #expect(throws: IDXError.self) {
      try IDXReader.parse(compressed)
    }
    guard case .decompression(.checksumMismatch)? = error else {
      Issue.record("expected a checksum mismatch, got \(String(describing: error))")
      return
    }
  }

  @Test func gzipOverLimitIsReported() throws {
    let compressed = try inputBytes("datasets/images.idx.gz")
    let limits = DataLimits(maxDecompressedBytes: 10)
    #expect(throws: IDXError.decompression(.outputExceedsLimit(limit: 10))) {
      try IDXReader.parse(compressed, limits: limits)
    }
  }

  @Test func imagesWithLabels() throws {
    let images = try IDXReader.parse(Self.imagesBytes)
    let labels = try IDXReader.parse(Self.labelsBytes)
    let items = try IDXReader.labeledImages(images: images, labels: labels, source: "t.idx")
    #expect(items.count == 3)
    #expect(items.map(\.label) == ["7", "3", "7"])
    #expect(items.map(\.source) == ["t.idx#0", "t.idx#1", "t.idx#2"])
    #expect(items[1].image == GrayImage(width: 3, height: 2, pixels: [10, 11, 12, 13, 14, 15]))
  }

  @Test func imagesWithoutLabelsAndLimit() throws {
    let images = try IDXReader.parse(Self.imagesBytes)
    let items = try IDXReader.labeledImages(images: images, labels: nil, source: "t", limit: 2)
    #expect(items.count == 2)
    #expect(items.allSatisfy { $0.label == nil })
  }

  @Test func labelsFileIsNotImages() throws {
    let labels = try IDXReader.parse(Self.labelsBytes)
    #expect(throws: IDXError.notImages(type: .unsignedByte, dimensions: [3])) {
      try IDXReader.labeledImages(images: labels, labels: nil, source: "t")
    }
  }

  @Test func imagesFileIsNotLabels() throws {
    let images = try IDXReader.parse(Self.imagesBytes)
    #expect(throws: IDXError.notLabels(type: .unsignedByte, dimensions: [3, 2, 3])) {
      try IDXReader.labeledImages(images: images, labels: images, source: "t")
    }
  }

  @Test func labelCountMismatch() throws {
    let images = try IDXReader.parse(Self.imagesBytes)
    let labels = IDXArray(type: .unsignedByte, dimensions: [2], data: [1, 2])
    #expect(throws: IDXError.labelCountMismatch(images: 3, labels: 2)) {
      try IDXReader.labeledImages(images: images, labels: labels, source: "t")
    }
  }

  @Test func handBuiltArrayMismatchRejected() {
    let images = IDXArray(type: .unsignedByte, dimensions: [2, 2, 2], data: [1, 2, 3])
    #expect(throws: IDXError.dataSizeMismatch(expectedBytes: 8, actualBytes: 3)) {
      try IDXReader.labeledImages(images: images, labels: nil, source: "t")
    }
    let huge = IDXArray(type: .unsignedByte, dimensions: [1, .max, 2], data: [])
    #expect(throws: IDXError.sizeOverflow(dimensions: [1, .max, 2])) {
      try IDXReader.labeledImages(images: huge, labels: nil, source: "t")
    }
  }

  @Test func emptyImagesWithHugeRows() throws {
    let bytes = IDXTestFile.bytes(dimensions: [0, .max, .max], data: [])
    let images = try IDXReader.parse(bytes)
    #expect(try IDXReader.labeledImages(images: images, labels: nil, source: "t").isEmpty)
  }
}
