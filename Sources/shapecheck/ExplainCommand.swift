import Foundation
import ShapeCheckKit
import ShapeDiagnostics
import ShapeInference

/// `shapecheck explain FILE`: reports which constants may change and how layers relate shapes.
enum ExplainCommand: Command {
  static let spec = CommandSpec(
    name: "explain",
    abstract: "Explain which constants can change, and how each layer relates its shapes.",
    usage: "shapecheck explain <file> [--format text|json] [--what-if <name>=<value>]...",
    arguments: [("<file>", "The model file to explain.")],
    options: [
      OptionSpec(
        name: "--format", valueName: "<format>",
        help: "Output format: text or json (default: text)."),
      OptionSpec(
        name: "--what-if", valueName: "<name>=<value>",
        help: "Set a shape constant to an integer and report what else must change; repeatable.",
        isRepeatable: true),
      CheckCommand.colorOption,
    ],
    minimumPositionals: 1, maximumPositionals: 1)

  static func run(_ arguments: ParsedArguments) throws(UsageError) -> ExitStatus {
    let format = arguments.value("--format") ?? "text"
    guard format == "text" || format == "json" else {
      throw UsageError(
        message: "invalid value '\(format)' for '--format'; use text or json", command: spec.name)
    }
    let style = try Output.style(for: STDERR_FILENO, choice: arguments.value("--color"))
    let analysis: ModelAnalysis
    do {
      analysis = try ModelCheck.analyzeFile(arguments.positionals[0])
    } catch {
      Output.standardError("error: \(error)\n")
      return .input
    }

    let requests: [WhatIfRequest]
    do {
      requests = try WhatIfRequest.parse(arguments.values["--what-if"] ?? [], in: analysis)
    } catch {
      throw UsageError(message: error.description, command: spec.name)
    }
    if !analysis.diagnostics.isEmpty {
      Output.standardError(
        DiagnosticRenderer(style: style).render(analysis.diagnostics, in: analysis.source))
    }
    let outcome = requests.isEmpty ? nil : WhatIf.apply(requests, to: analysis)
    Output.standardOutput(render(analysis, outcome: outcome, format: format))
    // A request that could not be applied leaves the outcome incomplete, like a problem.
    let changesLeaveProblems =
      !(outcome?.remainingProblems.isEmpty ?? true) || !(outcome?.unappliedRequests.isEmpty ?? true)
    return analysis.hasErrors || changesLeaveProblems ? .findings : .success
  }

  /// Renders the explanation, or with `--what-if` the consequences of the changes. JSON output
  /// carries both.
  private static func render(_ analysis: ModelAnalysis, outcome: WhatIfOutcome?, format: String)
    -> String
  {
    if format == "json" {
      return ExplainJSON.render(Explanation(analysis: analysis), whatIf: outcome)
    }
    guard let outcome else { return ExplainTextRenderer.render(Explanation(analysis: analysis)) }
    return WhatIfTextRenderer.render(outcome, path: analysis.source.path)
  }
}
