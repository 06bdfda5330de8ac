import Foundation
import ShapeCheckKit
import ShapeDiagnostics

/// `shapecheck summary FILE`: prints a torchinfo-style table of layers, parameters and memory.
enum SummaryCommand: Command {
  /// The largest accepted `--batch-size`, which keeps byte counts of real models far from
  /// `Int` overflow.
  static let maxBatchSize = 1 << 30

  static let spec = CommandSpec(
    name: "summary",
    abstract: "Print a table of layers, output shapes, parameter counts and memory.",
    usage:
      "shapecheck summary <file> [--batch-size <n>] [--dtype <type>] [--formulas] [--color <when>]",
    arguments: [("<file>", "The model file to summarize.")],
    options: [
      OptionSpec(
        name: "--batch-size", valueName: "<n>",
        help: "The value of free dimensions such as N in memory estimates (default: 1)."),
      OptionSpec(
        name: "--dtype", valueName: "<type>",
        help:
          "Element type for memory estimates: float32, float16, bfloat16, float64 or int8 "
          + "(default: float32)."),
      OptionSpec(
        name: "--formulas", valueName: nil, help: "Add a column with each output shape's formula."),
      CheckCommand.colorOption,
    ],
    minimumPositionals: 1, maximumPositionals: 1)

  static func run(_ arguments: ParsedArguments) throws(UsageError) -> ExitStatus {
    let style = try Output.style(for: STDERR_FILENO, choice: arguments.value("--color"))
    let report = SummaryReport(
      batchSize: try batchSize(arguments.value("--batch-size")),
      elementType: try elementType(arguments.value("--dtype")),
      showsFormulas: arguments.flags.contains("--formulas"))
    let path = arguments.positionals[0]
    do {
      let analysis = try ModelCheck.analyzeFile(path)
      if !analysis.diagnostics.isEmpty {
        let renderer = DiagnosticRenderer(style: style)
        Output.standardError(renderer.render(analysis.diagnostics, in: analysis.source))
      }
      Output.standardOutput(report.render(analysis))
      return analysis.hasErrors ? .findings : .success
    } catch {
      Output.standardError("error: \(error)\n")
      return .input
    }
  }

  static func batchSize(_ text: String?) throws(UsageError) -> Int {
    guard let text else { return 1 }
    guard let value = Int(text), value >= 1, value <= maxBatchSize else {
      throw UsageError(
        message:
          "invalid value '\(text)' for '--batch-size'; use an integer from 1 to \(maxBatchSize)",
        command: spec.name)
    }
    return value
  }

  static func elementType(_ text: String?) throws(UsageError) -> ElementType {
    guard let text else { return .float32 }
    guard let type = ElementType(rawValue: text) else {
      let names = ElementType.allCases.map(\.rawValue).joined(separator: ", ")
      throw UsageError(
        message: "invalid value '\(text)' for '--dtype'; use one of \(names)", command: spec.name)
    }
    return type
  }
}
