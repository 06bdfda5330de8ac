import Foundation

extension Normalization {
  /// Computes `layer_norm` over the trailing dimensions given by `normalizedShape`.
  ///
  /// Each slice of those dimensions becomes `(x - mean) / sqrt(variance + epsilon) * weight +
  /// bias` with the biased variance. Mean and variance are accumulated in double precision, and
  /// the mean is rounded to float32 before the subtraction, which reproduces PyTorch's results
  /// for inputs with a large common offset.
  ///
  /// - Parameters:
  ///   - input: Any tensor whose shape ends with `normalizedShape`.
  ///   - normalizedShape: The trailing dimensions to normalize over; it must not be empty.
  ///   - weight: `normalizedShape`, or nil for 1.
  ///   - bias: `normalizedShape`, or nil for 0.
  ///   - epsilon: The value added to the variance.
  /// - Returns: A tensor of the input's shape.
  /// - Throws: `NormError` when the input does not end with `normalizedShape` or a parameter
  ///   shape is invalid.
  public static func layerNorm(
    _ input: Tensor, normalizedShape: [Int], weight: Tensor? = nil, bias: Tensor? = nil,
    epsilon: Float = 1e-5
  ) throws(NormError) -> Tensor {
    let trailing = input.shape.suffix(normalizedShape.count)
    guard !normalizedShape.isEmpty, trailing.elementsEqual(normalizedShape) else {
      throw .invalidNormalizedShape(normalizedShape: normalizedShape, input: input.shape)
    }
    try expectShape(weight, named: "weight", normalizedShape)
    try expectShape(bias, named: "bias", normalizedShape)
    let sliceSize = Tensor.elementCount(of: normalizedShape) ?? 0
    guard sliceSize > 0 else { return input }

    var output = input.scalars
    output.withUnsafeMutableBufferPointer { values in
      for start in stride(from: 0, to: values.count, by: sliceSize) {
        let slice = UnsafeMutableBufferPointer(rebasing: values[start..<(start + sliceSize)])
        let scale = inverseDeviation(of: slice, epsilon: epsilon)
        for index in 0..<sliceSize {
          let normalized = (slice[index] - scale.mean) * scale.inverse
          slice[index] = normalized * (weight?.scalars[index] ?? 1) + (bias?.scalars[index] ?? 0)
        }
      }
    }
    return Tensor(shape: input.shape, scalars: output)
  }

  /// Computes the mean and `1 / sqrt(biased variance + epsilon)` of `values` with double
  /// accumulators and two passes.
  ///
  /// - Precondition: `values` is not empty.
  static func inverseDeviation(
    of values: UnsafeMutableBufferPointer<Float>, epsilon: Float
  ) -> (mean: Float, inverse: Float) {
    precondition(!values.isEmpty, "statistics of an empty slice")
    var sum = 0.0
    for value in values { sum += Double(value) }
    let mean = sum / Double(values.count)
    var squares = 0.0
    for value in values {
      let deviation = Double(value) - mean
      squares += deviation * deviation
    }
    let variance = squares / Double(values.count)
    return (Float(mean), Float(1 / (variance + Double(epsilon)).squareRoot()))
  }
}
