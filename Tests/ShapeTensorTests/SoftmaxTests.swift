import Testing

@testable import ShapeTensor

/// Checks `actual` element by element against `expected` within 1e-6 plus 1e-7 relative.
private func expectClose(
  _ actual: Tensor, _ expected: [Float], sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(actual.count == expected.count, sourceLocation: sourceLocation)
  for (index, value) in zip(actual.scalars, expected).enumerated() {
    let (got, want) = value
    if want.isInfinite {
      #expect(got == want, "element \(index)", sourceLocation: sourceLocation)
    } else {
      let tolerance = 1e-6 + 1e-7 * abs(want)
      #expect(abs(got - want) <= tolerance, "element \(index)", sourceLocation: sourceLocation)
    }
  }
}

/// Rows chosen to overflow a softmax without the max subtraction.
private let extremeRows = Tensor(
  shape: [4, 3], scalars: [1, 2, 3, 1000, 1001, 1002, -1000, 0, 1000, -3e38, 0, 3e38])

/// `torch.arange(24).reshape(2, 3, 4) * 0.37 - 2` in float32.
private let cube = Tensor(shape: [2, 3, 4], scalars: (0..<24).map { Float($0) * 0.37 - 2 })

@Suite("Softmax")
struct SoftmaxTests {
  @Test("softmax along last dim")
  func softmaxLastDimension() {
    let expected: [Float] = [
      0.09003057, 0.24472848, 0.66524094, 0.09003057, 0.24472848, 0.66524094, 0, 0, 1, 0, 0, 1,
    ]
    expectClose(extremeRows.softmax(dim: 1), expected)
    expectClose(extremeRows.softmax(dim: -1), expected)
  }

  @Test("softmax along first dim")
  func softmaxFirstDimension() {
    expectClose(extremeRows.softmax(dim: 0), [0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1])
    expectClose(extremeRows.softmax(dim: -2), [0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1])
  }

  @Test("log-softmax along last dim")
  func logSoftmaxLastDimension() {
    let expected: [Float] = [
      -2.407606, -1.4076059, -0.40760595, -2.407606, -1.4076059, -0.40760595, -2000, -1000, 0,
      -.infinity, -3e38, 0,
    ]
    expectClose(extremeRows.logSoftmax(dim: 1), expected)
  }

  @Test("log-softmax along first dim")
  func logSoftmaxFirstDimension() {
    let expected: [Float] = [
      -999, -999, -3e38, 0, 0, -3e38, -2000, -1001, -3e38, -3e38, -1001, 0,
    ]
    expectClose(extremeRows.logSoftmax(dim: 0), expected)
  }

  @Test("middle dim of rank-3 tensor")
  func middleDimension() {
    let softmaxColumn: [Float] = [0.04050072, 0.17791747, 0.7815818]
    let logColumn: [Float] = [-3.2064354, -1.7264354, -0.24643546]
    // Every slice along dim 1 contains values spaced 4 · 0.37 apart, so all slices agree.
    let expectedSoftmax = (0..<2).flatMap { _ in softmaxColumn.flatMap { [$0, $0, $0, $0] } }
    let expectedLog = (0..<2).flatMap { _ in logColumn.flatMap { [$0, $0, $0, $0] } }
    expectClose(cube.softmax(dim: 1), expectedSoftmax)
    expectClose(cube.logSoftmax(dim: -2), expectedLog)
  }

  @Test("softmax slices sum to one")
  func slicesSumToOne() {
    var generator = TorchGenerator(seed: 11)
    let values = TorchInit.uniform(count: 5 * 7 * 9, from: -30, to: 30, generator: &generator)
    let tensor = Tensor(shape: [5, 7, 9], scalars: values)
    let output = tensor.softmax(dim: 1)
    for outer in 0..<5 {
      for inner in 0..<9 {
        let sum = (0..<7).reduce(Float(0)) { $0 + output.scalars[outer * 63 + $1 * 9 + inner] }
        #expect(abs(sum - 1) <= 1e-6)
      }
    }
  }

  @Test("non-finite slices give NaN as PyTorch")
  func nonFiniteSlices() {
    let input = Tensor(
      shape: [3, 3], scalars: [-.infinity, -.infinity, -.infinity, .infinity, 0, 1, .nan, 0, 1])
    let softmax = input.softmax(dim: 1).scalars
    let logSoftmax = input.logSoftmax(dim: 1).scalars
    #expect(softmax.allSatisfy { $0.isNaN })
    #expect(logSoftmax.allSatisfy { $0.isNaN })
  }

  @Test("partly infinite slice in log-softmax")
  func partlyInfiniteSlice() {
    // PyTorch 2.13: log_softmax([-inf, 0, 1]) = [-inf, -1.31326163, -0.31326166].
    let output = Tensor(shape: [3], scalars: [-.infinity, 0, 1]).logSoftmax(dim: 0)
    expectClose(output, [-.infinity, -1.3132616, -0.31326166])
  }

  @Test("scalar and empty tensors")
  func scalarAndEmpty() {
    let scalar = Tensor(shape: [], scalars: [3])
    #expect(scalar.softmax(dim: 0).scalars == [1])
    #expect(scalar.softmax(dim: -1).scalars == [1])
    #expect(scalar.logSoftmax(dim: 0).scalars == [0])
    let empty = Tensor(shape: [2, 0, 3], scalars: [])
    #expect(empty.softmax(dim: 1).shape == [2, 0, 3])
    #expect(empty.logSoftmax(dim: 2).shape == [2, 0, 3])
  }

  @Test("dimension normalization")
  func dimensionNormalization() {
    #expect(Tensor.normalizedDimension(-1, rank: 3) == 2)
    #expect(Tensor.normalizedDimension(-3, rank: 3) == 0)
    #expect(Tensor.normalizedDimension(2, rank: 3) == 2)
    #expect(Tensor.normalizedDimension(3, rank: 3) == nil)
    #expect(Tensor.normalizedDimension(-4, rank: 3) == nil)
    #expect(Tensor.normalizedDimension(0, rank: 0) == 0)
    #expect(Tensor.normalizedDimension(-1, rank: 0) == 0)
    #expect(Tensor.normalizedDimension(1, rank: 0) == nil)
    #expect(Tensor.normalizedDimension(Int.min, rank: 2) == nil)
  }
}
