import ShapeLayers
import ShapeSource
import ShapeTensor
import Testing

/// Builds a BatchNorm layer without a model file.
private func batchNorm(spatialRank: Int, features: Int, trackRunningStats: Bool = true) -> LayerInstance {
  let kind = BatchNormKind(spatialRank: spatialRank)
  return LayerInstance(
    name: "bn", kind: kind,
    arguments: [
      "num_features": .integer(features), "eps": .float(1e-5), "momentum": .float(0.1),
      "affine": .boolean(true), "track_running_stats": .boolean(trackRunningStats),
    ],
    argumentRanges: [:], callRange: SourceRange.at(0), constructionIndex: 0)
}

@Suite struct BatchNormForwardTests {
  @Test func usesLoadedRunningStatistics() throws {
    let layer = batchNorm(spatialRank: 1, features: 2)
    let input = Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])
    let parameters = [
      "weight": Tensor(shape: [2], scalars: [2, 1]), "bias": Tensor(shape: [2], scalars: [0, 1]),
      "running_mean": Tensor(shape: [2], scalars: [1, 0]),
      "running_var": Tensor(shape: [2], scalars: [4, 1]),
    ]
    let output = try layer.kind.forward(input, of: layer, parameters: parameters)
    let expected: [Float] = [
      (1 - 1) / (4 + 1e-5).squareRoot() * 2, 2 / (1 + 1e-5).squareRoot() + 1,
      (3 - 1) / (4 + 1e-5).squareRoot() * 2, 4 / (1 + 1e-5).squareRoot() + 1,
    ]
    for (value, reference) in zip(output.scalars, expected) {
      #expect(abs(value - reference) <= 1e-6)
    }
  }

  @Test func withoutRunningStatisticsUsesTheBatch() throws {
    let layer = batchNorm(spatialRank: 1, features: 1, trackRunningStats: false)
    let input = Tensor(shape: [4, 1], scalars: [1, 2, 3, 4])
    let parameters = [
      "weight": Tensor(shape: [1], scalars: [1]), "bias": Tensor(shape: [1], scalars: [0]),
    ]
    let output = try layer.kind.forward(input, of: layer, parameters: parameters)
    // Mean 2.5 and biased variance 1.25.
    let scale = 1 / Float(1.25 + 1e-5).squareRoot()
    let expected: [Float] = [-1.5 * scale, -0.5 * scale, 0.5 * scale, 1.5 * scale]
    for (value, reference) in zip(output.scalars, expected) {
      #expect(abs(value - reference) <= 1e-6)
    }
  }

  @Test func rejectsUnbatchedInputWithoutTrapping() {
    let layer = batchNorm(spatialRank: 2, features: 3)
    let input = Tensor(shape: [3, 2, 2], repeating: 1)
    #expect(throws: KernelError.self) {
      try layer.kind.forward(input, of: layer, parameters: [:])
    }
  }

  @Test func initializationDrawsNothing() {
    let layer = batchNorm(spatialRank: 2, features: 3)
    var generator = TorchGenerator(seed: 42)
    var untouched = TorchGenerator(seed: 42)
    let tensors = layer.kind.initialParameters(of: layer, generator: &generator)
    #expect(tensors["running_var"]?.scalars == [1, 1, 1])
    #expect(generator.nextUInt32() == untouched.nextUInt32())
  }

  /// PyTorch 2.13: `nn.BatchNorm2d(2, track_running_stats=False).eval()` on
  /// `torch.arange(16.).reshape(2, 2, 2, 2) + 1000`, whose large offset defeats a one-pass
  /// variance.
  @Test func batchStatisticsSurviveLargeOffset() throws {
    let layer = batchNorm(spatialRank: 2, features: 2, trackRunningStats: false)
    let input = Tensor(shape: [2, 2, 2, 2], scalars: (0..<16).map { Float($0) + 1000 })
    let parameters = [
      "weight": Tensor(shape: [2], scalars: [1, 1]), "bias": Tensor(shape: [2], scalars: [0, 0]),
    ]
    let output = try layer.kind.forward(input, of: layer, parameters: parameters)
    let expected: [Float] = [
      -1.3242498636245728, -1.0834782123565674, -0.842706561088562, -0.6019349694252014,
      -1.3242371082305908, -1.0834654569625854,
    ]
    for (value, reference) in zip(output.scalars, expected) {
      #expect(abs(value - reference) <= 1e-5)
    }
  }
}
