import ShapeDiagnostics
import ShapeLayers
import ShapeTensor

/// The text report of `shapecheck run`.
public enum RunReport {
  /// The largest tensor whose values are printed, in elements.
  public static let maxPrintedElements = 32

  public static func render(_ result: RunResult, options: RunOptions, style: TextStyle = .plain) -> String {
    var output = header(result, options: options)
    output += "\n" + table(result, style: style)
    output += values(result)
    if let classification = result.classification {
      output += "\n" + describe(classification)
    } else if let note = result.classificationNote {
      output += "\n" + note + "\n"
    }
    output += "\n" + verdict(result, style: style)
    return output
  }

  private static func header(_ result: RunResult, options: RunOptions) -> String {
    let count = result.imageCount
    let images = "\(count) image\(count == 1 ? "" : "s")"
    let layout =
      result.layout.batchSymbol.map { "stacked into one batch, \($0.name) = \(count)" }
      ?? "each viewed as \(valueDescription(result.layout.imageShape.map(Optional.some))) and run on its own"
    var text = "run \(options.modelPath) on \(options.inputPath)\n"
    let sizes = result.layout.sizeBindings.sorted { $0.key < $1.key }.map { "\($0.key.name) = \($0.value)" }
    let sizeText = sizes.isEmpty ? "" : ", with " + sizes.joined(separator: " and ")
    text += "\(images), pixels / 255, \(layout)\(sizeText)\n"
    text += "parameters: \(result.parameterSource)\n"
    if !result.kindsNotReproduced.isEmpty {
      text += "note: --seed does not reproduce PyTorch's initialization for \(result.kindsNotReproduced.joined(separator: ", "))\n"
    }
    return text
  }

  private static func table(_ result: RunResult, style: TextStyle) -> String {
    var table = TextTable()
    table.append(["name", "layer", "inferred", "observed", ""])
    for row in result.comparisons {
      let status = row.agrees ? style.apply(.success, to: "confirmed") : style.apply(.error, to: "DIFFERS")
      table.append([
        row.isStep ? "  " + row.label : row.label, row.producer, valueDescription(row.inferred),
        row.observed.map { valueDescription($0.map(Optional.some)) } ?? "not computed", status,
      ])
    }
    return table.render(indent: "  ")
  }

  private static func values(_ result: RunResult) -> String {
    var output = ""
    var omitted: [String] = []
    for row in result.comparisons where !row.isStep {
      guard let tensor = row.tensor, row.producer != "input" else { continue }
      if tensor.count <= maxPrintedElements {
        output += "\(row.label) = \(TensorFormatter.format(tensor))\n"
      } else {
        omitted.append("\(row.label) (\(tensor.count) elements)")
      }
      if let effect = row.effect {
        output += "  \(row.producer): \(effect)\n"
      }
    }
    if !omitted.isEmpty {
      output +=
        "values are printed for tensors of at most \(maxPrintedElements) elements; not printed: "
        + omitted.joined(separator: ", ") + "\n"
    }
    guard !output.isEmpty else { return "" }
    let isPerImage = result.layout.batchSymbol == nil && result.imageCount > 1
    let heading = isPerImage ? "values for the first image, \(result.firstImageSource):\n" : ""
    return "\n" + heading + output
  }

  private static func describe(_ classification: ClassificationResult) -> String {
    let percent = (classification.accuracy * 10000).rounded() / 100
    return "classification: sigmoid(output) > 0.5 means '\(classification.positiveClass)', "
      + "otherwise '\(classification.negativeClass)'; \(classification.correct) of "
      + "\(classification.total) correct (\(percent)%)\n"
  }

  private static func verdict(_ result: RunResult, style: TextStyle) -> String {
    let rows = result.comparisons.count
    let differing = result.comparisons.filter { !$0.agrees }.count
    if result.allConfirmed {
      let scope = result.imageCount > 1 && result.layout.batchSymbol == nil ? " for every image" : ""
      return style.apply(.success, to: "all \(rows) shapes confirmed\(scope)") + "\n"
    }
    var text = "\(differing) of \(rows) shapes differ from the inferred ones"
    if result.laterDisagreements > 0 {
      text += "; \(result.laterDisagreements) later image\(result.laterDisagreements == 1 ? "" : "s") also differed"
    }
    return style.apply(.error, to: text) + "\n"
  }
}
