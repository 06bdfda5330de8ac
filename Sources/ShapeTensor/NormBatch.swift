import Foundation

/// Normalization kernels in evaluation mode, with the semantics of PyTorch's
/// `torch.nn.functional` functions of the same names.
///
/// Dropout, `Dropout1d` and `Dropout2d` are the identity in evaluation mode, so this module has
/// no kernel for them. A caller passes the input through unchanged.
public enum Normalization {
  /// Computes `batch_norm` in evaluation mode over `[N, C, spatial...]` input with rank 2 or
  /// more, using the running statistics of channel dimension 1.
  ///
  /// Each element becomes `(x - mean) / sqrt(variance + epsilon) * weight + bias`, computed as
  /// PyTorch's CPU kernel does, as `x * scale + shift` with per-channel `scale` and `shift`.
  ///
  /// - Parameters:
  ///   - input: `[N, C, spatial...]` with zero or more spatial dimensions.
  ///   - runningMean: `[C]`.
  ///   - runningVariance: `[C]`.
  ///   - weight: `[C]`, or nil for 1.
  ///   - bias: `[C]`, or nil for 0.
  ///   - epsilon: The value added to the variance.
  ///   - threads: The number of worker threads that share the `N * C` planes. Values below 1
  ///     mean 1.
  /// - Returns: A tensor of the input's shape.
  /// - Throws: `NormError` when the rank or a parameter shape is invalid.
  public static func batchNorm(
    _ input: Tensor, runningMean: Tensor, runningVariance: Tensor, weight: Tensor? = nil,
    bias: Tensor? = nil, epsilon: Float = 1e-5, threads: Int = 1
  ) throws(NormError) -> Tensor {
    guard input.rank >= 2 else { throw .invalidInputRank(shape: input.shape, minimumRank: 2) }
    let channels = input.shape[1]
    try expectShape(runningMean, named: "running mean", [channels])
    try expectShape(runningVariance, named: "running variance", [channels])
    try expectShape(weight, named: "weight", [channels])
    try expectShape(bias, named: "bias", [channels])

    var scale = [Float](repeating: 0, count: channels)
    var shift = [Float](repeating: 0, count: channels)
    for channel in 0..<channels {
      let inverseDeviation = 1 / (runningVariance.scalars[channel] + epsilon).squareRoot()
      scale[channel] = inverseDeviation * (weight?.scalars[channel] ?? 1)
      shift[channel] = (bias?.scalars[channel] ?? 0) - runningMean.scalars[channel] * scale[channel]
    }

    let plane = Tensor.elementCount(of: Array(input.shape.dropFirst(2))) ?? 0
    var output = input.scalars
    output.withUnsafeMutableBufferPointer { values in
      let buffer = NormBuffer(values: values)
      ConvWorkers.run(items: input.shape[0] * channels, threads: threads) {
        [scale, shift] planes in
        guard let base = buffer.values.baseAddress else { return }
        for planeIndex in planes {
          let channel = planeIndex % channels
          let start = base + planeIndex * plane
          for index in 0..<plane { start[index] = start[index] * scale[channel] + shift[channel] }
        }
      }
    }
    return Tensor(shape: input.shape, scalars: output)
  }

  /// Throws when `tensor` is present and its shape is not `expected`.
  static func expectShape(
    _ tensor: Tensor?, named name: String, _ expected: [Int]
  ) throws(NormError) {
    if let tensor, tensor.shape != expected {
      throw .invalidParameterShape(name: name, shape: tensor.shape, expected: expected)
    }
  }
}

/// The elements of one normalization call, shared by workers that write disjoint planes.
private struct NormBuffer: @unchecked Sendable {
  let values: UnsafeMutableBufferPointer<Float>
}
