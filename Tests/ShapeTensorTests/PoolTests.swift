import Testing

@testable import ShapeTensor

@Suite struct PoolTests {
  private let ramp = Tensor(shape: [1, 1, 7], scalars: [0, 1, 2, 3, 4, 5, 6])

  @Test func maxPool1dCeilModeKeepsLastWindow() throws {
    // PyTorch 2.13: F.max_pool1d(torch.arange(7.).view(1, 1, 7), 3, 2, 1, ceil_mode=True).
    let output = try Pooling.maxPool1d(
      ramp, kernelSize: [3], stride: [2], padding: [1], ceilMode: true)
    #expect(output == Tensor(shape: [1, 1, 4], scalars: [1, 3, 5, 6]))
  }

  @Test func avgPool1dCountIncludePad() throws {
    // The last window starts at input index 5 and covers 5, 6 and one right padding element,
    // so the divisor is 3 with count_include_pad and 2 without.
    let included = try Pooling.avgPool1d(
      ramp, kernelSize: [3], stride: [2], padding: [1], ceilMode: true)
    SpatialKernelCheck.expectClose(included, shape: [1, 1, 4], [1.0 / 3, 2, 4, 11.0 / 3])
    let excluded = try Pooling.avgPool1d(
      ramp, kernelSize: [3], stride: [2], padding: [1], ceilMode: true, countIncludePad: false)
    SpatialKernelCheck.expectClose(excluded, shape: [1, 1, 4], [0.5, 2, 4, 5.5])
  }

  @Test func avgPoolCeilWindowPastPaddingIsClipped() throws {
    // Length 4, kernel 3, stride 2, no padding: ceil mode adds a window over [2, 3] only, and
    // PyTorch divides by 2, the part inside the input, even with count_include_pad.
    let input = Tensor(shape: [1, 4], scalars: [1, 2, 3, 5])
    let output = try Pooling.avgPool1d(input, kernelSize: [3], stride: [2], ceilMode: true)
    SpatialKernelCheck.expectClose(output, shape: [1, 2], [2, 4])
  }

  @Test func strideDefaultsToKernel() throws {
    let input = Tensor(shape: [1, 4, 4], scalars: (0..<16).map(Float.init))
    let output = try Pooling.maxPool2d(input, kernelSize: [2])
    #expect(output == Tensor(shape: [1, 2, 2], scalars: [5, 7, 13, 15]))
    let average = try Pooling.avgPool2d(input, kernelSize: [2])
    #expect(average == Tensor(shape: [1, 2, 2], scalars: [2.5, 4.5, 10.5, 12.5]))
  }

  @Test func maxPoolDilation() throws {
    let input = Tensor(shape: [1, 5], scalars: [5, 1, 1, 1, 9])
    let output = try Pooling.maxPool1d(input, kernelSize: [2], stride: [1], dilation: [4])
    #expect(output == Tensor(shape: [1, 1], scalars: [9]))
  }

  @Test func maxPoolPropagatesNaN() throws {
    let input = Tensor(shape: [1, 4], scalars: [1, .nan, 3, 4])
    let output = try Pooling.maxPool1d(input, kernelSize: [2])
    #expect(output.scalars[0].isNaN)
    #expect(output.scalars[1] == 4)
    let adaptive = try Pooling.adaptiveMaxPool1d(input, outputSize: [1])
    #expect(adaptive.scalars[0].isNaN)
  }

  @Test func maxPoolKeepsNegativeInfinity() throws {
    let input = Tensor(shape: [1, 2], scalars: [-.infinity, -.infinity])
    let output = try Pooling.maxPool1d(input, kernelSize: [2])
    #expect(output.scalars == [-.infinity])
  }

