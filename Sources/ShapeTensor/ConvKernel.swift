/// Convolution kernels with PyTorch's `conv1d` and `conv2d` semantics (cross-correlation, as
/// PyTorch computes it), evaluated in float32 by im2col and a blocked matrix multiply.
///
/// PyTorch sums in another order, so results agree with PyTorch's within rounding error, not bit
/// for bit. The tests allow a difference of 1e-5 times max(1, |expected|).
public enum Convolution {
  /// Convolves `[N, C, L]` or unbatched `[C, L]` input with a weight of shape
  /// `[out, C / groups, kernel]`.
  ///
  /// - Parameters:
  ///   - input: `[N, C, L]` or unbatched `[C, L]`.
  ///   - weight: `[out, C / groups, kernel]`.
  ///   - bias: A vector of `out` elements added to every output position, or nil.
  ///   - options: The stride, padding, dilation, groups and padding mode.
  ///   - threads: The number of worker threads that share the batch. Values below 1 mean 1.
  /// - Returns: `[N, out, L_out]`, or `[out, L_out]` for unbatched input.
  /// - Throws: `ConvError` when the shapes or options do not fit together.
  public static func conv1d(
    _ input: Tensor, weight: Tensor, bias: Tensor? = nil, options: ConvOptions = ConvOptions(),
    threads: Int = 1
  ) throws(ConvError) -> Tensor {
    try convolve(
      input, weight: weight, bias: bias, options: options, spatialRank: 1, threads: threads)
  }

  /// Convolves `[N, C, H, W]` or unbatched `[C, H, W]` input with a weight of shape
  /// `[out, C / groups, kernel height, kernel width]`.
  ///
  /// - Parameters:
  ///   - input: `[N, C, H, W]` or unbatched `[C, H, W]`.
  ///   - weight: `[out, C / groups, kernel height, kernel width]`.
  ///   - bias: A vector of `out` elements added to every output position, or nil.
  ///   - options: The stride, padding, dilation, groups and padding mode.
  ///   - threads: The number of worker threads that share the batch. Values below 1 mean 1.
  /// - Returns: `[N, out, H_out, W_out]`, or `[out, H_out, W_out]` for unbatched input.
  /// - Throws: `ConvError` when the shapes or options do not fit together.
  public static func conv2d(
    _ input: Tensor, weight: Tensor, bias: Tensor? = nil, options: ConvOptions = ConvOptions(),
    threads: Int = 1
  ) throws(ConvError) -> Tensor {
    try convolve(
      input, weight: weight, bias: bias, options: options, spatialRank: 2, threads: threads)
  }

  private static func convolve(
    _ input: Tensor, weight: Tensor, bias: Tensor?, options: ConvOptions, spatialRank: Int,
    threads: Int
  ) throws(ConvError) -> Tensor {
    let (geometry, isBatched) = try ConvGeometry.make(
      input: input.shape, weight: weight.shape, bias: bias?.shape, options: options,
      spatialRank: spatialRank)
    let scalars = run(
      geometry, input: input.scalars, weight: weight.scalars, bias: bias?.scalars,
      mode: options.paddingMode, threads: threads)

    let spatial = spatialRank == 2 ? [geometry.outHeight, geometry.outWidth] : [geometry.outWidth]
    let batch = isBatched ? [geometry.batch] : []
    return Tensor(shape: batch + [geometry.outChannels] + spatial, scalars: scalars)
  }

  private static func run(
    _ geometry: ConvGeometry, input: [Float], weight: [Float], bias: [Float]?,
    mode: ConvPaddingMode, threads: Int
  ) -> [Float] {
    let sampleOutput = geometry.outChannels * geometry.outputPlane
    let count = geometry.batch * sampleOutput
    guard count > 0 else { return [] }

    return [Float](unsafeUninitializedCapacity: count) { output, initialized in
      input.withUnsafeBufferPointer { inputBuffer in
        weight.withUnsafeBufferPointer { weightBuffer in
          withOptionalPointer(bias) { biasPointer in
            let job = ConvJob(
              geometry: geometry, mode: mode, input: inputBuffer, weight: weightBuffer,
              bias: biasPointer, output: output)
            ConvWorkers.run(items: geometry.batch, threads: threads) { job.run(samples: $0) }
          }
        }
      }
      initialized = count
    }
  }

  private static func withOptionalPointer<Result>(
    _ array: [Float]?, _ body: (UnsafePointer<Float>?) -> Result
  ) -> Result {
    guard let array else { return body(nil) }
    return array.withUnsafeBufferPointer { body($0.baseAddress) }
  }
}

/// The buffers of one convolution call, shared read-only by the workers except for disjoint
/// per-sample slices of `output`.
private struct ConvJob: @unchecked Sendable {
  let geometry: ConvGeometry
  let mode: ConvPaddingMode
  let input: UnsafeBufferPointer<Float>
  let weight: UnsafeBufferPointer<Float>
  let bias: UnsafePointer<Float>?
  let output: UnsafeMutableBufferPointer<Float>

  /// Convolves the samples in `samples`, using scratch buffers owned by this call.
  func run(samples: Range<Int>) {
    guard !samples.isEmpty, let inputBase = input.baseAddress, let weightBase = weight.baseAddress,
      let outputBase = output.baseAddress
    else { return }
    let padded = mode == .zeros ? geometry : geometry.prepadded
    let columnCount = padded.groups * padded.patchSize * padded.outputPlane
    let columns = UnsafeMutablePointer<Float>.allocate(capacity: max(1, columnCount))
    let paddedInput = UnsafeMutablePointer<Float>.allocate(
      capacity: mode == .zeros ? 1 : max(1, padded.inChannels * padded.inputPlane))
    defer {
      columns.deallocate()
      paddedInput.deallocate()
    }

    let multiply = ConvMatrixMultiply(
      rows: geometry.outChannelsPerGroup, inner: geometry.patchSize, columns: geometry.outputPlane)
    let sampleInput = geometry.inChannels * geometry.inputPlane
    let sampleOutput = geometry.outChannels * geometry.outputPlane
    for sample in samples {
      var source = UnsafePointer(inputBase + sample * sampleInput)
      if mode != .zeros {
        geometry.pad(source: source, mode: mode, into: paddedInput)
        source = UnsafePointer(paddedInput)
      }
      padded.im2col(source: source, columns: columns)
      for group in 0..<geometry.groups {
        let outRow = group * geometry.outChannelsPerGroup
        multiply.run(
          a: weightBase + outRow * geometry.patchSize,
          b: columns + group * geometry.patchSize * geometry.outputPlane,
          bias: bias.map { $0 + outRow },
          c: outputBase + sample * sampleOutput + outRow * geometry.outputPlane)
      }
    }
  }
}
