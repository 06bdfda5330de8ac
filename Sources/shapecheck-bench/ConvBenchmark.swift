import ShapeTensor

/// A timing of the convolution, pooling and batch-norm layers of the LeNet-5 variant used as the
/// project's reference stack: Conv2d(1, 6, 5, padding=2), ReLU, MaxPool2d(2), Conv2d(6, 16, 5),
/// BatchNorm2d(16), ReLU, AvgPool2d(2, 2).
///
/// The batch has 2,038 inputs of shape 1×28×28, the size of the MNIST_SAMPLE validation set, with
/// values and weights drawn from a fixed-seed generator, so runs are comparable.
enum ConvBenchmark {
  static let batchSize = 2_038
  static let repetitions = 5

  /// Runs the stack `repetitions` times with `threads` kernel threads and returns a
  /// one-paragraph report of the best time.
  static func run(threads: Int) -> String {
    var random = BenchmarkRandom(seed: 42)
    let input = random.tensor([batchSize, 1, 28, 28], scale: 1)
    let stack = LeNetFeatures(random: &random)

    var best = Duration.seconds(Int64.max)
    var checksum: Float = 0
    let clock = ContinuousClock()
    for _ in 0..<repetitions {
      var output: Tensor?
      let elapsed = clock.measure { output = try? stack.forward(input, threads: threads) }
      guard let output else { return "conv benchmark failed: the stack rejected its input" }
      best = min(best, elapsed)
      checksum = output.scalars.reduce(0, +)
    }

    let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) * 1e-18
    let milliseconds = (seconds * 1000 * 10).rounded() / 10
    let rate = Int((Double(batchSize) / seconds).rounded())
    return "conv/pool/batch-norm layers of LeNet on \(batchSize) inputs of 1×28×28, "
      + "\(threads) thread(s): best of \(repetitions) runs \(milliseconds) ms "
      + "(\(rate) inputs/s); output sum \(checksum)"
  }
}

/// The feature layers of the benchmark stack with fixed random parameters.
private struct LeNetFeatures {
  let conv1Weight: Tensor
  let conv1Bias: Tensor
  let conv2Weight: Tensor
  let conv2Bias: Tensor
  let mean: Tensor
  let variance: Tensor

  init(random: inout BenchmarkRandom) {
    // Uniform bounds of 1 / sqrt(fan_in), the scale of PyTorch's default initialization.
    conv1Weight = random.tensor([6, 1, 5, 5], scale: 0.2)
    conv1Bias = random.tensor([6], scale: 0.2)
    conv2Weight = random.tensor([16, 6, 5, 5], scale: 0.08)
    conv2Bias = random.tensor([16], scale: 0.08)
    mean = Tensor(shape: [16], repeating: 0)
    variance = Tensor(shape: [16], repeating: 1)
  }

  func forward(_ input: Tensor, threads: Int) throws -> Tensor {
    let padded = ConvOptions(padding: [2])
    var x = try Convolution.conv2d(
      input, weight: conv1Weight, bias: conv1Bias, options: padded, threads: threads)
    rectify(&x)
    x = try Pooling.maxPool2d(x, kernelSize: [2], threads: threads)
    x = try Convolution.conv2d(x, weight: conv2Weight, bias: conv2Bias, threads: threads)
    x = try Normalization.batchNorm(
      x, runningMean: mean, runningVariance: variance, threads: threads)
    rectify(&x)
    return try Pooling.avgPool2d(x, kernelSize: [2], stride: [2], threads: threads)
  }

  /// Applies ReLU in place, standing in for the activation kernel that this benchmark does not
  /// time separately.
  private func rectify(_ tensor: inout Tensor) {
    tensor.scalars.withUnsafeMutableBufferPointer { values in
      for index in values.indices { values[index] = max(values[index], 0) }
    }
  }
}

/// A SplitMix64 generator of uniform floats for benchmark inputs.
private struct BenchmarkRandom {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func tensor(_ shape: [Int], scale: Float) -> Tensor {
    let count = shape.reduce(1, *)
    return Tensor(shape: shape, scalars: (0..<count).map { _ in next() * scale })
  }

  /// Returns a float in [-1, 1).
  private mutating func next() -> Float {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return Float(z >> 40) / Float(1 << 23) - 1
  }
}
