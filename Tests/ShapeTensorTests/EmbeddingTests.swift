import Testing

@testable import ShapeTensor

@Suite struct EmbeddingTests {
  private let weight = Tensor(shape: [3, 2], scalars: [0, 1, 10, 11, 20, 21])

  @Test func lookupAppendsEmbeddingDimension() throws {
    let indices = Tensor(shape: [2, 2], scalars: [2, 0, 1, 1])
    let output = try EmbeddingLookup.embedding(indices, weight: weight)
    #expect(output == Tensor(shape: [2, 2, 2], scalars: [20, 21, 0, 1, 10, 11, 10, 11]))
  }

  @Test func scalarIndexGivesVector() throws {
    let output = try EmbeddingLookup.embedding(Tensor(shape: [], scalars: [1]), weight: weight)
    #expect(output == Tensor(shape: [2], scalars: [10, 11]))
  }

  @Test(arguments: [Float(3), -1, 1e30, -1e30])
  func outOfRangeIndexThrows(value: Float) {
    let indices = Tensor(shape: [2], scalars: [0, value])
    #expect(
      throws: EmbeddingError.indexOutOfRange(value: value, position: 1, numEmbeddings: 3)
    ) {
      try EmbeddingLookup.embedding(indices, weight: weight)
    }
  }

  @Test(arguments: [Float(0.5), -2.5, .nan, .infinity, -.infinity])
  func nonIntegerIndexThrows(value: Float) {
    let indices = Tensor(shape: [1], scalars: [value])
    // EmbeddingError equality cannot match a NaN payload, so compare the case and position.
    let error = #expect(throws: EmbeddingError.self) {
      try EmbeddingLookup.embedding(indices, weight: weight)
    }
    guard case .nonIntegerIndex(let thrown, let position) = error else {
      Issue.record("expected nonIntegerIndex, got \(String(describing: error))")
      return
    }
    #expect(thrown.bitPattern == value.bitPattern)
    #expect(position == 0)
  }

  @Test func maxNormScalesOnlyLongRows() throws {
    let table = Tensor(shape: [2, 2], scalars: [3, 4, 0.3, 0.4])
    let indices = Tensor(shape: [2], scalars: [0, 1])
    let output = try EmbeddingLookup.embedding(indices, weight: table, maxNorm: 1)
    let scale = Float(1 / (5 + 1e-7))
    SpatialKernelCheck.expectClose(output, shape: [2, 2], [3 * scale, 4 * scale, 0.3, 0.4])
  }

  @Test func weightMustBeMatrix() {
    #expect(throws: EmbeddingError.invalidWeightShape(shape: [6])) {
      try EmbeddingLookup.embedding(
        Tensor(shape: [1], scalars: [0]), weight: Tensor(shape: [6], repeating: 0))
    }
  }
}
