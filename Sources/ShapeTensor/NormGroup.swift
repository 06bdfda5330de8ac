extension Normalization {
  /// Computes `group_norm` over `[N, C, spatial...]` input with rank 2 or more.
  ///
  /// The `C` channels of each sample form `groups` consecutive groups. Each group is normalized
  /// with its own mean and biased variance, then each channel is scaled by `weight` and shifted
  /// by `bias`.
  ///
  /// - Parameters:
  ///   - input: `[N, C, spatial...]` with zero or more spatial dimensions.
  ///   - groups: The number of groups, which must divide `C`.
  ///   - weight: `[C]`, or nil for 1.
  ///   - bias: `[C]`, or nil for 0.
  ///   - epsilon: The value added to the variance.
  /// - Returns: A tensor of the input's shape.
  /// - Throws: `NormError` when the rank, the group count or a parameter shape is invalid.
  public static func groupNorm(
    _ input: Tensor, groups: Int, weight: Tensor? = nil, bias: Tensor? = nil,
    epsilon: Float = 1e-5
  ) throws(NormError) -> Tensor {
    guard input.rank >= 2 else { throw .invalidInputRank(shape: input.shape, minimumRank: 2) }
    let channels = input.shape[1]
    guard groups >= 1, channels % groups == 0 else {
      throw .invalidGroups(groups: groups, channels: channels)
    }
    try expectShape(weight, named: "weight", [channels])
    try expectShape(bias, named: "bias", [channels])
    let plane = Tensor.elementCount(of: Array(input.shape.dropFirst(2))) ?? 0
    let groupSize = channels / groups * plane
    guard groupSize > 0 else { return input }

    var output = input.scalars
    output.withUnsafeMutableBufferPointer { values in
      for start in stride(from: 0, to: values.count, by: groupSize) {
        let slice = UnsafeMutableBufferPointer(rebasing: values[start..<(start + groupSize)])
        let scale = inverseDeviation(of: slice, epsilon: epsilon)
        let firstChannel = (start / plane) % channels
        for index in 0..<groupSize {
          let channel = firstChannel + index / plane
          let normalized = (slice[index] - scale.mean) * scale.inverse
          slice[index] =
            normalized * (weight?.scalars[channel] ?? 1) + (bias?.scalars[channel] ?? 0)
        }
      }
    }
    return Tensor(shape: input.shape, scalars: output)
  }
}