  @Test func divisorOverrideReplacesCount() throws {
    let input = Tensor(shape: [1, 2, 2], repeating: 1)
    let output = try Pooling.avgPool2d(input, kernelSize: [2], divisorOverride: 1)
    #expect(output.scalars == [4])
    #expect(throws: PoolError.invalidOption(name: "divisor override", values: [0])) {
      try Pooling.avgPool2d(input, kernelSize: [2], divisorOverride: 0)
    }
  }

  @Test func paddingMoreThanHalfKernelIsRejected() {
    #expect(throws: PoolError.paddingTooLarge(padding: [2], kernelSize: [3])) {
      try Pooling.maxPool1d(ramp, kernelSize: [3], padding: [2])
    }
    #expect(throws: PoolError.paddingTooLarge(padding: [1], kernelSize: [1])) {
      try Pooling.avgPool1d(ramp, kernelSize: [1], padding: [1])
    }
  }

  @Test func invalidInputIsRejected() {
    #expect(throws: PoolError.invalidInputRank(shape: [7], expectedRanks: [2, 3])) {
      try Pooling.maxPool1d(Tensor(shape: [7], repeating: 0), kernelSize: [2])
    }
    #expect(throws: PoolError.emptyInput(shape: [1, 0, 4])) {
      try Pooling.maxPool2d(Tensor(shape: [1, 0, 4], repeating: 0), kernelSize: [1])
    }
    #expect(throws: PoolError.emptyOutput(input: [1, 1, 7], kernelSize: [8])) {
      try Pooling.maxPool1d(ramp, kernelSize: [8])
    }
    #expect(throws: PoolError.invalidOption(name: "stride", values: [0])) {
      try Pooling.avgPool1d(ramp, kernelSize: [2], stride: [0])
    }
    #expect(throws: PoolError.invalidOption(name: "kernel size", values: [2, 2])) {
      try Pooling.maxPool1d(ramp, kernelSize: [2, 2])
    }
  }

  @Test func emptyBatchIsAllowed() throws {
    let output = try Pooling.maxPool2d(Tensor(shape: [0, 3, 4, 4], repeating: 0), kernelSize: [2])
    #expect(output.shape == [0, 3, 2, 2])
  }

  @Test func adaptiveWindowsFollowFloorAndCeil() {
    let windows = (0..<3).map { Pooling.adaptiveWindow(index: $0, inputSize: 5, outputSize: 3) }
    #expect(windows == [0..<2, 1..<4, 3..<5])
    let upsampled = (0..<5).map { Pooling.adaptiveWindow(index: $0, inputSize: 3, outputSize: 5) }
    #expect(upsampled == [0..<1, 0..<2, 1..<2, 1..<3, 2..<3])
  }

  @Test func adaptiveWindowNearIntMaxDoesNotTrap() {
    let window = Pooling.adaptiveWindow(
      index: Int.max - 1, inputSize: Int.max, outputSize: Int.max)
    #expect(window == (Int.max - 1)..<Int.max)
  }

  @Test func adaptiveAveragePools() throws {
    let input = Tensor(shape: [1, 2, 2], scalars: [1, 2, 3, 4])
    let global = try Pooling.adaptiveAvgPool2d(input, outputSize: [1])
    #expect(global == Tensor(shape: [1, 1, 1], scalars: [2.5]))
    let rows = try Pooling.adaptiveAvgPool2d(input, outputSize: [1, nil])
    #expect(rows == Tensor(shape: [1, 1, 2], scalars: [2, 3]))
    let empty = try Pooling.adaptiveAvgPool1d(Tensor(shape: [2, 4], repeating: 1), outputSize: [0])
    #expect(empty.shape == [2, 0])
  }

  @Test func adaptiveRejectsNegativeOutput() {
    #expect(throws: PoolError.invalidOption(name: "output size", values: [-2])) {
      try Pooling.adaptiveMaxPool1d(Tensor(shape: [1, 4], repeating: 1), outputSize: [-2])
    }
  }

  struct MaxCase: Sendable, CustomTestStringConvertible {
    let size: [Int]
    let kernel: [Int]
    let stride: [Int]
    let padding: [Int]
    let dilation: [Int]
    let ceilMode: Bool
    var testDescription: String {
      "size \(size) kernel \(kernel) stride \(stride) padding \(padding) dilation \(dilation)"
        + (ceilMode ? " ceil" : "")
    }
  }

  static let maxCases: [MaxCase] = [
    MaxCase(size: [7, 6], kernel: [3], stride: [2], padding: [1], dilation: [2], ceilMode: true),
    MaxCase(
      size: [5, 9], kernel: [2, 4], stride: [3, 2], padding: [1, 2], dilation: [3, 1],
      ceilMode: true),
    MaxCase(size: [4, 4], kernel: [4], stride: [1], padding: [2], dilation: [1], ceilMode: false),
    MaxCase(
      size: [9, 3], kernel: [5, 2], stride: [4, 1], padding: [0, 1], dilation: [2, 2],
      ceilMode: true),
    MaxCase(
      size: [2, 11], kernel: [1, 3], stride: [1, 5], padding: [0, 1], dilation: [1, 4],
      ceilMode: false),
  ]

  @Test(arguments: maxCases)
  func maxPoolMatchesDirectLoops(_ item: MaxCase) throws {
    var generator = KernelTestRandom(seed: UInt64(item.size[0] * 100 + item.size[1]))
    let input = generator.tensor([2, 3] + item.size)
    let output = try Pooling.maxPool2d(
      input, kernelSize: item.kernel, stride: item.stride, padding: item.padding,
      dilation: item.dilation, ceilMode: item.ceilMode)

    func pair(_ values: [Int]) -> [Int] { values.count == 1 ? values + values : values }
    let (kernel, stride, padding, dilation) = (
      pair(item.kernel), pair(item.stride), pair(item.padding), pair(item.dilation)
    )
    var sizes: [Int] = []
    for axis in 0..<2 {
      sizes.append(
        try #require(
          ConvArithmetic.outputSize(
            inputSize: item.size[axis], kernelSize: kernel[axis], stride: stride[axis],
            padding: padding[axis], dilation: dilation[axis], ceilMode: item.ceilMode)))
    }
    var expected: [Float] = []
    for plane in 0..<6 {
      for oy in 0..<sizes[0] {
        for ox in 0..<sizes[1] {
          var maximum = -Float.infinity
          for ky in 0..<kernel[0] {
            for kx in 0..<kernel[1] {
              let y = oy * stride[0] - padding[0] + ky * dilation[0]
              let x = ox * stride[1] - padding[1] + kx * dilation[1]
              guard y >= 0, y < item.size[0], x >= 0, x < item.size[1] else { continue }
              maximum = max(maximum, input.scalars[(plane * item.size[0] + y) * item.size[1] + x])
            }
          }
          expected.append(maximum)
        }
      }
    }
    #expect(output == Tensor(shape: [2, 3] + sizes, scalars: expected))
  }

  @Test(arguments: [2, 3, 64])
  func threadCountDoesNotChangeResult(threads: Int) throws {
    var generator = KernelTestRandom(seed: 9)
    let input = generator.tensor([3, 5, 9, 7])
    let maximum = try Pooling.maxPool2d(input, kernelSize: [3], stride: [2], padding: [1])
    let parallelMaximum = try Pooling.maxPool2d(
      input, kernelSize: [3], stride: [2], padding: [1], threads: threads)
    #expect(parallelMaximum == maximum)
    let average = try Pooling.avgPool2d(input, kernelSize: [2], ceilMode: true)
    let parallelAverage = try Pooling.avgPool2d(
      input, kernelSize: [2], ceilMode: true, threads: threads)
    #expect(parallelAverage == average)
  }

  @Test func messageNamesValues() {
    let error = PoolError.paddingTooLarge(padding: [2], kernelSize: [3])
    #expect(error.description == "padding [2] must be at most half of kernel size [3]")
  }
}
