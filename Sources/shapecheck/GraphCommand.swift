import Foundation
import ShapeCheckKit
import ShapeDiagnostics

/// `shapecheck graph FILE --format svg|dot`: draws the model's data flow with shapes on edges.
enum GraphCommand: Command {
  static let spec = CommandSpec(
    name: "graph",
    abstract: "Draw the model as a diagram (SVG or Graphviz DOT) with shapes on the edges.",
    usage:
      "shapecheck graph <file> --format svg|dot [--formulas] [--output <path>] [--color <when>]",
    arguments: [("<file>", "The model file to draw.")],
    options: [
      OptionSpec(
        name: "--format", valueName: "<format>", help: "Output format: svg or dot (required)."),
      OptionSpec(
        name: "--formulas", valueName: nil, help: "Add each shape's formula to the edge labels."),
      OptionSpec(
        name: "--output", valueName: "<path>",
        help: "Write the diagram to <path> (replaced atomically) instead of standard output."),
      CheckCommand.colorOption,
    ],
    minimumPositionals: 1, maximumPositionals: 1)

  static func run(_ arguments: ParsedArguments) throws(UsageError) -> ExitStatus {
    let style = try Output.style(for: STDERR_FILENO, choice: arguments.value("--color"))
    guard let format = arguments.value("--format") else {
      throw UsageError(
        message: "missing '--format'; use --format svg or --format dot", command: spec.name)
    }
    guard format == "svg" || format == "dot" else {
      throw UsageError(
        message: "invalid value '\(format)' for '--format'; use svg or dot", command: spec.name)
    }
    let showsFormulas = arguments.flags.contains("--formulas")
    let path = arguments.positionals[0]
    do {
      let analysis = try ModelCheck.analyzeFile(path)
      if !analysis.diagnostics.isEmpty {
        let renderer = DiagnosticRenderer(style: style)
        Output.standardError(renderer.render(analysis.diagnostics, in: analysis.source))
      }
      let graph = ModelGraph(analysis)
      let document =
        format == "svg"
        ? GraphSVG(showsFormulas: showsFormulas).render(graph)
        : GraphDOT(showsFormulas: showsFormulas).render(graph)
      guard write(document, to: arguments.value("--output")) else { return .internal }
      return analysis.hasErrors ? .findings : .success
    } catch {
      Output.standardError("error: \(error)\n")
      return .input
    }
  }

  /// Writes the document to `path` atomically, or to standard output when `path` is nil, and
  /// reports a failed write.
  private static func write(_ document: String, to path: String?) -> Bool {
    guard let path else {
      Output.standardOutput(document)
      return true
    }
    do {
      try OutputFileWriter.write(document, to: path)
      return true
    } catch {
      Output.standardError("error: \(error)\n")
      return false
    }
  }
}
