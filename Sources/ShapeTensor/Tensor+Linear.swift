import Foundation

extension Tensor {
  /// Returns the number of threads kernels use when the caller does not set one: the number of
  /// active processors.
  public static var defaultThreadCount: Int {
    ProcessInfo.processInfo.activeProcessorCount
  }

  /// Applies a fully connected layer, y = x · Wᵀ + b, as `torch.nn.functional.linear` does.
  ///
  /// `input` has shape [..., inFeatures] with any number of leading dimensions, including none;
  /// `weight` has shape [outFeatures, inFeatures] and `bias`, when present, [outFeatures]. The
  /// result has shape [..., outFeatures]. Sums run in Float32 in a different order from PyTorch's,
  /// so results agree with PyTorch to rounding, not bit for bit. Large products are spread over
  /// at most `threadCount` threads (at least 1; `nil` means `defaultThreadCount`).
  ///
  /// - Precondition: `input` has rank at least 1, `weight` has rank 2, the last dimension of
  ///   `input` equals `weight.shape[1]`, `bias` has shape [`weight.shape[0]`], and the output
  ///   element count fits in `Int`.
  public static func linear(
    input: Tensor, weight: Tensor, bias: Tensor?, threadCount: Int? = nil
  ) -> Tensor {
    precondition(input.rank >= 1, "linear: input must have rank at least 1, got \(input.shape)")
    precondition(weight.rank == 2, "linear: weight must have rank 2, got \(weight.shape)")
    let inFeatures = weight.shape[1]
    let outFeatures = weight.shape[0]
    precondition(
      input.shape[input.rank - 1] == inFeatures,
      "linear: input \(input.shape) does not end in weight's \(inFeatures) input features")
    if let bias {
      precondition(
        bias.shape == [outFeatures], "linear: bias \(bias.shape) must be [\(outFeatures)]")
    }

    var outputShape = input.shape
    outputShape[outputShape.count - 1] = outFeatures
    let leadingShape = Array(input.shape.dropLast())
    guard let rows = Tensor.elementCount(of: leadingShape),
      let outputCount = Tensor.elementCount(of: outputShape)
    else {
      preconditionFailure("linear: output shape \(outputShape) has too many elements")
    }

    let dimensions = LinearKernel.Dimensions(
      rows: rows, inFeatures: inFeatures, outFeatures: outFeatures)
    let threads = threadCount ?? defaultThreadCount
    let scalars = [Float](unsafeUninitializedCapacity: outputCount) { buffer, initialized in
      // Every output element belongs to exactly one tile, and each tile first writes its bias.
      if let outputBase = buffer.baseAddress, outputCount > 0 {
        runLinear(
          input: input, weight: weight, bias: bias, output: outputBase, dimensions: dimensions,
          threadCount: threads)
      }
      initialized = outputCount
    }
    return Tensor(shape: outputShape, scalars: scalars)
  }

  /// Passes the element buffers of the operands to `LinearKernel.run`.
  private static func runLinear(
    input: Tensor, weight: Tensor, bias: Tensor?, output: UnsafeMutablePointer<Float>,
    dimensions: LinearKernel.Dimensions, threadCount: Int
  ) {
    // An empty array may have no base address; the kernel reads nothing from an operand with
    // no elements, so any valid pointer does.
    var placeholder: Float = 0
    withUnsafePointer(to: &placeholder) { fallback in
      input.scalars.withUnsafeBufferPointer { inputBuffer in
        weight.scalars.withUnsafeBufferPointer { weightBuffer in
          let biasScalars = bias?.scalars ?? []
          biasScalars.withUnsafeBufferPointer { biasBuffer in
            let operands = LinearKernel.Operands(
              input: inputBuffer.baseAddress ?? fallback,
              weight: weightBuffer.baseAddress ?? fallback,
              bias: bias == nil ? nil : biasBuffer.baseAddress,
              output: output)
            LinearKernel.run(operands: operands, dimensions: dimensions, threadCount: threadCount)
          }
        }
      }
    }
  }
}
