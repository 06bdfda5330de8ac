/// A reason why a convolution kernel rejected its arguments.
public enum ConvError: Error, Equatable, CustomStringConvertible {
  /// The input has a rank the layer does not accept.
  case invalidInputRank(shape: [Int], expectedRanks: [Int])
  /// The input has a spatial dimension of size zero, which PyTorch rejects unless the batch or
  /// channel dimension is also zero.
  case emptyInput(shape: [Int])
  /// The weight does not have the shape `[out, in / groups, kernel...]`.
  case invalidWeightShape(weight: [Int], input: [Int], groups: Int)
  /// The bias is not a vector with one element per output channel.
  case invalidBiasShape(bias: [Int], outChannels: Int)
  /// `groups` is below 1 or does not divide the input and output channel counts.
  case invalidGroups(groups: Int, inChannels: Int, outChannels: Int)
  /// An option has the wrong number of entries or a value out of range.
  case invalidOption(name: String, values: [Int])
  /// The padding mode cannot pad this input by this much.
  case paddingTooLarge(mode: ConvPaddingMode, padding: Int, inputSize: Int)
  /// The output would have a dimension of zero or less, or its size overflows.
  case emptyOutput(input: [Int], weight: [Int])

  /// A lowercase message that names the values involved.
  public var description: String {
    switch self {
    case .invalidInputRank(let shape, let ranks):
      let expected = ranks.map(String.init).joined(separator: " or ")
      return "input shape \(shape) has rank \(shape.count); expected rank \(expected)"
    case .emptyInput(let shape):
      return "input shape \(shape) has an empty spatial dimension"
    case .invalidWeightShape(let weight, let input, let groups):
      return "weight shape \(weight) does not fit input shape \(input) with groups \(groups); "
        + "expected [out, in / groups, kernel...]"
    case .invalidBiasShape(let bias, let outChannels):
      return "bias shape \(bias) is invalid; expected [\(outChannels)]"
    case .invalidGroups(let groups, let inChannels, let outChannels):
      return "groups \(groups) must be positive and divide both the \(inChannels) input "
        + "and the \(outChannels) output channels"
    case .invalidOption(let name, let values):
      return "\(name) \(values) is invalid for this convolution"
    case .paddingTooLarge(let mode, let padding, let inputSize):
      return "\(mode.rawValue) padding of \(padding) is too large for an input of size "
        + "\(inputSize)"
    case .emptyOutput(let input, let weight):
      return "input shape \(input) is too small for weight shape \(weight) with these options"
    }
  }
}
