import Testing

@testable import ShapeTensor

@Suite struct ConvErrorTests {
  private let image = Tensor(shape: [1, 2, 4, 4], repeating: 1)
  private let weight = Tensor(shape: [3, 2, 3, 3], repeating: 1)

  @Test func inputRankIsChecked() {
    let flat = Tensor(shape: [32], repeating: 1)
    #expect(throws: ConvError.invalidInputRank(shape: [32], expectedRanks: [3, 4])) {
      try Convolution.conv2d(flat, weight: weight)
    }
    #expect(throws: ConvError.invalidInputRank(shape: [1, 2, 4, 4], expectedRanks: [2, 3])) {
      try Convolution.conv1d(image, weight: weight)
    }
  }

  @Test func weightChannelsMustMatchInput() {
    let wrong = Tensor(shape: [3, 1, 3, 3], repeating: 1)
    let expected = ConvError.invalidWeightShape(
      weight: [3, 1, 3, 3], input: [1, 2, 4, 4], groups: 1)
    #expect(throws: expected) {
      try Convolution.conv2d(image, weight: wrong)
    }
  }

  @Test func groupsMustDivideChannels() {
    #expect(throws: ConvError.invalidGroups(groups: 2, inChannels: 2, outChannels: 3)) {
      try Convolution.conv2d(image, weight: weight, options: ConvOptions(groups: 2))
    }
    #expect(throws: ConvError.invalidGroups(groups: 0, inChannels: 2, outChannels: 3)) {
      try Convolution.conv2d(image, weight: weight, options: ConvOptions(groups: 0))
    }
  }

  @Test func biasMustMatchOutputChannels() {
    let bias = Tensor(shape: [2], repeating: 0)
    #expect(throws: ConvError.invalidBiasShape(bias: [2], outChannels: 3)) {
      try Convolution.conv2d(image, weight: weight, bias: bias)
    }
  }

  @Test func optionsAreChecked() {
    #expect(throws: ConvError.invalidOption(name: "stride", values: [0])) {
      try Convolution.conv2d(image, weight: weight, options: ConvOptions(stride: [0]))
    }
    #expect(throws: ConvError.invalidOption(name: "dilation", values: [1, 1, 1])) {
      try Convolution.conv2d(image, weight: weight, options: ConvOptions(dilation: [1, 1, 1]))
    }
    #expect(throws: ConvError.invalidOption(name: "padding", values: [-1, -1])) {
      try Convolution.conv2d(image, weight: weight, options: ConvOptions(padding: [-1]))
    }
  }

  @Test func emptySpatialInputIsRejected() {
    // Padding would give this input a nonempty output, which PyTorch 2.13 rejects.
    let empty = Tensor(shape: [1, 1, 0], repeating: 0)
    let pointwise = Tensor(shape: [1, 1, 1], repeating: 1)
    #expect(throws: ConvError.emptyInput(shape: [1, 1, 0])) {
      try Convolution.conv1d(empty, weight: pointwise, options: ConvOptions(padding: [1]))
    }
  }

  @Test func tooSmallInputHasEmptyOutput() {
    let large = Tensor(shape: [3, 2, 5, 5], repeating: 1)
    #expect(throws: ConvError.emptyOutput(input: [1, 2, 4, 4], weight: [3, 2, 5, 5])) {
      try Convolution.conv2d(image, weight: large)
    }
  }

  @Test func hugePaddingDoesNotTrap() {
    let options = ConvOptions(padding: [Int.max / 2])
    #expect(throws: ConvError.self) {
      try Convolution.conv2d(image, weight: weight, options: options)
    }
  }

  @Test func im2colOverflowIsRejected() {
    // The output has 2^54 elements and one group's im2col matrix 2^54 too, but the matrix for all
    // 1024 groups of one sample needs 2^64, which overflows Int, so the kernel must throw before
    // allocating anything.
    let wide = Tensor(shape: [1, 1 << 20, 1, 1], repeating: 0)
    let grouped = Tensor(shape: [1 << 10, 1 << 10, 1, 1], repeating: 0)
    let options = ConvOptions(padding: [(1 << 21) - 1], groups: 1 << 10)
    #expect(throws: ConvError.emptyOutput(input: wide.shape, weight: grouped.shape)) {
      try Convolution.conv2d(wide, weight: grouped, options: options)
    }
  }

  @Test func replicatePaddingOverflowIsRejected() {
    // The stride keeps the output at 2 × 2, but the padded copy of the input that replicate
    // padding builds would have about 2^64 elements.
    let pixel = Tensor(shape: [1, 1, 1, 1], repeating: 1)
    let pointwise = Tensor(shape: [1, 1, 1, 1], repeating: 1)
    let options = ConvOptions(stride: [1 << 32], padding: [1 << 31], paddingMode: .replicate)
    #expect(throws: ConvError.emptyOutput(input: pixel.shape, weight: pointwise.shape)) {
      try Convolution.conv2d(pixel, weight: pointwise, options: options)
    }
  }

  @Test func messagesNameTheValues() {
    let message = ConvError.invalidBiasShape(bias: [2], outChannels: 3).description
    #expect(message == "bias shape [2] is invalid; expected [3]")
    let padding = ConvError.paddingTooLarge(mode: .reflect, padding: 4, inputSize: 4)
    #expect(padding.description == "reflect padding of 4 is too large for an input of size 4")
  }
}
