import Testing

@testable import ShapeTensor

@Suite struct NormTests {
  private func vector(_ values: [Float]) -> Tensor {
    Tensor(shape: [values.count], scalars: values)
  }

  @Test func batchNormUsesRunningStatistics() throws {
    let input = Tensor(shape: [1, 2], scalars: [1, 2])
    let output = try Normalization.batchNorm(
      input, runningMean: vector([1, 0]), runningVariance: vector([4, 1]),
      weight: vector([2, 3]), bias: vector([1, -1]), epsilon: 0)
    #expect(output == Tensor(shape: [1, 2], scalars: [1, 5]))
  }

  @Test func batchNormInitialStatisticsScaleByEpsilon() throws {
    let input = Tensor(shape: [2, 1, 2, 1], scalars: [1, -2, 3, 0])
    let output = try Normalization.batchNorm(
      input, runningMean: vector([0]), runningVariance: vector([1]))
    let scale = 1 / (1 + Float(1e-5)).squareRoot()
    SpatialKernelCheck.expectClose(output, shape: [2, 1, 2, 1], [scale, -2 * scale, 3 * scale, 0])
  }

  @Test(arguments: [2, 5, 100])
  func batchNormThreadCountDoesNotChangeResult(threads: Int) throws {
    var generator = KernelTestRandom(seed: 4)
    let input = generator.tensor([3, 4, 5, 6])
    let mean = generator.tensor([4])
    let variance = Tensor(shape: [4], scalars: [0.5, 1, 2, 4])
    let weight = generator.tensor([4])
    let single = try Normalization.batchNorm(
      input, runningMean: mean, runningVariance: variance, weight: weight)
    let parallel = try Normalization.batchNorm(
      input, runningMean: mean, runningVariance: variance, weight: weight, threads: threads)
    #expect(parallel == single)
  }

  @Test func batchNormChecksShapes() {
    let input = Tensor(shape: [2, 3], repeating: 0)
    #expect(throws: NormError.invalidInputRank(shape: [3], minimumRank: 2)) {
      try Normalization.batchNorm(
        vector([1, 2, 3]), runningMean: vector([0]), runningVariance: vector([1]))
    }
    let meanError = NormError.invalidParameterShape(name: "running mean", shape: [2], expected: [3])
    #expect(throws: meanError) {
      try Normalization.batchNorm(
        input, runningMean: vector([0, 0]), runningVariance: vector([1, 1, 1]))
    }
    #expect(throws: NormError.invalidParameterShape(name: "bias", shape: [1], expected: [3])) {
      try Normalization.batchNorm(
        input, runningMean: vector([0, 0, 0]), runningVariance: vector([1, 1, 1]),
        bias: vector([0]))
    }
  }

  @Test func layerNormStandardizes() throws {
    let input = Tensor(shape: [1, 3], scalars: [1, 2, 3])
    let output = try Normalization.layerNorm(input, normalizedShape: [3], epsilon: 0)
    let value = Float(1.5).squareRoot()
    SpatialKernelCheck.expectClose(output, shape: [1, 3], [-value, 0, value])
  }

  @Test func layerNormOfConstantIsBias() throws {
    let input = Tensor(shape: [2, 2], repeating: 7)
    let output = try Normalization.layerNorm(
      input, normalizedShape: [2], weight: vector([3, 3]), bias: vector([1, -1]))
    #expect(output == Tensor(shape: [2, 2], scalars: [1, -1, 1, -1]))
  }

  @Test func largeOffsetMatchesPyTorchRounding() throws {
    // The inputs are 0, 1, 2 and 3 float32 ulps above 10000. PyTorch 2.13 gives these values for
    // F.layer_norm(x, (4,), eps=0.0) and F.group_norm(x.view(1, 1, 4), 1, eps=0.0): the variance
    // is exact, but the mean is rounded to float32 (up to 2 ulps) before the subtraction.
    let input = Tensor(shape: [1, 1, 4], scalars: [10_000, 10_000.001, 10_000.002, 10_000.003])
    let expected: [Float] = [-1.7888544, -0.8944272, 0, 0.8944272]
    let layered = try Normalization.layerNorm(input, normalizedShape: [4], epsilon: 0)
    SpatialKernelCheck.expectClose(layered, shape: [1, 1, 4], expected)
    let grouped = try Normalization.groupNorm(input, groups: 1, epsilon: 0)
    SpatialKernelCheck.expectClose(grouped, shape: [1, 1, 4], expected)
  }

  @Test func layerNormChecksNormalizedShape() {
    let input = Tensor(shape: [2, 3], repeating: 0)
    #expect(throws: NormError.invalidNormalizedShape(normalizedShape: [2], input: [2, 3])) {
      try Normalization.layerNorm(input, normalizedShape: [2])
    }
    #expect(throws: NormError.invalidNormalizedShape(normalizedShape: [1, 2, 3], input: [2, 3])) {
      try Normalization.layerNorm(input, normalizedShape: [1, 2, 3])
    }
    #expect(throws: NormError.invalidParameterShape(name: "weight", shape: [2], expected: [3])) {
      try Normalization.layerNorm(input, normalizedShape: [3], weight: vector([1, 1]))
    }
  }

  @Test func groupNormWithOneGroupIsLayerNorm() throws {
    var generator = KernelTestRandom(seed: 5)
    let input = generator.tensor([2, 4, 3, 2])
    let grouped = try Normalization.groupNorm(input, groups: 1)
    let layered = try Normalization.layerNorm(input, normalizedShape: [4, 3, 2])
    SpatialKernelCheck.expectClose(grouped, layered)
  }

  @Test func groupNormPerChannelAffine() throws {
    let input = Tensor(shape: [1, 2, 2], scalars: [1, 3, 10, 30])
    let output = try Normalization.groupNorm(
      input, groups: 2, weight: vector([1, 2]), bias: vector([0, 5]), epsilon: 0)
    SpatialKernelCheck.expectClose(output, shape: [1, 2, 2], [-1, 1, 3, 7])
  }

  @Test func groupNormChecksGroups() {
    let input = Tensor(shape: [1, 6, 2], repeating: 0)
    #expect(throws: NormError.invalidGroups(groups: 4, channels: 6)) {
      try Normalization.groupNorm(input, groups: 4)
    }
    #expect(throws: NormError.invalidGroups(groups: 0, channels: 6)) {
      try Normalization.groupNorm(input, groups: 0)
    }
  }

  @Test func emptySpatialInputPassesThrough() throws {
    let input = Tensor(shape: [2, 4, 0], scalars: [])
    let output = try Normalization.groupNorm(input, groups: 2)
    #expect(output.shape == [2, 4, 0])
  }
}
