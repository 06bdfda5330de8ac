/// A validated pooling problem over `planes` independent planes of `height × width` elements,
/// where a 1-D problem has height 1.
struct PoolGeometry: Sendable {
  var planes: Int
  var height: Int
  var width: Int
  var kernelY = 1
  var kernelX = 1
  var strideY = 1
  var strideX = 1
  var paddingY = 0
  var paddingX = 0
  var dilationY = 1
  var dilationX = 1
  var outHeight = 1
  var outWidth = 1
  /// The output shape: the input's leading dimensions followed by the output spatial sizes.
  var outputShape: [Int] = []

  /// Splits `shape` into planes and spatial sizes for a layer with `spatialRank` (1 or 2)
  /// spatial dimensions, accepting the batched and the unbatched rank.
  init(input shape: [Int], spatialRank: Int) throws(PoolError) {
    guard shape.count == spatialRank + 1 || shape.count == spatialRank + 2 else {
      throw .invalidInputRank(shape: shape, expectedRanks: [spatialRank + 1, spatialRank + 2])
    }
    let leading = Array(shape.dropLast(spatialRank))
    let spatial = Array(shape.suffix(spatialRank))
    guard spatial.allSatisfy({ $0 > 0 }) else { throw .emptyInput(shape: shape) }
    guard let planes = Tensor.elementCount(of: leading) else { throw .emptyInput(shape: shape) }
    self.planes = planes
    height = spatialRank == 2 ? spatial[0] : 1
    width = spatial[spatialRank - 1]
    outputShape = leading
  }

  /// Resolves the window options and the output size, where an empty `stride` means the kernel
  /// size.
  mutating func setWindow(
    kernelSize: [Int], stride: [Int], padding: [Int], dilation: [Int], ceilMode: Bool,
    spatialRank: Int, input: [Int]
  ) throws(PoolError) {
    guard let kernel = ConvOptions.expand(kernelSize, rank: spatialRank, default: 0),
      kernel.allSatisfy({ $0 >= 1 })
    else { throw .invalidOption(name: "kernel size", values: kernelSize) }
    let expandedStride = ConvOptions.expand(stride, rank: spatialRank, default: 1)
    guard let steps = stride.isEmpty ? kernel : expandedStride, steps.allSatisfy({ $0 >= 1 })
    else { throw .invalidOption(name: "stride", values: stride) }
    guard let pads = ConvOptions.expand(padding, rank: spatialRank, default: 0),
      pads.allSatisfy({ $0 >= 0 })
    else { throw .invalidOption(name: "padding", values: padding) }
    guard zip(pads, kernel).allSatisfy({ $0 <= $1 / 2 }) else {
      throw .paddingTooLarge(padding: padding, kernelSize: kernelSize)
    }
    guard let dilations = ConvOptions.expand(dilation, rank: spatialRank, default: 1),
      dilations.allSatisfy({ $0 >= 1 })
    else { throw .invalidOption(name: "dilation", values: dilation) }

    let sizes = spatialRank == 2 ? [height, width] : [width]
    var outSizes: [Int] = []
    for axis in 0..<spatialRank {
      guard
        let size = ConvArithmetic.outputSize(
          inputSize: sizes[axis], kernelSize: kernel[axis], stride: steps[axis],
          padding: pads[axis], dilation: dilations[axis], ceilMode: ceilMode)
      else { throw .emptyOutput(input: input, kernelSize: kernelSize) }
      outSizes.append(size)
    }
    try setOutput(outSizes, input: input, kernelSize: kernelSize)

    let last = spatialRank - 1
    (kernelY, kernelX) = (spatialRank == 2 ? kernel[0] : 1, kernel[last])
    (strideY, strideX) = (spatialRank == 2 ? steps[0] : 1, steps[last])
    (paddingY, paddingX) = (spatialRank == 2 ? pads[0] : 0, pads[last])
    (dilationY, dilationX) = (spatialRank == 2 ? dilations[0] : 1, dilations[last])
  }

  /// Records the output spatial sizes after checking that the output element count fits `Int`.
  mutating func setOutput(
    _ outSizes: [Int], input: [Int], kernelSize: [Int]
  ) throws(PoolError) {
    guard Tensor.elementCount(of: outputShape + outSizes) != nil else {
      throw .emptyOutput(input: input, kernelSize: kernelSize)
    }
    outHeight = outSizes.count == 2 ? outSizes[0] : 1
    outWidth = outSizes[outSizes.count - 1]
    outputShape += outSizes
  }

  /// Computes, for each output index along one axis, the window start in input coordinates and
  /// the kernel taps that land inside the input.
  func taps(vertical: Bool) -> [PoolTaps] {
    let (outSize, size) = vertical ? (outHeight, height) : (outWidth, width)
    let (kernel, step, pad, dilation) =
      vertical
      ? (kernelY, strideY, paddingY, dilationY) : (kernelX, strideX, paddingX, dilationX)
    return (0..<outSize).map { index in
      let start = index * step - pad
      // The first tap at or after position 0 and the first tap at or after position `size`.
      let first = start >= 0 ? 0 : (-start + dilation - 1) / dilation
      let end = start >= size ? 0 : (size - start + dilation - 1) / dilation
      let taps = min(first, kernel)..<max(min(first, kernel), min(end, kernel))
      return PoolTaps(start: start, kernel: taps)
    }
  }
}

extension PoolGeometry {
  /// Computes every output plane with `body` on up to `threads` threads and returns the output.
  ///
  /// `body` receives the first input element of a plane (`height * width` elements) and the first
  /// output element of the same plane (`outHeight * outWidth` elements).
  ///
  /// - Precondition: `input` has `planes * height * width` elements.
  func mapPlanes(
    _ input: [Float], threads: Int,
    _ body: @Sendable (UnsafePointer<Float>, UnsafeMutablePointer<Float>) -> Void
  ) -> [Float] {
    let (inputPlane, outputPlane) = (height * width, outHeight * outWidth)
    let count = planes * outputPlane
    precondition(input.count == planes * inputPlane, "input does not match the pool geometry")
    guard count > 0 else { return [] }
    return [Float](unsafeUninitializedCapacity: count) { output, initialized in
      input.withUnsafeBufferPointer { source in
        let buffers = PlaneBuffers(source: source, output: output)
        ConvWorkers.run(items: planes, threads: threads) { range in
          guard let sourceBase = buffers.source.baseAddress,
            let outputBase = buffers.output.baseAddress
          else { return }
          for plane in range {
            body(sourceBase + plane * inputPlane, outputBase + plane * outputPlane)
          }
        }
      }
      initialized = count
    }
  }
}

/// The input and output buffers of one pooling call, shared by workers that write disjoint
/// planes of `output`.
private struct PlaneBuffers: @unchecked Sendable {
  let source: UnsafeBufferPointer<Float>
  let output: UnsafeMutableBufferPointer<Float>
}

/// The part of one pooling window along one axis that lies inside the input.
struct PoolTaps: Sendable {
  /// The input position of kernel tap 0, which may be negative inside the padding.
  var start: Int
  /// The kernel taps whose input position `start + tap * dilation` is inside the input.
  var kernel: Range<Int>
}
