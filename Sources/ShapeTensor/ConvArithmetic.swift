/// Zero or more padding elements on the two sides of one spatial dimension.
public struct ConvPadding: Sendable, Equatable, Hashable {
  /// The number of elements added before the first input element (left or top side).
  public var before: Int
  /// The number of elements added after the last input element (right or bottom side).
  public var after: Int

  /// Creates padding with separate amounts for the two sides.
  public init(before: Int, after: Int) {
    self.before = before
    self.after = after
  }

  /// Creates symmetric padding of `amount` elements on each side.
  public init(_ amount: Int) {
    self.init(before: amount, after: amount)
  }

  /// The sum of both sides, or nil when it overflows.
  public var total: Int? {
    let (sum, overflow) = before.addingReportingOverflow(after)
    return overflow ? nil : sum
  }
}

/// Output-size arithmetic of PyTorch's convolution and pooling layers, shared by the shape
/// checker and the kernels so that both agree on every size.
public enum ConvArithmetic {
  /// Computes the output size of one spatial dimension of a convolution or pooling window.
  ///
  /// The formula is PyTorch's: `(size + before + after - dilation * (kernel - 1) - 1) / stride
  /// + 1`, with the division rounded down, or up when `ceilMode` is true. In ceil mode PyTorch
  /// drops the last window when it would start inside the right padding. That test compares the
  /// window start with `inputSize + padding.before`.
  ///
  /// - Returns: The size, or nil when an argument is out of range (a negative size or padding, a
  ///   kernel, stride or dilation below 1), when the arithmetic overflows, or when the result is
  ///   not positive.
  public static func outputSize(
    inputSize: Int, kernelSize: Int, stride: Int = 1, padding: ConvPadding = ConvPadding(0),
    dilation: Int = 1, ceilMode: Bool = false
  ) -> Int? {
    guard inputSize >= 0, kernelSize >= 1, stride >= 1, dilation >= 1,
      padding.before >= 0, padding.after >= 0,
      let padded = padding.total.flatMap({ add(inputSize, $0) }),
      let span = effectiveKernelSize(kernelSize: kernelSize, dilation: dilation)
    else { return nil }

    let room = padded - span
    guard room >= 0 else { return nil }
    var steps = room / stride
    if ceilMode && room % stride != 0 {
      steps += 1
      // The last window must start inside the input or the left padding.
      guard let lastStart = multiply(steps, stride),
        let limit = add(inputSize, padding.before)
      else { return nil }
      if lastStart >= limit { steps -= 1 }
    }
    return steps + 1
  }

  /// Computes the output size with the same padding on both sides.
  ///
  /// - Returns: The size, or nil under the conditions listed for the `ConvPadding` variant.
  public static func outputSize(
    inputSize: Int, kernelSize: Int, stride: Int = 1, padding: Int, dilation: Int = 1,
    ceilMode: Bool = false
  ) -> Int? {
    outputSize(
      inputSize: inputSize, kernelSize: kernelSize, stride: stride, padding: ConvPadding(padding),
      dilation: dilation, ceilMode: ceilMode)
  }

  /// Computes the padding that PyTorch's `padding='same'` adds to one dimension.
  ///
  /// The total is `dilation * (kernel - 1)`. PyTorch splits it evenly and puts an odd element on
  /// the right or bottom side, so the output size equals the input size. PyTorch accepts
  /// `'same'` only with stride 1, and the caller must reject other strides.
  ///
  /// - Returns: The padding, or nil when the kernel or dilation is below 1 or the total overflows.
  public static func samePadding(kernelSize: Int, dilation: Int = 1) -> ConvPadding? {
    guard kernelSize >= 1, dilation >= 1,
      let span = effectiveKernelSize(kernelSize: kernelSize, dilation: dilation)
    else { return nil }
    let total = span - 1
    return ConvPadding(before: total / 2, after: total - total / 2)
  }

  /// Computes `dilation * (kernel - 1) + 1`, the number of input elements one window spans.
  ///
  /// - Returns: The span, or nil on overflow.
  public static func effectiveKernelSize(kernelSize: Int, dilation: Int) -> Int? {
    guard kernelSize >= 1, dilation >= 1, let gaps = multiply(dilation, kernelSize - 1) else {
      return nil
    }
    return add(gaps, 1)
  }

  private static func add(_ a: Int, _ b: Int) -> Int? {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? nil : sum
  }

  private static func multiply(_ a: Int, _ b: Int) -> Int? {
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? nil : product
  }
}
