import Testing

@testable import ShapeTensor

@Suite struct ConvTests {
  private func row(_ values: [Float]) -> Tensor {
    Tensor(shape: [1, 1, values.count], scalars: values)
  }

  @Test func conv1dIsCrossCorrelation() throws {
    let weight = Tensor(shape: [1, 1, 3], scalars: [1, 0, -1])
    let output = try Convolution.conv1d(row([1, 2, 3, 4, 5]), weight: weight)
    #expect(output == Tensor(shape: [1, 1, 3], scalars: [-2, -2, -2]))
  }

  @Test func conv1dStrideAndPadding() throws {
    let weight = Tensor(shape: [1, 1, 2], scalars: [1, 1])
    let options = ConvOptions(stride: [2], padding: [1])
    let output = try Convolution.conv1d(row([1, 2, 3, 4, 5]), weight: weight, options: options)
    #expect(output == Tensor(shape: [1, 1, 3], scalars: [1, 5, 9]))
  }

  @Test func conv1dDilation() throws {
    let weight = Tensor(shape: [1, 1, 2], scalars: [1, 10])
    let options = ConvOptions(dilation: [3])
    let output = try Convolution.conv1d(row([1, 2, 3, 4, 5]), weight: weight, options: options)
    #expect(output == Tensor(shape: [1, 1, 2], scalars: [41, 52]))
  }

  @Test func conv1dAsymmetricPadding() throws {
    let weight = Tensor(shape: [1, 1, 2], scalars: [1, 1])
    let options = ConvOptions(padding: [ConvPadding(before: 0, after: 1)])
    let output = try Convolution.conv1d(row([1, 2, 3]), weight: weight, options: options)
    #expect(output == Tensor(shape: [1, 1, 3], scalars: [3, 5, 3]))
  }

  @Test func conv1dSamePaddingMatchesPyTorch() throws {
    // PyTorch 2.13: F.conv1d(torch.arange(5.).view(1, 1, 5),
    //   torch.tensor([[[1., 10, 100, 1000]]]), padding='same') gives these values.
    let weight = Tensor(shape: [1, 1, 4], scalars: [1, 10, 100, 1000])
    let padding = try #require(ConvArithmetic.samePadding(kernelSize: 4))
    let options = ConvOptions(padding: [padding])
    let output = try Convolution.conv1d(row([0, 1, 2, 3, 4]), weight: weight, options: options)
    #expect(output == Tensor(shape: [1, 1, 5], scalars: [2100, 3210, 4321, 432, 43]))
  }

  @Test(arguments: [
    (ConvPaddingMode.zeros, [Float]([0, 0, 1, 2, 3, 4, 0, 0])),
    (.reflect, [3, 2, 1, 2, 3, 4, 3, 2]),
    (.replicate, [1, 1, 1, 2, 3, 4, 4, 4]),
    (.circular, [3, 4, 1, 2, 3, 4, 1, 2]),
  ])
  func paddingModesWithUnitKernel(mode: ConvPaddingMode, expected: [Float]) throws {
    let weight = Tensor(shape: [1, 1, 1], scalars: [1])
    let options = ConvOptions(padding: [2], paddingMode: mode)
    let output = try Convolution.conv1d(row([1, 2, 3, 4]), weight: weight, options: options)
    #expect(output == Tensor(shape: [1, 1, 8], scalars: expected))
  }

