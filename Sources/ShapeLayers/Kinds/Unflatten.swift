import ShapeTensor
import ShapeSymbolic

/// `nn.Unflatten(dim, unflattened_size)`: splits dimension `dim` into the given sizes.
///
/// One size may be -1, as in PyTorch; it is inferred from the others.
public struct UnflattenKind: LayerKind {
  public init() {}
  public let name = "Unflatten"
  public let arguments = [
    ArgumentSpec("dim", .dimensionIndex),
    ArgumentSpec("unflattened_size", .sizes(minimum: -1), shapeConstant: true),
  ]
  public let relationship =
    "dimension dim is split into the dimensions unflattened_size, whose product must equal it; "
    + "the values and their order are unchanged"

  public func validate(_ layer: LayerInstance) -> [ArgumentProblem] {
    let sizes = layer.sizes("unflattened_size") ?? []
    if sizes.contains(where: { $0 == 0 || $0 < -1 }) {
      return [ArgumentProblem(argument: "unflattened_size", message: "'unflattened_size' of '\(layer.name)' must contain positive sizes and at most one -1")]
    }
    if sizes.filter({ $0 == -1 }).count > 1 {
      return [ArgumentProblem(argument: "unflattened_size", message: "'unflattened_size' of '\(layer.name)' may contain -1 only once")]
    }
    return []
  }

  public func outputShape(
    for input: [ShapeDim], of layer: LayerInstance, context: ShapeContext
  ) -> ShapeRuleResult {
    let dimIndex = layer.integer("dim") ?? 0
    guard input.count > 0, let axis = wrapDimensionIndex(dimIndex, rank: input.count) else {
      return .failure(
        ShapeFailure(
          code: .dimensionOutOfRange,
          message: dimensionRangeMessage(argument: "dim", index: dimIndex, rank: input.count, layerName: layer.name),
          argument: "dim"))
    }
    let sizes = layer.sizes("unflattened_size") ?? []
    var parts: [ShapeDim] = []
    var product = Dim.constant(1)
    var inferredPosition: Int?
    for (position, size) in sizes.enumerated() {
      if size == -1 {
        inferredPosition = position
        parts.append(ShapeDim(.constant(0)))
        continue
      }
      let part = layer.dimension("unflattened_size[\(position)]")
      do {
        product = try product.multiplying(part.formula)
      } catch {
        return .failure(.arithmetic(error, subject: "the product of the sizes of '\(layer.name)'"))
      }
      parts.append(part)
    }
    let incoming = input[axis]
    if let position = inferredPosition {
      return inferring(position, parts: parts, product: product, incoming: incoming, input: input, axis: axis, layer: layer, context: context)
    }
    let requirement = DimRequirement(
      code: .unflattenMismatch, argument: "unflattened_size", expected: product, inputAxis: axis,
      meaning: "elements in dimension \(axis)")
    let output = Array(input[..<axis]) + parts + Array(input[(axis + 1)...])
    return .success(ShapeOutput(shape: output, requirements: [requirement]))
  }

  // swiftlint:disable:next function_parameter_count
  private func inferring(
    _ position: Int, parts: [ShapeDim], product: Dim, incoming: ShapeDim, input: [ShapeDim],
    axis: Int, layer: LayerInstance, context: ShapeContext
  ) -> ShapeRuleResult {
    if let total = context.value(of: incoming.formula), let known = context.value(of: product),
      known > 0, total % known != 0
    {
      return .failure(
        ShapeFailure(
          code: .unflattenMismatch,
          message: "'\(layer.name)' cannot split \(total) elements into sizes whose known product is \(known)",
          argument: "unflattened_size"))
    }
    let inferred: Dim
    do {
      inferred = try incoming.formula.floorDividing(by: product)
    } catch {
      return .failure(.arithmetic(error, subject: "the inferred -1 size of '\(layer.name)'"))
    }
    var output = parts
    output[position] = ShapeDim(
      inferred,
      origin: DimOrigin(description: "'\(layer.name)' (the inferred -1 size)", range: layer.range(of: "unflattened_size"), layerName: layer.name))
    return .output(Array(input[..<axis]) + output + Array(input[(axis + 1)...]))
  }
}

extension UnflattenKind {
  public func forward(_ input: Tensor, of layer: LayerInstance, parameters: [String: Tensor])
    throws(KernelError) -> Tensor
  {
    guard input.rank > 0, let axis = wrapDimensionIndex(layer.integer("dim") ?? 0, rank: input.rank) else {
      throw KernelError("'\(layer.name)' cannot unflatten an input of shape \(input.shape)")
    }
    var sizes = layer.sizes("unflattened_size") ?? []
    let known = Tensor.elementCount(of: sizes.filter { $0 != -1 }) ?? 0
    if let position = sizes.firstIndex(of: -1), known > 0 {
      sizes[position] = input.shape[axis] / known
    }
    let shape = Array(input.shape[..<axis]) + sizes + Array(input.shape[(axis + 1)...])
    guard let output = input.reshaped(to: shape) else {
      throw KernelError("'\(layer.name)' cannot split dimension \(axis) of shape \(input.shape) into \(sizes)")
    }
    return output
  }
}
