import ShapeSymbolic
import ShapeTensor

/// A constant of a sliding window, as a formula and its value. A written argument enters
/// formulas as its symbol, such as `conv_1.padding[0]`; an omitted one as its value.
struct WindowConstant: Sendable {
  var formula: Dim
  var value: Int

  init(_ value: Int) {
    formula = .constant(value)
    self.value = value
  }

  init(formula: Dim, value: Int) {
    self.formula = formula
    self.value = value
  }
}

extension LayerInstance {
  /// Element `index` of a spatial argument, such as `kernel_size[1]`, or nil when the argument
  /// is not a tuple of sizes.
  func windowConstant(_ argument: String, _ index: Int) -> WindowConstant? {
    guard let values = sizes(argument), values.indices.contains(index) else { return nil }
    guard argumentRanges[argument] != nil else { return WindowConstant(values[index]) }
    return WindowConstant(formula: .symbol(symbol("\(argument)[\(index)]")), value: values[index])
  }
}

/// One spatial axis of a convolution or pooling window.
struct WindowAxis: Sendable {
  var kernel: WindowConstant
  var stride: WindowConstant
  /// The padding on each side.
  var padding: WindowConstant
  var dilation: WindowConstant
  var ceilMode = false

  /// The number of input elements one window spans, `dilation·(kernel − 1) + 1`, or nil on
  /// overflow.
  var span: Int? {
    ConvArithmetic.effectiveKernelSize(kernelSize: kernel.value, dilation: dilation.value)
  }

  /// The same window with every constant entering formulas as its value, for formulas that
  /// would otherwise grow past the size limit of `Dim`.
  var withValues: WindowAxis {
    WindowAxis(
      kernel: WindowConstant(kernel.value), stride: WindowConstant(stride.value),
      padding: WindowConstant(padding.value), dilation: WindowConstant(dilation.value),
      ceilMode: ceilMode)
  }

  /// The smallest input size that leaves room for one window, `span − 2·padding`, or nil on
  /// overflow.
  var minimumInput: Int? {
    guard let span else { return nil }
    let (twice, overflow) = padding.value.multipliedReportingOverflow(by: 2)
    return overflow ? nil : span - twice
  }

  /// Computes the output size for an input of `size`, or nil when the window does not fit or the
  /// arithmetic overflows.
  func outputSize(for size: Int) -> Int? {
    ConvArithmetic.outputSize(
      inputSize: size, kernelSize: kernel.value, stride: stride.value, padding: padding.value,
      dilation: dilation.value, ceilMode: ceilMode)
  }

  /// PyTorch's output size formula over `input`,
  /// `(input + 2·padding − dilation·(kernel − 1) − 1) // stride + 1`, with `stride − 1` added to
  /// the numerator in ceil mode.
  ///
  /// The formula is built as `(numerator + stride) // stride`, which has the same value. With a
  /// symbolic stride that keeps the `+ 1` inside one floor division, so a product of output
  /// sizes, as Flatten forms it, stays one product instead of expanding into four terms.
  ///
  /// NOTE: in ceil mode the formula ignores PyTorch's rule that drops a last window starting in
  /// the right padding. `SpatialShape.slide` corrects known sizes, but not free ones.
  func outputFormula(for input: Dim) throws(SymbolicError) -> Dim {
    let gaps = try dilation.formula.multiplying(kernel.formula.subtracting(.constant(1)))
    var numerator = try input.adding(padding.formula.multiplying(.constant(2)))
      .subtracting(gaps).subtracting(.constant(1))
    if ceilMode {
      numerator = try numerator.adding(stride.formula).subtracting(.constant(1))
    }
    return try numerator.adding(stride.formula).floorDividing(by: stride.formula)
  }

  /// Writes the arithmetic for one input size, such as `(28 + 2·2 − 1·(5 − 1) − 1) // 1 + 1`.
  func arithmeticText(input: String) -> String {
    let numerator =
      "\(input) + 2·\(padding.value) − \(dilation.value)·(\(kernel.value) − 1) − 1"
    if ceilMode {
      return "ceil((\(numerator)) / \(stride.value)) + 1"
    }
    return "(\(numerator)) // \(stride.value) + 1"
  }
}
