import Foundation
import ShapeCheckKit
import ShapeDiagnostics

/// `shapecheck shapes FILE`: prints every activation's and parameter's shape and formula.
enum ShapesCommand: Command {
  static let spec = CommandSpec(
    name: "shapes",
    abstract: "Print every activation's and parameter's shape with its formula.",
    usage: "shapecheck shapes <file> [--format text|json] [--color <when>]",
    arguments: [("<file>", "The model file to report on.")],
    options: [
      OptionSpec(name: "--format", valueName: "<format>", help: "Output format: text or json (default: text)."),
      CheckCommand.colorOption,
    ],
    minimumPositionals: 1, maximumPositionals: 1)

  static func run(_ arguments: ParsedArguments) throws(UsageError) -> ExitStatus {
    let style = try Output.style(for: STDERR_FILENO, choice: arguments.value("--color"))
    let path = arguments.positionals[0]
    let format = try CheckCommand.format(arguments.value("--format")) ?? .text
    guard format == .text || format == .json else {
      throw UsageError(message: "invalid format '\(format.rawValue)' for 'shapes'; use text or json", command: spec.name)
    }
    do {
      let analysis = try ModelCheck.analyzeFile(path)
      if !analysis.diagnostics.isEmpty {
        Output.standardError(DiagnosticRenderer(style: style).render(analysis.diagnostics, in: analysis.source))
      }
      Output.standardOutput(
        format == .json ? ShapesJSONReporter.render(analysis) : ShapesReport.render(analysis))
      return analysis.hasErrors ? .findings : .success
    } catch {
      Output.standardError("error: \(error)\n")
      return .input
    }
  }
}
