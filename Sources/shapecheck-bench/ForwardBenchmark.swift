import Foundation
import ShapeTensor

/// A timing of the forward pass of the 784→30→1 MLP (Linear, ReLU, Linear) with the weights
/// `torch.manual_seed(42)` gives, on a batch the size of the MNIST_SAMPLE validation set.
enum ForwardBenchmark {
  /// Rows per batch: the 1,010 + 1,028 images of the MNIST_SAMPLE validation set.
  static let batchSize = 2_038
  /// Timed repetitions; the report gives the fastest.
  static let repetitions = 30

  /// Runs the benchmark with `threads` threads for the linear layers and returns a one-paragraph
  /// report with the best time, the time per sample and the arithmetic rate.
  static func run(threads: Int) -> String {
    var generator = TorchGenerator(seed: 42)
    guard
      let first = TorchInit.defaultParameters(
        weightShape: [30, 784], biasCount: 30, generator: &generator),
      let second = TorchInit.defaultParameters(
        weightShape: [1, 30], biasCount: 1, generator: &generator)
    else {
      return "forward benchmark failed: invalid layer shapes"
    }
    // The same inputs as `torch.manual_seed(0); torch.rand(2038, 784)`.
    var inputGenerator = TorchGenerator(seed: 0)
    let pixels = TorchInit.uniform(
      count: batchSize * 784, from: 0, to: 1, generator: &inputGenerator)
    let input = Tensor(shape: [batchSize, 784], scalars: pixels)

    let forward = {
      let hidden = Tensor.linear(
        input: input, weight: first.weight, bias: first.bias, threadCount: threads
      ).relu()
      return Tensor.linear(
        input: hidden, weight: second.weight, bias: second.bias, threadCount: threads)
    }

    var checksum = forward().scalars.reduce(0, +)  // warm-up run
    var best = Duration.seconds(1_000)
    let clock = ContinuousClock()
    for _ in 0..<repetitions {
      let start = clock.now
      let output = forward()
      best = min(best, clock.now - start)
      checksum = output.scalars.reduce(0, +)
    }
    return report(best: best, threads: threads, checksum: checksum)
  }

  /// Formats the paragraph for the fastest repetition.
  private static func report(best: Duration, threads: Int, checksum: Float) -> String {
    let seconds =
      Double(best.components.seconds) + Double(best.components.attoseconds) * 1e-18
    let multiplyAdds = Double(batchSize) * Double(784 * 30 + 30 * 1)
    let gigaflops = 2 * multiplyAdds / seconds / 1e9
    let milliseconds = seconds * 1e3
    let microsecondsPerSample = seconds * 1e6 / Double(batchSize)
    return """
      Forward pass of the 784-30-1 MLP (Linear, ReLU, Linear; seed-42 weights) on \
      \(batchSize) random 784-vectors with \(threads) thread(s): best of \(repetitions) runs \
      \(String(format: "%.3f", milliseconds)) ms, \
      \(String(format: "%.2f", microsecondsPerSample)) µs per sample, \
      \(String(format: "%.2f", gigaflops)) GFLOP/s (output sum \(checksum)).
      """
  }
}
