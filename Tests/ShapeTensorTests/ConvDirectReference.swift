@testable import ShapeTensor

/// A direct-loop convolution written independently of the im2col kernel, used as its oracle.
enum DirectConvolution {
  /// Computes a batched 2-D convolution by summing every kernel element at every output.
  static func conv2d(_ input: Tensor, weight: Tensor, bias: Tensor, _ options: ConvOptions)
    -> Tensor
  {
    let (batch, height, width) = (input.shape[0], input.shape[2], input.shape[3])
    let (outChannels, groupChannels, kernelY, kernelX) = (
      weight.shape[0], weight.shape[1], weight.shape[2], weight.shape[3]
    )
    let stride = expand(options.stride, 1)
    let dilation = expand(options.dilation, 1)
    let padding =
      options.padding.count == 1
      ? [options.padding[0], options.padding[0]]
      : (options.padding.isEmpty ? [ConvPadding(0), ConvPadding(0)] : options.padding)
    let outY =
      (height + padding[0].before + padding[0].after - dilation[0] * (kernelY - 1) - 1)
      / stride[0] + 1
    let outX =
      (width + padding[1].before + padding[1].after - dilation[1] * (kernelX - 1) - 1)
      / stride[1] + 1
    let outPerGroup = outChannels / options.groups

    var output: [Float] = []
    for n in 0..<batch {
      for o in 0..<outChannels {
        for oy in 0..<outY {
          for ox in 0..<outX {
            var sum = Double(bias.scalars[o])
            for c in 0..<groupChannels {
              let channel = (o / outPerGroup) * groupChannels + c
              for ky in 0..<kernelY {
                for kx in 0..<kernelX {
                  let y = oy * stride[0] + ky * dilation[0] - padding[0].before
                  let x = ox * stride[1] + kx * dilation[1] - padding[1].before
                  guard let value = read(input, n, channel, y, x, options.paddingMode) else {
                    continue
                  }
                  let w = weight.scalars[((o * groupChannels + c) * kernelY + ky) * kernelX + kx]
                  sum += Double(value) * Double(w)
                }
              }
            }
            output.append(Float(sum))
          }
        }
      }
    }
    return Tensor(shape: [batch, outChannels, outY, outX], scalars: output)
  }

  private static func expand(_ values: [Int], _ value: Int) -> [Int] {
    values.isEmpty ? [value, value] : (values.count == 1 ? [values[0], values[0]] : values)
  }

  private static func read(
    _ input: Tensor, _ n: Int, _ c: Int, _ y: Int, _ x: Int, _ mode: ConvPaddingMode
  ) -> Float? {
    let (channels, height, width) = (input.shape[1], input.shape[2], input.shape[3])
    guard let row = wrap(y, height, mode), let column = wrap(x, width, mode) else { return nil }
    return input.scalars[((n * channels + c) * height + row) * width + column]
  }

  private static func wrap(_ index: Int, _ size: Int, _ mode: ConvPaddingMode) -> Int? {
    if index >= 0 && index < size { return index }
    switch mode {
    case .zeros: return nil
    case .reflect: return index < 0 ? -index : 2 * size - 2 - index
    case .replicate: return min(max(index, 0), size - 1)
    case .circular: return (index % size + size) % size
    }
  }
}

/// A small deterministic generator (SplitMix64) for test inputs in [-1, 1).
struct KernelTestRandom {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> Float {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return Float(z >> 40) / Float(1 << 23) - 1
  }

  mutating func tensor(_ shape: [Int]) -> Tensor {
    let count = shape.reduce(1, *)
    return Tensor(shape: shape, scalars: (0..<count).map { _ in next() })
  }
}