  @Test func paddingModeLimits() throws {
    let weight = Tensor(shape: [1, 1, 1], scalars: [1])
    let input = row([1, 2, 3, 4])
    #expect(throws: ConvError.paddingTooLarge(mode: .reflect, padding: 4, inputSize: 4)) {
      try Convolution.conv1d(
        input, weight: weight, options: ConvOptions(padding: [4], paddingMode: .reflect))
    }
    #expect(throws: ConvError.paddingTooLarge(mode: .circular, padding: 5, inputSize: 4)) {
      try Convolution.conv1d(
        input, weight: weight, options: ConvOptions(padding: [5], paddingMode: .circular))
    }
    let wrapped = try Convolution.conv1d(
      input, weight: weight, options: ConvOptions(padding: [4], paddingMode: .circular))
    #expect(wrapped.scalars == [1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4])
    let replicated = try Convolution.conv1d(
      input, weight: weight, options: ConvOptions(padding: [6], paddingMode: .replicate))
    #expect(replicated.count == 16)
  }

  @Test func groupsKeepChannelsApart() throws {
    let input = Tensor(shape: [1, 2, 1, 1], scalars: [2, 3])
    let weight = Tensor(shape: [2, 1, 1, 1], scalars: [10, 100])
    let output = try Convolution.conv2d(input, weight: weight, options: ConvOptions(groups: 2))
    #expect(output == Tensor(shape: [1, 2, 1, 1], scalars: [20, 300]))
  }

  @Test func conv2dBiasAndUnbatchedShape() throws {
    let input = Tensor(shape: [1, 2, 2], scalars: [1, 2, 3, 4])
    let weight = Tensor(shape: [1, 1, 2, 2], scalars: [1, 1, 1, 1])
    let bias = Tensor(shape: [1], scalars: [0.5])
    let output = try Convolution.conv2d(input, weight: weight, bias: bias)
    #expect(output == Tensor(shape: [1, 1, 1], scalars: [10.5]))
  }

  @Test func emptyBatchGivesEmptyOutput() throws {
    let input = Tensor(shape: [0, 1, 4, 4], scalars: [])
    let weight = Tensor(shape: [3, 1, 3, 3], repeating: 1)
    let output = try Convolution.conv2d(input, weight: weight, threads: 2)
    #expect(output.shape == [0, 3, 2, 2])
  }

  @Test(arguments: [1, 2, 3, 8])
  func threadCountDoesNotChangeResult(threads: Int) throws {
    var generator = KernelTestRandom(seed: 7)
    let input = generator.tensor([5, 3, 9, 8])
    let weight = generator.tensor([7, 3, 3, 3])
    let bias = generator.tensor([7])
    let options = ConvOptions(stride: [2, 1], padding: [1])
    let single = try Convolution.conv2d(input, weight: weight, bias: bias, options: options)
    let parallel = try Convolution.conv2d(
      input, weight: weight, bias: bias, options: options, threads: threads)
    #expect(parallel == single)
  }

  @Test func batchSharesCoverEverySampleOnce() {
    for (batch, workers) in [(7, 2), (2038, 2), (5, 5), (10, 3), (Int.max, 7)] {
      let shares = (0..<workers).map {
        ConvWorkers.share(of: $0, workers: workers, batch: batch)
      }
      #expect(shares.first?.lowerBound == 0)
      #expect(shares.last?.upperBound == batch)
      for (left, right) in zip(shares, shares.dropFirst()) {
        #expect(left.upperBound == right.lowerBound)
        #expect(abs(left.count - right.count) <= 1)
      }
    }
  }

  @Test func batchedEqualsUnbatchedPerSample() throws {
    var generator = KernelTestRandom(seed: 3)
    let input = generator.tensor([2, 2, 5, 5])
    let weight = generator.tensor([3, 2, 2, 3])
    let batched = try Convolution.conv2d(input, weight: weight)
    let sample = Tensor(shape: [2, 5, 5], scalars: Array(input.scalars[50..<100]))
    let single = try Convolution.conv2d(sample, weight: weight)
    #expect(single.shape == [3, 4, 3])
    #expect(single.scalars == Array(batched.scalars[36..<72]))
  }

  struct MatrixCase: Sendable, CustomTestStringConvertible {
    let input: [Int]
    let weight: [Int]
    let options: ConvOptions
    var testDescription: String { "input \(input) weight \(weight)" }
  }

  // Channel counts that are not multiples of the 4-row tile and widths that are not multiples of
  // the 8-column vector exercise every path of the matrix multiply.
  static let matrixCases: [MatrixCase] = [
    MatrixCase(input: [2, 1, 28, 28], weight: [6, 1, 5, 5], options: ConvOptions(padding: [2])),
    MatrixCase(input: [1, 6, 14, 14], weight: [16, 6, 5, 5], options: ConvOptions()),
    MatrixCase(input: [1, 5, 7, 33], weight: [9, 5, 3, 2], options: ConvOptions(padding: [1])),
    MatrixCase(
      input: [1, 4, 9, 40], weight: [6, 2, 2, 3],
      options: ConvOptions(stride: [1, 3], padding: [2, 0], dilation: [3, 1], groups: 2)),
    MatrixCase(
      input: [2, 3, 6, 37], weight: [5, 3, 3, 3],
      options: ConvOptions(
        padding: [ConvPadding(before: 0, after: 2), ConvPadding(before: 2, after: 1)],
        paddingMode: .reflect)),
    MatrixCase(
      input: [1, 2, 4, 19], weight: [3, 2, 3, 4],
      options: ConvOptions(stride: [2], padding: [3], paddingMode: .circular)),
    MatrixCase(input: [1, 600, 1, 1], weight: [1, 600, 1, 1], options: ConvOptions()),
  ]

  @Test(arguments: matrixCases)
  func matchesDirectLoops(_ item: MatrixCase) throws {
    var generator = KernelTestRandom(seed: UInt64(item.input.reduce(1, *)))
    let input = generator.tensor(item.input)
    let weight = generator.tensor(item.weight)
    let bias = generator.tensor([item.weight[0]])
    let output = try Convolution.conv2d(
      input, weight: weight, bias: bias, options: item.options, threads: 2)
    let expected = DirectConvolution.conv2d(input, weight: weight, bias: bias, item.options)
    SpatialKernelCheck.expectClose(output, expected)
  }

  @Test func conv1dMatchesConv2dOfHeightOne() throws {
    var generator = KernelTestRandom(seed: 11)
    let input = generator.tensor([2, 4, 21])
    let weight = generator.tensor([6, 2, 3])
    let options = ConvOptions(stride: [2], padding: [2], dilation: [2], groups: 2)
    let output = try Convolution.conv1d(input, weight: weight, options: options)
    let planarInput = try #require(input.reshaped(to: [2, 4, 1, 21]))
    let planarWeight = try #require(weight.reshaped(to: [6, 2, 1, 3]))
    let planar = try Convolution.conv2d(
      planarInput, weight: planarWeight,
      options: ConvOptions(stride: [1, 2], padding: [0, 2], dilation: [1, 2], groups: 2))
    #expect(output.shape == [2, 6, 11])
    #expect(output.scalars == planar.scalars)
  }
}
