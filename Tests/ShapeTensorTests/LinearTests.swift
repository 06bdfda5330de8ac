import Testing

@testable import ShapeTensor

/// The pixels of an MNIST training image of the digit 3 (file 10000 of the `train/3` folder of
/// fastai's MNIST_SAMPLE), row-major, 28 × 28, 8-bit grayscale.
private let mnistThreePixels: [UInt8] = [
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,  29, 150, 195, 254, 255,
  254, 176, 193, 150,  96,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,  48, 166, 224, 253, 253, 234, 196,
  253, 253, 253, 253, 233,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,  93, 244, 249, 253, 187,  46,  10,   8,   4,
   10, 194, 253, 253, 233,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0, 107, 253, 253, 230,  48,   0,   0,   0,   0,
    0, 192, 253, 253, 156,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   3,  20,  20,  15,   0,   0,   0,   0,   0,
   43, 224, 253, 245,  74,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
  249, 253, 245, 126,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,  14, 101, 223,
  253, 248, 124,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,  11, 166, 239, 253, 253,
  253, 187,  30,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,  16, 248, 250, 253, 253,
  253, 253, 232, 213, 111,   2,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,  43,  98,  98,
  208, 253, 253, 253, 253, 187,  22,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    9,  51, 119, 253, 253, 253,  76,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   1, 183, 253, 253, 139,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0, 182, 253, 253, 104,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,  85, 249, 253, 253,  36,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,  60, 214, 253, 253, 173,  11,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
   98, 247, 253, 253, 226,   9,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,  42, 150,
  252, 253, 253, 233,  53,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,  42, 115,  42,  60, 115, 159, 240, 253,
  253, 250, 175,  25,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0, 187, 253, 253, 253, 253, 253, 253, 253,
  197,  86,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0, 103, 253, 253, 253, 253, 253, 232,  67,
    1,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
]

/// Activations that PyTorch 2.15 computed for that image divided by 255, with the seed-42
/// weights of Linear(784, 30), ReLU, Linear(30, 1).
private let expectedFirstLinear: [Float] = [
  -0.1971058, -0.28857458, 0.20227572, -0.09835595, 0.13379943, -0.16043168, 0.27008933,
  -0.3103185, 0.23126869, 0.12797959, -0.3244662, 0.13020973, -0.17609045, -0.13937597,
  0.023443088, -0.1383666, 0.3531311, 0.5235504, -0.13877773, 0.110883296, 0.0032641347,
  0.17931761, -0.36727276, -0.070638254, -0.13241817, -0.4853199, 0.35660815, 0.14758301,
  -0.28676787, -0.09293661,
]
private let expectedReLU: [Float] = [
  0.0, 0.0, 0.20227572, 0.0, 0.13379943, 0.0, 0.27008933, 0.0, 0.23126869, 0.12797959, 0.0,
  0.13020973, 0.0, 0.0, 0.023443088, 0.0, 0.3531311, 0.5235504, 0.0, 0.110883296, 0.0032641347,
  0.17931761, 0.0, 0.0, 0.0, 0.0, 0.35660815, 0.14758301, 0.0, 0.0,
]
private let expectedOutput: Float = -0.13849345

/// Returns `count` values from U(-1, 1) drawn with seed `seed`.
private func randomValues(count: Int, seed: UInt64) -> [Float] {
  var generator = TorchGenerator(seed: seed)
  return TorchInit.uniform(count: count, from: -1, to: 1, generator: &generator)
}

/// Computes x · Wᵀ + b with one Double sum per element, in the plainest order.
private func referenceLinear(
  input: [Float], weight: [Float], bias: [Float]?, rows: Int, inFeatures: Int, outFeatures: Int
) -> [Double] {
  var output = [Double](repeating: 0, count: rows * outFeatures)
  for row in 0..<rows {
    for column in 0..<outFeatures {
      var sum = Double(bias?[column] ?? 0)
      for k in 0..<inFeatures {
        sum += Double(input[row * inFeatures + k]) * Double(weight[column * inFeatures + k])
      }
      output[row * outFeatures + column] = sum
    }
  }
  return output
}

