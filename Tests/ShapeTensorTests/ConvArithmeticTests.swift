import Testing

@testable import ShapeTensor

@Suite struct ConvArithmeticTests {
  @Test func lenetLayerSizes() {
    #expect(ConvArithmetic.outputSize(inputSize: 28, kernelSize: 5, padding: 2) == 28)
    #expect(ConvArithmetic.outputSize(inputSize: 28, kernelSize: 2, stride: 2) == 14)
    #expect(ConvArithmetic.outputSize(inputSize: 14, kernelSize: 5) == 10)
    #expect(ConvArithmetic.outputSize(inputSize: 10, kernelSize: 2, stride: 2) == 5)
  }

  @Test func ceilModeRoundsUp() {
    #expect(ConvArithmetic.outputSize(inputSize: 8, kernelSize: 3, stride: 2, padding: 1) == 4)
    #expect(
      ConvArithmetic.outputSize(
        inputSize: 8, kernelSize: 3, stride: 2, padding: 1, ceilMode: true) == 5)
  }

  @Test func ceilModeDropsWindowInRightPadding() {
    // Rounding up gives 4 windows, but the fourth would start at padded position 6, which is
    // the right padding of an input occupying positions 1 to 5.
    #expect(ConvArithmetic.outputSize(inputSize: 5, kernelSize: 2, stride: 2, padding: 1) == 3)
    #expect(
      ConvArithmetic.outputSize(
        inputSize: 5, kernelSize: 2, stride: 2, padding: 1, ceilMode: true) == 3)
  }

  @Test func ceilModeWithoutRemainderKeepsFloor() {
    #expect(
      ConvArithmetic.outputSize(inputSize: 9, kernelSize: 3, stride: 3, ceilMode: true) == 3)
  }

  @Test func dilationWidensWindow() {
    #expect(ConvArithmetic.outputSize(inputSize: 10, kernelSize: 3, dilation: 4) == 2)
    #expect(ConvArithmetic.outputSize(inputSize: 8, kernelSize: 3, dilation: 4) == nil)
  }

  @Test func asymmetricPaddingAddsBothSides() {
    let padding = ConvPadding(before: 1, after: 2)
    #expect(ConvArithmetic.outputSize(inputSize: 5, kernelSize: 4, padding: padding) == 5)
  }

  struct InvalidCase: Sendable, CustomTestStringConvertible {
    let label: String
    let input: Int
    let kernel: Int
    let stride: Int
    let padding: ConvPadding
    let dilation: Int
    var testDescription: String { label }
  }

  static let invalidCases: [InvalidCase] = [
    InvalidCase(
      label: "kernel larger than input", input: 3, kernel: 5, stride: 1, padding: ConvPadding(0),
      dilation: 1),
    InvalidCase(
      label: "zero kernel", input: 3, kernel: 0, stride: 1, padding: ConvPadding(0), dilation: 1),
    InvalidCase(
      label: "zero stride", input: 3, kernel: 1, stride: 0, padding: ConvPadding(0), dilation: 1),
    InvalidCase(
      label: "negative padding", input: 3, kernel: 1, stride: 1, padding: ConvPadding(-1),
      dilation: 1),
    InvalidCase(
      label: "zero dilation", input: 3, kernel: 2, stride: 1, padding: ConvPadding(0),
      dilation: 0),
    InvalidCase(
      label: "negative input", input: -1, kernel: 1, stride: 1, padding: ConvPadding(0),
      dilation: 1),
    InvalidCase(
      label: "padded size overflows", input: Int.max, kernel: 1, stride: 1,
      padding: ConvPadding(1), dilation: 1),
    InvalidCase(
      label: "padding total overflows", input: 1, kernel: 1, stride: 1,
      padding: ConvPadding(Int.max), dilation: 1),
    InvalidCase(
      label: "kernel span overflows", input: 10, kernel: 3, stride: 1, padding: ConvPadding(0),
      dilation: Int.max),
  ]

  @Test(arguments: invalidCases)
  func invalidArgumentsReturnNil(_ item: InvalidCase) {
    let size = ConvArithmetic.outputSize(
      inputSize: item.input, kernelSize: item.kernel, stride: item.stride,
      padding: item.padding, dilation: item.dilation)
    #expect(size == nil)
    let ceilSize = ConvArithmetic.outputSize(
      inputSize: item.input, kernelSize: item.kernel, stride: item.stride,
      padding: item.padding, dilation: item.dilation, ceilMode: true)
    #expect(ceilSize == nil)
  }

  @Test func ceilModeNearIntMaxDoesNotTrap() {
    // An odd input leaves a remainder, so ceil mode adds a window that starts at Int.max - 1.
    let size = ConvArithmetic.outputSize(
      inputSize: Int.max, kernelSize: 2, stride: 2, ceilMode: true)
    #expect(size == Int.max / 2 + 1)
    let floorSize = ConvArithmetic.outputSize(inputSize: Int.max, kernelSize: 2, stride: 2)
    #expect(floorSize == Int.max / 2)
  }

  @Test func samePaddingPutsOddElementAfter() {
    #expect(ConvArithmetic.samePadding(kernelSize: 4) == ConvPadding(before: 1, after: 2))
    #expect(ConvArithmetic.samePadding(kernelSize: 3, dilation: 2) == ConvPadding(2))
    #expect(ConvArithmetic.samePadding(kernelSize: 1) == ConvPadding(0))
    let dilated = ConvArithmetic.samePadding(kernelSize: 2, dilation: 3)
    #expect(dilated == ConvPadding(before: 1, after: 2))
  }

  @Test func samePaddingKeepsSize() throws {
    for kernel in 1...6 {
      for dilation in 1...3 {
        let padding = try #require(
          ConvArithmetic.samePadding(kernelSize: kernel, dilation: dilation))
        let size = ConvArithmetic.outputSize(
          inputSize: 20, kernelSize: kernel, padding: padding, dilation: dilation)
        #expect(size == 20, "kernel \(kernel), dilation \(dilation)")
      }
    }
  }

  @Test func samePaddingRejectsInvalidArguments() {
    #expect(ConvArithmetic.samePadding(kernelSize: 0) == nil)
    #expect(ConvArithmetic.samePadding(kernelSize: 3, dilation: 0) == nil)
    #expect(ConvArithmetic.samePadding(kernelSize: Int.max, dilation: 2) == nil)
  }
}
