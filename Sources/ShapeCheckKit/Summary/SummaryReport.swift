import ShapeInference
import ShapeLayers

/// Renders `shapecheck summary`: a torchinfo-style layer table, the parameter totals and the
/// memory of parameters, inputs and activations.
public struct SummaryReport: Sendable {
  /// The value that free dimensions such as `N` take in memory estimates.
  public var batchSize: Int
  public var elementType: ElementType
  /// Whether the table has a column with each output shape's formula.
  public var showsFormulas: Bool

  public init(
    batchSize: Int = 1, elementType: ElementType = .float32, showsFormulas: Bool = false
  ) {
    self.batchSize = batchSize
    self.elementType = elementType
    self.showsFormulas = showsFormulas
  }

  /// Renders the summary of an analysis as text.
  public func render(_ analysis: ModelAnalysis) -> String {
    let summary = ModelSummary(analysis)
    let table = layerTable(summary, analysis: analysis)
    let width = table.split(separator: "\n").map(\.count).max() ?? 0
    let heavyRule = String(repeating: "=", count: width) + "\n"
    let lightRule = String(repeating: "-", count: width) + "\n"
    let lines = table.split(separator: "\n", omittingEmptySubsequences: false)
    var output = "summary of \(analysis.source.path)\n" + heavyRule
    output += (lines.first.map(String.init) ?? "") + "\n" + heavyRule
    output += lines.dropFirst().joined(separator: "\n")
    output += heavyRule
    output += parameterTotals(summary)
    output += lightRule
    output += memoryReport(summary, analysis: analysis)
    output += heavyRule
    return output
  }

  private func layerTable(_ summary: ModelSummary, analysis: ModelAnalysis) -> String {
    var table = TextTable()
    var header = ["layer", "kind", "output shape"]
    if showsFormulas { header.append("formula") }
    table.append(header + ["parameters", "trainable"])
    for row in summary.rows {
      var cells = [String(repeating: "  ", count: row.depth) + row.name, row.kind]
      cells.append(row.outputShape.map { analysis.valueText(of: $0) } ?? "unused")
      if showsFormulas {
        cells.append(row.outputShape?.formulaDescription ?? "--")
      }
      cells += parameterCells(row.parameters)
      table.append(cells)
    }
    return table.render()
  }

  private func parameterCells(_ parameters: SummaryRow.Parameters) -> [String] {
    switch parameters {
    case .count(let count?) where count > 0: [groupedDigits(count), "yes"]
    case .count(.some): ["--", "--"]
    case .count(nil): ["unknown", "yes"]
    case .container: ["--", "--"]
    case .recursive: ["(recursive)", "--"]
    }
  }

  private func parameterTotals(_ summary: ModelSummary) -> String {
    let total = summary.totalParameters.map(groupedDigits) ?? "unknown"
    let trainable = summary.trainableParameters.map(groupedDigits) ?? "unknown"
    var table = TextTable()
    table.append(["total parameters:", total])
    table.append(["trainable parameters:", trainable])
    table.append(["non-trainable parameters:", "0"])
    return table.render()
  }

  private func memoryReport(_ summary: ModelSummary, analysis: ModelAnalysis) -> String {
    let free = analysis.freeSymbols.map(\.name).sorted()
    var output = "element type: \(elementType.rawValue)"
    output += " (\(elementType.byteCount) bytes per element)\n"
    output += "batch size: \(batchSize)"
    if free.isEmpty {
      output += " (the model has no free dimensions)\n"
    } else {
      output += " (sets \(free.joined(separator: ", ")))\n"
    }
    let parameterBytes = summary.totalParameters.flatMap(bytes)
    let inputBytes = totalBytes(summary.inputShapes, analysis: analysis)
    let activationBytes = totalBytes(summary.activationShapes, analysis: analysis)
    var table = TextTable()
    table.append(["parameters:", parameterBytes.map(byteCountText) ?? "unknown"])
    table.append(["inputs:", inputBytes.map(byteCountText) ?? "unknown"])
    table.append(["activations:", activationBytes.map(byteCountText) ?? "unknown"])
    let parts = [parameterBytes, inputBytes, activationBytes]
    let total = parts.contains { $0 == nil } ? nil : checkedSum(parts.compactMap { $0 })
    table.append(["estimated total:", total.map(byteCountText) ?? "unknown"])
    output += table.render()
    let count = summary.activationShapes.count
    output += "activations: the output of every layer application in one pass over the file"
    output += " (\(count) tensor\(count == 1 ? "" : "s")).\n"
    output += "A Sequential's output is its last layer's output and counts once.\n"
    return output
  }

  /// Converts an element count to bytes, or returns nil on overflow.
  private func bytes(_ elements: Int) -> Int? {
    let (product, overflow) = elements.multipliedReportingOverflow(by: elementType.byteCount)
    return overflow ? nil : product
  }

  private func totalBytes(_ shapes: [[ShapeDim]], analysis: ModelAnalysis) -> Int? {
    let values = analysis.symbolValues(batchSize: batchSize)
    var sizes: [Int] = []
    for shape in shapes {
      guard let elements = ModelAnalysis.elementCount(of: shape, values: values),
        let size = bytes(elements)
      else { return nil }
      sizes.append(size)
    }
    return checkedSum(sizes)
  }

  private func checkedSum(_ values: [Int]) -> Int? {
    var total = 0
    for value in values {
      let (sum, overflow) = total.addingReportingOverflow(value)
      if overflow { return nil }
      total = sum
    }
    return total
  }
}