@Suite("Tensor.linear")
struct LinearTests {
  @Test(
    "matches a Double reference",
    arguments: [
      (0, 5, 3), (1, 1, 1), (1, 7, 1), (2, 4, 4), (3, 3, 5), (5, 257, 9), (33, 256, 65),
      (64, 600, 130), (65, 31, 64), (2, 0, 3), (7, 513, 1), (40, 784, 30),
    ])
  func matchesReference(rows: Int, inFeatures: Int, outFeatures: Int) {
    let inputValues = randomValues(count: rows * inFeatures, seed: 1)
    let weightValues = randomValues(count: outFeatures * inFeatures, seed: 2)
    let biasValues = randomValues(count: outFeatures, seed: 3)
    let input = Tensor(shape: [rows, inFeatures], scalars: inputValues)
    let weight = Tensor(shape: [outFeatures, inFeatures], scalars: weightValues)
    let bias = Tensor(shape: [outFeatures], scalars: biasValues)

    let output = Tensor.linear(input: input, weight: weight, bias: bias, threadCount: 1)
    let expected = referenceLinear(
      input: inputValues, weight: weightValues, bias: biasValues, rows: rows,
      inFeatures: inFeatures, outFeatures: outFeatures)

    #expect(output.shape == [rows, outFeatures])
    // Float32 sums of up to 784 products of magnitude below 1 stay well within 1e-4.
    let tolerance = 1e-6 + 4e-7 * Double(inFeatures)
    for (index, value) in output.scalars.enumerated() {
      #expect(abs(Double(value) - expected[index]) <= tolerance, "element \(index)")
    }
  }

  @Test("threads give identical bits", arguments: [1, 2, 3, 8])
  func threadCountDoesNotChangeBits(threads: Int) {
    let rows = 301
    let input = Tensor(shape: [rows, 257], scalars: randomValues(count: rows * 257, seed: 4))
    let weight = Tensor(shape: [70, 257], scalars: randomValues(count: 70 * 257, seed: 5))
    let bias = Tensor(shape: [70], scalars: randomValues(count: 70, seed: 6))
    let single = Tensor.linear(input: input, weight: weight, bias: bias, threadCount: 1)
    let parallel = Tensor.linear(input: input, weight: weight, bias: bias, threadCount: threads)
    #expect(single.scalars.map(\.bitPattern) == parallel.scalars.map(\.bitPattern))
  }

  @Test("single row splits over column tiles")
  func singleRowParallel() {
    // 600 · 2,000 multiply-adds exceed the parallel threshold with one row of input.
    let input = Tensor(shape: [1, 600], scalars: randomValues(count: 600, seed: 12))
    let weight = Tensor(shape: [2_000, 600], scalars: randomValues(count: 1_200_000, seed: 13))
    let single = Tensor.linear(input: input, weight: weight, bias: nil, threadCount: 1)
    let parallel = Tensor.linear(input: input, weight: weight, bias: nil, threadCount: 2)
    #expect(single.shape == [1, 2_000])
    #expect(single.scalars.map(\.bitPattern) == parallel.scalars.map(\.bitPattern))
    let expected = referenceLinear(
      input: input.scalars, weight: weight.scalars, bias: nil, rows: 1, inFeatures: 600,
      outFeatures: 2_000)
    for (index, value) in parallel.scalars.enumerated() {
      #expect(abs(Double(value) - expected[index]) <= 1e-4, "element \(index)")
    }
  }

  @Test("without bias adds nothing")
  func withoutBias() {
    let input = Tensor(shape: [2, 3], scalars: [1, 2, 3, -1, 0, 4])
    let weight = Tensor(shape: [2, 3], scalars: [1, 0, 0, 0.5, 0.5, 0.5])
    let output = Tensor.linear(input: input, weight: weight, bias: nil)
    #expect(output.shape == [2, 2])
    #expect(output.scalars == [1, 3, -1, 1.5])
  }

  @Test("rank-1 input gives rank-1 output")
  func rankOneInput() {
    let input = Tensor(shape: [3], scalars: [1, 2, 3])
    let weight = Tensor(shape: [2, 3], scalars: [1, 1, 1, 0, 0, 2])
    let bias = Tensor(shape: [2], scalars: [0.5, -1])
    let output = Tensor.linear(input: input, weight: weight, bias: bias)
    #expect(output.shape == [2])
    #expect(output.scalars == [6.5, 5])
  }

