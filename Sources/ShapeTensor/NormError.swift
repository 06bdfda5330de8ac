/// A reason why a normalization kernel rejected its arguments.
public enum NormError: Error, Equatable, CustomStringConvertible {
  /// The input has fewer dimensions than the layer needs.
  case invalidInputRank(shape: [Int], minimumRank: Int)
  /// A statistics or affine tensor does not have the expected shape.
  case invalidParameterShape(name: String, shape: [Int], expected: [Int])
  /// The trailing input dimensions differ from the normalized shape of a layer norm.
  case invalidNormalizedShape(normalizedShape: [Int], input: [Int])
  /// The group count is below 1 or does not divide the channel count.
  case invalidGroups(groups: Int, channels: Int)

  /// A lowercase message that names the values involved.
  public var description: String {
    switch self {
    case .invalidInputRank(let shape, let minimumRank):
      return "input shape \(shape) has rank \(shape.count); expected rank \(minimumRank) or more"
    case .invalidParameterShape(let name, let shape, let expected):
      return "\(name) shape \(shape) is invalid; expected \(expected)"
    case .invalidNormalizedShape(let normalizedShape, let input):
      return "input shape \(input) does not end with normalized shape \(normalizedShape)"
    case .invalidGroups(let groups, let channels):
      return "groups \(groups) must be positive and divide the \(channels) channels"
    }
  }
}
