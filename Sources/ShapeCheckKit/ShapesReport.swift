import ShapeInference
import ShapeLayers
import ShapeSymbolic

/// The derived-shape report of `shapecheck shapes`: every named activation and every step of
/// each applied Sequential with its formula and value, then every parameter and the total.
public enum ShapesReport {
  /// Renders the report as aligned text.
  public static func render(_ analysis: ModelAnalysis) -> String {
    var output = "activations of \(analysis.source.path)\n"
    output += activationTable(analysis)
    output += "\nparameters\n"
    output += parameterTable(analysis)
    return output
  }

  private static func activationTable(_ analysis: ModelAnalysis) -> String {
    var output = ""
    var table = TextTable()
    table.append(["name", "layer", "shape", "formula"])
    for activation in analysis.activations {
      let line = analysis.source.location(of: activation.range.start).line
      table.append([
        activation.name.count > 40 ? "(line \(line))" : activation.name, activation.producer,
        valueDescription(analysis.values(of: activation.shape)), activation.shape.formulaDescription,
      ])
    }
    output += table.render(indent: "  ")
    for activation in analysis.activations where !activation.steps.isEmpty {
      let line = analysis.source.location(of: activation.range.start).line
      output += "\nsteps of \(activation.name) (line \(line))\n"
      var steps = TextTable()
      steps.append(["step", "layer", "shape", "formula"])
      for step in activation.steps {
        steps.append([
          step.path, step.layerName, valueDescription(analysis.values(of: step.shape)),
          step.shape.formulaDescription,
        ])
      }
      output += steps.render(indent: "  ")
    }
    return output
  }

  private static func parameterTable(_ analysis: ModelAnalysis) -> String {
    var table = TextTable()
    table.append(["name", "shape", "formula", "elements"])
    var total = 0
    var totalIsKnown = true
    for parameter in analysis.parameters {
      let values = analysis.values(of: parameter.spec.shape)
      let count = elementCount(values)
      if let count, let sum = Optional(total.addingReportingOverflow(count)), !sum.overflow {
        total = sum.partialValue
      } else {
        totalIsKnown = false
      }
      table.append([
        parameter.qualifiedName, valueDescription(values),
        parameter.spec.shape.formulaDescription(droppingPrefix: parameter.layer.name),
        count.map(groupedDigits) ?? "?",
      ])
    }
    var output = table.render(indent: "  ")
    output += "\ntotal parameters: \(totalIsKnown ? groupedDigits(total) : "unknown")\n"
    return output
  }

  /// Multiplies known values; returns nil when a value is unknown or the product overflows.
  static func elementCount(_ values: [Int?]) -> Int? {
    var product = 1
    for value in values {
      guard let value else { return nil }
      let (next, overflow) = product.multipliedReportingOverflow(by: value)
      if overflow { return nil }
      product = next
    }
    return product
  }
}