  @Test("leading dimensions are batched")
  func leadingDimensions() {
    let values = randomValues(count: 2 * 3 * 5, seed: 7)
    let weight = Tensor(shape: [4, 5], scalars: randomValues(count: 20, seed: 8))
    let batched = Tensor.linear(
      input: Tensor(shape: [2, 3, 5], scalars: values), weight: weight, bias: nil)
    let flat = Tensor.linear(
      input: Tensor(shape: [6, 5], scalars: values), weight: weight, bias: nil)
    #expect(batched.shape == [2, 3, 4])
    #expect(batched.scalars == flat.scalars)
  }

  @Test("empty batch gives empty output")
  func emptyBatch() {
    let weight = Tensor(shape: [4, 5], scalars: randomValues(count: 20, seed: 9))
    let bias = Tensor(shape: [4], repeating: 1)
    let output = Tensor.linear(
      input: Tensor(shape: [0, 5], scalars: []), weight: weight, bias: bias, threadCount: 2)
    #expect(output.shape == [0, 4])
    #expect(output.scalars.isEmpty)
    let nested = Tensor.linear(
      input: Tensor(shape: [3, 0, 5], scalars: []), weight: weight, bias: bias)
    #expect(nested.shape == [3, 0, 4])
  }

  @Test("zero input features give the bias")
  func zeroInputFeatures() {
    let weight = Tensor(shape: [3, 0], scalars: [])
    let bias = Tensor(shape: [3], scalars: [1, -2, 0.25])
    let output = Tensor.linear(
      input: Tensor(shape: [2, 0], scalars: []), weight: weight, bias: bias)
    #expect(output.shape == [2, 3])
    #expect(output.scalars == [1, -2, 0.25, 1, -2, 0.25])
    let noBias = Tensor.linear(
      input: Tensor(shape: [2, 0], scalars: []), weight: weight, bias: nil)
    #expect(noBias.scalars == [0, 0, 0, 0, 0, 0])
  }

  @Test("zero output features give empty rows")
  func zeroOutputFeatures() {
    let output = Tensor.linear(
      input: Tensor(shape: [2, 3], repeating: 1), weight: Tensor(shape: [0, 3], scalars: []),
      bias: Tensor(shape: [0], scalars: []))
    #expect(output.shape == [2, 0])
  }

  @Test("NaN and infinity propagate")
  func nonFiniteValues() {
    let input = Tensor(shape: [2, 2], scalars: [.nan, 1, .infinity, 1])
    let weight = Tensor(shape: [1, 2], scalars: [1, 1])
    let output = Tensor.linear(input: input, weight: weight, bias: nil)
    #expect(output.scalars[0].isNaN)
    #expect(output.scalars[1] == .infinity)
  }

  @Test("MNIST digit matches PyTorch activations")
  func mnistActivations() throws {
    var generator = TorchGenerator(seed: 42)
    let first = try #require(
      TorchInit.defaultParameters(weightShape: [30, 784], biasCount: 30, generator: &generator))
    let second = try #require(
      TorchInit.defaultParameters(weightShape: [1, 30], biasCount: 1, generator: &generator))
    // PyTorch divides the uint8 pixels by 255 in Float32.
    let pixels = mnistThreePixels.map { Float($0) / 255 }
    let input = Tensor(shape: [784], scalars: pixels)

    let hidden = Tensor.linear(input: input, weight: first.weight, bias: first.bias)
    let activated = hidden.relu()
    let output = Tensor.linear(input: activated, weight: second.weight, bias: second.bias)

    #expect(hidden.shape == [30])
    for (index, value) in hidden.scalars.enumerated() {
      #expect(abs(value - expectedFirstLinear[index]) <= 1e-6, "act1 element \(index)")
      #expect(abs(activated.scalars[index] - expectedReLU[index]) <= 1e-6, "act2 element \(index)")
    }
    #expect(output.shape == [1])
    #expect(abs(output.scalars[0] - expectedOutput) <= 1e-6)
  }
}
