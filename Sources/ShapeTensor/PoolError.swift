/// A reason why a pooling kernel rejected its arguments.
public enum PoolError: Error, Equatable, CustomStringConvertible {
  /// The input has a rank the layer does not accept.
  case invalidInputRank(shape: [Int], expectedRanks: [Int])
  /// The input has a spatial dimension of size zero, which PyTorch's pooling layers reject.
  case emptyInput(shape: [Int])
  /// An option has the wrong number of entries or a value out of range.
  case invalidOption(name: String, values: [Int])
  /// The padding is more than half the kernel size, which PyTorch rejects.
  case paddingTooLarge(padding: [Int], kernelSize: [Int])
  /// The output would have a dimension of zero or less, or its size overflows.
  case emptyOutput(input: [Int], kernelSize: [Int])

  /// A lowercase message that names the values involved.
  public var description: String {
    switch self {
    case .invalidInputRank(let shape, let ranks):
      let expected = ranks.map(String.init).joined(separator: " or ")
      return "input shape \(shape) has rank \(shape.count); expected rank \(expected)"
    case .emptyInput(let shape):
      return "input shape \(shape) has an empty spatial dimension"
    case .invalidOption(let name, let values):
      return "\(name) \(values) is invalid for this pooling layer"
    case .paddingTooLarge(let padding, let kernelSize):
      return "padding \(padding) must be at most half of kernel size \(kernelSize)"
    case .emptyOutput(let input, let kernelSize):
      return "input shape \(input) is too small for kernel size \(kernelSize) with these options"
    }
  }
}
