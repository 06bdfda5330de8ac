import ShapeInference
import ShapeLayers

/// The content of `shapecheck summary`: one row per layer application in execution order with
/// a Sequential's steps nested under it, then the layers never applied, and the totals.
public struct ModelSummary: Sendable {
  public var rows: [SummaryRow]
  /// The number of parameter elements, or nil when a dimension has no value or the sum
  /// overflows.
  public var totalParameters: Int?
  /// The output shape of every layer application in the plan, which the activation memory
  /// counts. A Sequential's output is its last step's output, so it is counted once.
  public var activationShapes: [[ShapeDim]]
  /// The tensors that input declarations read.
  public var inputShapes: [[ShapeDim]]

  /// Builds the summary rows and totals of an analysis.
  public init(_ analysis: ModelAnalysis) {
    var builder = SummaryRowBuilder(analysis: analysis)
    builder.addApplications()
    builder.addUnused()
    rows = builder.rows
    totalParameters = Self.parameterTotal(analysis)
    activationShapes = analysis.plan.compactMap { step in
      guard case .apply(let output, _, _, _) = step else { return nil }
      return builder.shapes[output]
    }
    inputShapes = analysis.plan.compactMap { step in
      guard case .input(_, _, let shape) = step else { return nil }
      return shape
    }
  }

  /// Every parameter of the model is trainable, because the model language has no way to
  /// freeze one.
  public var trainableParameters: Int? { totalParameters }

  private static func parameterTotal(_ analysis: ModelAnalysis) -> Int? {
    var total = 0
    for layer in analysis.layers {
      guard let count = parameterCount(of: layer, in: analysis) else { return nil }
      let (sum, overflow) = total.addingReportingOverflow(count)
      if overflow { return nil }
      total = sum
    }
    return total
  }

  /// Counts the parameter elements of one layer, such as 23,550 for `Linear(784, 30)`, or
  /// nil when a dimension has no value or the count overflows.
  static func parameterCount(of layer: LayerInstance, in analysis: ModelAnalysis) -> Int? {
    var total = 0
    for parameter in layer.kind.parameters(of: layer) {
      guard let count = ShapesReport.elementCount(analysis.values(of: parameter.shape)) else {
        return nil
      }
      let (sum, overflow) = total.addingReportingOverflow(count)
      if overflow { return nil }
      total = sum
    }
    return total
  }
}
