import ShapeInference
import ShapeLayers
import ShapeSymbolic

/// Limits on the tensors that `run` allocates. They are checked against the inferred shapes
/// before any parameter or activation exists, so a model too large to run fails with a
/// `RunError` instead of running out of memory.
public enum RunLimits {
  /// The maximum number of elements of one tensor: the input batch, an activation or a
  /// parameter. 2^26 Float32 values take 256 MiB.
  public static let maxTensorElements = 1 << 26
  /// The maximum number of parameter elements of the whole model. 2^28 Float32 values take
  /// 1 GiB.
  public static let maxParameterElements = 1 << 28

  /// Checks every tensor of the plan and every parameter against the limits, with the batch
  /// symbol of a batched input bound to `imageCount`.
  static func check(_ analysis: ModelAnalysis, layout: InputLayout, imageCount: Int) throws(RunError) {
    var bindings = analysis.bindings
    if let symbol = layout.batchSymbol { bindings[symbol] = imageCount }
    for step in analysis.plan {
      switch step {
      case .input(_, let name, let shape):
        try checkTensor(name, shape, bindings)
      case .apply(_, _, let layer, let shape):
        try checkTensor("the output of '\(layer.name)'", shape, bindings)
      }
    }
    var total = 0
    for parameter in analysis.parameters {
      let count = try checkTensor(parameter.qualifiedName, parameter.spec.shape, bindings)
      let sum = total.addingReportingOverflow(count)
      guard !sum.overflow, sum.partialValue <= maxParameterElements else {
        throw .modelTooLarge(limit: maxParameterElements)
      }
      total = sum.partialValue
    }
  }

  /// Returns the element count of a tensor, or 0 when a dimension has no value, and throws
  /// when the count passes `maxTensorElements` or overflows `Int`.
  @discardableResult
  private static func checkTensor(
    _ name: String, _ shape: [ShapeDim], _ bindings: [Symbol: Int]
  ) throws(RunError) -> Int {
    var count = 1
    var values: [Int] = []
    for dim in shape {
      guard let value = (try? dim.formula.evaluated(bindings)) ?? nil else { return 0 }
      values.append(value)
      let product = count.multipliedReportingOverflow(by: max(value, 0))
      count = product.overflow ? Int.max : product.partialValue
    }
    guard count <= maxTensorElements else {
      let shapeText = "[" + values.map(String.init).joined(separator: ", ") + "]"
      throw .tensorTooLarge(tensor: name, shape: shapeText, limit: maxTensorElements)
    }
    return count
  }
}
