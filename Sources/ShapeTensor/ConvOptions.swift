/// The values that PyTorch's convolution layers read outside the input (`padding_mode`).
public enum ConvPaddingMode: String, Sendable, CaseIterable {
  /// Zeros, PyTorch's default.
  case zeros
  /// The input mirrored at its edge without repeating the edge element. Each padding amount must
  /// be less than the input size.
  case reflect
  /// Copies of the edge element.
  case replicate
  /// The input wrapped around. Each padding amount must be at most the input size.
  case circular
}

/// Hyperparameters of a convolution, one entry per spatial dimension.
///
/// An array with one element applies to every spatial dimension, as a single integer does in
/// PyTorch, and an empty array means the default (stride 1, padding 0, dilation 1).
public struct ConvOptions: Sendable, Equatable {
  /// The step between window starts, per spatial dimension.
  public var stride: [Int]
  /// The padding per spatial dimension.
  ///
  /// The caller resolves 'same' and 'valid', for example
  /// with `ConvArithmetic.samePadding(kernelSize:dilation:)`.
  public var padding: [ConvPadding]
  /// The spacing between kernel elements, per spatial dimension.
  public var dilation: [Int]
  /// The number of blocked connections from input channels to output channels.
  public var groups: Int
  /// The values read outside the input.
  public var paddingMode: ConvPaddingMode

  /// Creates options with PyTorch's defaults.
  public init(
    stride: [Int] = [], padding: [ConvPadding] = [], dilation: [Int] = [], groups: Int = 1,
    paddingMode: ConvPaddingMode = .zeros
  ) {
    self.stride = stride
    self.padding = padding
    self.dilation = dilation
    self.groups = groups
    self.paddingMode = paddingMode
  }

  /// Creates options with symmetric integer padding.
  public init(
    stride: [Int] = [], padding: [Int], dilation: [Int] = [], groups: Int = 1,
    paddingMode: ConvPaddingMode = .zeros
  ) {
    self.init(
      stride: stride, padding: padding.map { ConvPadding($0) }, dilation: dilation,
      groups: groups, paddingMode: paddingMode)
  }
}

extension ConvOptions {
  /// Expands `values` to `rank` entries, or returns nil when its count is neither 0, 1 nor
  /// `rank`.
  static func expand<Value>(_ values: [Value], rank: Int, default value: Value) -> [Value]? {
    switch values.count {
    case 0: return Array(repeating: value, count: rank)
    case 1: return Array(repeating: values[0], count: rank)
    case rank: return values
    default: return nil
    }
  }
}
