import ShapeInference
import ShapeLayers

/// Renders the `shapes` report as the versioned JSON document described in docs/formats.md
/// and docs/schemas/shapes.schema.json.
///
/// A dimension whose value depends on a free symbol, such as a batch size, is `null` in
/// `shape` and keeps its formula in `formulas`.
public enum ShapesJSONReporter {
  /// The `version` field; it changes when a field is removed or changes meaning.
  public static let version = 1

  /// The document for `analysis`, pretty-printed with sorted keys.
  public static func render(_ analysis: ModelAnalysis) -> String {
    document(analysis).rendered()
  }

  static func document(_ analysis: ModelAnalysis) -> JSONValue {
    var total: Int? = 0
    let parameters: [JSONValue] = analysis.parameters.map { parameter in
      let values = analysis.values(of: parameter.spec.shape)
      let count = ShapesReport.elementCount(values)
      if let sum = total, let count {
        let (next, overflow) = sum.addingReportingOverflow(count)
        total = overflow ? nil : next
      } else {
        total = nil
      }
      return .object([
        "name": .string(parameter.qualifiedName),
        "layer": .string(parameter.layer.name),
        "shape": .array(values.map(JSONValue.optionalInt)),
        "formulas": .array(parameter.spec.shape.map { .string($0.formula.description) }),
        "elements": .optionalInt(count),
      ])
    }
    return .object([
      "version": .int(version),
      "file": .string(analysis.source.path),
      "activations": .array(analysis.activations.map { activationObject($0, analysis) }),
      "parameters": .array(parameters),
      "totalParameters": .optionalInt(total),
    ])
  }

  private static func activationObject(
    _ activation: ActivationRecord, _ analysis: ModelAnalysis
  ) -> JSONValue {
    let steps: [JSONValue] = activation.steps.map { step in
      .object([
        "path": .string(step.path),
        "layer": .string(step.layerName),
        "shape": .array(analysis.values(of: step.shape).map(JSONValue.optionalInt)),
        "formulas": .array(step.shape.map { .string($0.formula.description) }),
      ])
    }
    return .object([
      "name": .string(activation.name),
      "producer": .string(activation.producer),
      "line": .int(analysis.source.location(of: activation.range.start).line),
      "shape": .array(analysis.values(of: activation.shape).map(JSONValue.optionalInt)),
      "formulas": .array(activation.shape.map { .string($0.formula.description) }),
      "steps": .array(steps),
    ])
  }
}
