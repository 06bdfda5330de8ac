import ShapeTensor
import ShapeSymbolic

/// `nn.Flatten(start_dim=1, end_dim=-1)`: merges the dimensions start_dim...end_dim into one.
///
/// Its default `start_dim=1` keeps dimension 0 as the batch, so on an unbatched `[28, 28]` image
/// it merges only dimension 1 with itself and changes nothing.
public struct FlattenKind: LayerKind {
  public init() {}
  public let name = "Flatten"
  public let arguments = [
    ArgumentSpec("start_dim", .dimensionIndex, default: .integer(1)),
    ArgumentSpec("end_dim", .dimensionIndex, default: .integer(-1)),
  ]
  public let relationship =
    "the dimensions from start_dim to end_dim are merged into one whose size is their product; "
    + "the values and their order are unchanged"

  public func outputShape(
    for input: [ShapeDim], of layer: LayerInstance, context: ShapeContext
  ) -> ShapeRuleResult {
    let rank = input.count
    let startIndex = layer.integer("start_dim") ?? 1
    let endIndex = layer.integer("end_dim") ?? -1
    for (argument, index) in [("start_dim", startIndex), ("end_dim", endIndex)]
    where wrapDimensionIndex(index, rank: rank) == nil {
      return outOfRange(argument: argument, index: index, rank: rank, layer: layer)
    }
    guard let start = wrapDimensionIndex(startIndex, rank: rank),
      let end = wrapDimensionIndex(endIndex, rank: rank)
    else { return .output(input) }
    guard rank > 0 else {
      return .output([ShapeDim(.constant(1))])
    }
    guard start <= end else {
      return .failure(
        ShapeFailure(
          code: .dimensionOutOfRange,
          message: "'start_dim' of '\(layer.name)' comes after 'end_dim' for an input with \(rank) dimensions",
          argument: "start_dim"))
    }
    return merge(input, from: start, through: end, layer: layer, context: context)
  }

  private func merge(
    _ input: [ShapeDim], from start: Int, through end: Int, layer: LayerInstance,
    context: ShapeContext
  ) -> ShapeRuleResult {
    guard start < end else {
      let explanation =
        "'\(layer.name)' merged dimension \(start) with itself and changed nothing: nn.Flatten() "
        + "starts at dimension 1 because dimension 0 is taken to be the batch, and this input "
        + "with \(input.count) dimension\(input.count == 1 ? "" : "s") has no batch dimension"
      let remark = NoOpRemark(explanation: explanation, argument: "start_dim", suggestedValue: "0")
      return .success(ShapeOutput(shape: input, noOp: remark))
    }
    let product: Dim
    do throws(SymbolicError) {
      product = try Self.product(of: input[start...end], context: context)
    } catch {
      return .failure(.arithmetic(error, subject: "the flattened size of '\(layer.name)'"))
    }
    let origin = DimOrigin(
      description: "'\(layer.name)' (the product of dimensions \(start)...\(end))",
      range: layer.callRange, layerName: layer.name,
      derivation: derivation(of: Array(input[start...end]), product: product, layer: layer, context: context))
    let merged = ShapeDim(product, origin: origin)
    return .output(Array(input[..<start]) + [merged] + Array(input[(end + 1)...]))
  }

  /// Multiplies the formulas of `dims`. When that product passes the size limit of `Dim`, as
  /// after a deep chain of convolutions and pools, it multiplies the formulas with the value
  /// of every bound constant substituted instead, as `SpatialShape` does for window outputs.
  private static func product(of dims: ArraySlice<ShapeDim>, context: ShapeContext)
    throws(SymbolicError) -> Dim
  {
    do throws(SymbolicError) {
      return try multiply(dims.map(\.formula))
    } catch .tooComplex {
      return try multiply(dims.map { context.valuesSubstituted(in: $0.formula) })
    }
  }

  private static func multiply(_ formulas: [Dim]) throws(SymbolicError) -> Dim {
    var product = Dim.constant(1)
    for formula in formulas {
      product = try product.multiplying(formula)
    }
    return product
  }

  /// Lists the steps that produced the merged sizes, each once, then the multiplication, such as
  /// `'flatten' multiplies 16 · 5 · 5 = 400`.
  private func derivation(
    of merged: [ShapeDim], product: Dim, layer: LayerInstance, context: ShapeContext
  ) -> [String] {
    var steps: [String] = []
    for dim in merged {
      for step in dim.origin?.derivation ?? [] where !steps.contains(step) {
        steps.append(step)
      }
    }
    let values = merged.map { context.value(of: $0.formula) }
    let factors = zip(merged, values).map { dim, value in value.map(String.init) ?? "(\(context.valuesSubstituted(in: dim.formula)))" }
    let total = context.value(of: product).map { " = \($0)" } ?? ""
    steps.append("'\(layer.name)' multiplies \(factors.joined(separator: " · "))\(total)")
    return steps
  }

  private func outOfRange(argument: String, index: Int, rank: Int, layer: LayerInstance)
    -> ShapeRuleResult
  {
    .failure(
      ShapeFailure(
        code: .dimensionOutOfRange,
        message: dimensionRangeMessage(argument: argument, index: index, rank: rank, layerName: layer.name),
        argument: argument))
  }
}

extension FlattenKind {
  public func forward(_ input: Tensor, of layer: LayerInstance, parameters: [String: Tensor])
    throws(KernelError) -> Tensor
  {
    let rank = input.rank
    guard let start = wrapDimensionIndex(layer.integer("start_dim") ?? 1, rank: rank),
      let end = wrapDimensionIndex(layer.integer("end_dim") ?? -1, rank: rank)
    else { throw KernelError("'\(layer.name)' cannot flatten an input of shape \(input.shape)") }
    guard rank > 0 else { return input.reshaped(to: [1]) ?? input }
    guard start <= end, let merged = Tensor.elementCount(of: Array(input.shape[start...end])) else {
      throw KernelError("'\(layer.name)' cannot flatten an input of shape \(input.shape)")
    }
    let shape = Array(input.shape[..<start]) + [merged] + Array(input.shape[(end + 1)...])
    guard let output = input.reshaped(to: shape) else {
      throw KernelError("'\(layer.name)' cannot flatten an input of shape \(input.shape)")
    }
    return output
  }
}
