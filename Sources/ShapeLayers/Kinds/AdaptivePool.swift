import ShapeTensor

/// `nn.AdaptiveAvgPool1d/2d(output_size)` and `nn.AdaptiveMaxPool1d/2d(output_size,
/// return_indices=False)`: pools each plane to a fixed spatial size, whatever the input size.
///
/// In the 2-D kinds an entry of `output_size` that is None keeps that input size, as in
/// PyTorch.
public struct AdaptivePoolKind: LayerKind {
  /// The reduction that each window applies.
  public enum Reduction: String, Sendable {
    case average = "Avg"
    case maximum = "Max"
  }

  public let name: String
  public let reduction: Reduction
  public let spatialRank: Int
  public let arguments: [ArgumentSpec]
  public let relationship =
    "batch and channels are kept; the spatial sizes become output_size, where None keeps the "
    + "input size; output element i of a size L → n reads input elements floor(i·L/n) up to "
    + "ceil((i + 1)·L/n)"

  /// Creates the average or maximum kind with 1 or 2 spatial dimensions.
  public init(_ reduction: Reduction, spatialRank: Int) {
    self.reduction = reduction
    self.spatialRank = spatialRank
    name = "Adaptive\(reduction.rawValue)Pool\(spatialRank)d"
    // PyTorch 2.13 accepts None entries only in the 2-D kinds.
    let sizeType: ArgumentType =
      spatialRank == 1 ? .spatial(count: 1, minimum: 1) : .spatialOrNone(count: spatialRank)
    var arguments = [ArgumentSpec("output_size", sizeType, shapeConstant: true)]
    if reduction == .maximum {
      arguments.append(ArgumentSpec("return_indices", .boolean, default: .boolean(false)))
    }
    self.arguments = arguments
  }

  public func validate(_ layer: LayerInstance) -> [ArgumentProblem] {
    guard layer.boolean("return_indices") == true else { return [] }
    return [
      ArgumentProblem(
        argument: "return_indices",
        message: "'\(layer.name)' with return_indices=True returns a tuple of values and "
          + "indices, which shapecheck does not model; remove the argument")
    ]
  }

  public func outputShape(
    for input: [ShapeDim], of layer: LayerInstance, context: ShapeContext
  ) -> ShapeRuleResult {
    if let failure = SpatialShape.rankFailure(input, spatialRank: spatialRank, layer: layer) {
      return .failure(failure)
    }
    let sizes = layer.sizes("output_size") ?? []
    let first = input.count - spatialRank
    var output = Array(input[..<first])
    for axis in 0..<spatialRank {
      let keeps = !sizes.indices.contains(axis) || sizes[axis] == -1
      output.append(keeps ? input[first + axis] : layer.dimension("output_size[\(axis)]"))
    }
    return .output(output)
  }

  public func forward(_ input: Tensor, of layer: LayerInstance, parameters: [String: Tensor])
    throws(KernelError) -> Tensor
  {
    guard input.rank == spatialRank + 1 || input.rank == spatialRank + 2 else {
      throw KernelError(
        "'\(layer.name)' needs an input of shape "
          + "\(SpatialShape.layoutDescription(spatialRank: spatialRank)), but the input has shape "
          + "\(input.shape)")
    }
    let sizes: [Int?] = (layer.sizes("output_size") ?? []).map { $0 == -1 ? nil : $0 }
    do {
      switch (reduction, spatialRank) {
      case (.average, 1): return try Pooling.adaptiveAvgPool1d(input, outputSize: sizes)
      case (.average, _): return try Pooling.adaptiveAvgPool2d(input, outputSize: sizes)
      case (.maximum, 1): return try Pooling.adaptiveMaxPool1d(input, outputSize: sizes)
      case (.maximum, _): return try Pooling.adaptiveMaxPool2d(input, outputSize: sizes)
      }
    } catch {
      throw KernelError("'\(layer.name)': \(error)")
    }
  }
}
