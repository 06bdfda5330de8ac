/// The window arguments of a convolution or pooling layer, with one entry per spatial axis.
struct WindowArguments {
  var kernel: [Int]
  var stride: [Int]
  /// The padding on each side.
  var padding: [Int]
  var dilation: [Int]
  var ceilMode = false

  /// Returns the identity window, kernel 1 and stride 1, which fits every input size.
  static func identity(rank: Int) -> WindowArguments {
    let ones = Array(repeating: 1, count: rank)
    let zeros = Array(repeating: 0, count: rank)
    return WindowArguments(kernel: ones, stride: ones, padding: zeros, dilation: ones)
  }

  /// Returns PyTorch's output size of each axis for the input sizes `sizes`, or nil when a window
  /// does not fit in the padded input.
  func outputSizes(for sizes: [Int]) -> [Int]? {
    var result: [Int] = []
    for (axis, size) in sizes.enumerated() {
      guard
        let output = windowOutputSize(
          input: size, kernel: kernel[axis], stride: stride[axis], padding: padding[axis],
          dilation: dilation[axis], ceilMode: ceilMode)
      else { return nil }
      result.append(output)
    }
    return result
  }
}

/// Returns PyTorch's output size along one axis of a sliding window, or nil when the window
/// does not fit in the padded input.
///
/// The size is `(input + 2·padding − dilation·(kernel − 1) − 1) / stride + 1`, rounded down, or
/// rounded up with `ceil_mode`. In ceil mode PyTorch drops a last window that would start in
/// the right padding, that is when `(output − 1)·stride ≥ input + padding`
/// (`pooling_output_shape` in ATen's `Pool.h`).
func windowOutputSize(
  input: Int, kernel: Int, stride: Int, padding: Int, dilation: Int, ceilMode: Bool
) -> Int? {
  let numerator = input + 2 * padding - dilation * (kernel - 1) - 1
  guard numerator >= 0 else { return nil }
  var output = (numerator + (ceilMode ? stride - 1 : 0)) / stride + 1
  if ceilMode, (output - 1) * stride >= input + padding {
    output -= 1
  }
  return output
}
