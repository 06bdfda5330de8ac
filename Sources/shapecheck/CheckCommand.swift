import Foundation
import ShapeCheckKit
import ShapeDiagnostics

/// `shapecheck check FILE…`: prints diagnostics and fails when there are errors.
enum CheckCommand: Command {
  static let colorOption = OptionSpec(
    name: "--color", valueName: "<when>", help: "Colour output: auto, always or never (default: auto).")

  static let spec = CommandSpec(
    name: "check",
    abstract: "Report shape errors with file:line:col, notes and fix-its.",
    usage: "shapecheck check <file>... [--warnings-as-errors] [--color <when>] [--fix | --diff]",
    arguments: [("<file>...", "Model files to check (.nn, Python syntax).")],
    options: [
      OptionSpec(name: "--warnings-as-errors", valueName: nil, help: "Exit with status 1 when there are warnings."),
      colorOption,
    ] + fixOptions,
    minimumPositionals: 1, maximumPositionals: Int.max)

  static func run(_ arguments: ParsedArguments) throws(UsageError) -> ExitStatus {
    let style = try Output.style(for: STDOUT_FILENO, choice: arguments.value("--color"))
    let renderer = DiagnosticRenderer(style: style)
    let fixMode = try fixMode(arguments)
    var errorCount = 0
    var warningCount = 0
    var unreadable = 0
    for path in arguments.positionals {
      do {
        let analysis = try analyze(path, fixMode: fixMode)
        // With --diff, standard output carries only the patch.
        if fixMode != .diff { Output.standardOutput(renderer.render(analysis.diagnostics, in: analysis.source)) }
        errorCount += analysis.diagnostics.filter { $0.severity == .error }.count
        warningCount += analysis.diagnostics.filter { $0.severity == .warning }.count
      } catch {
        Output.standardError("error: \(error)\n")
        unreadable += 1
      }
    }
    Output.standardError(summary(files: arguments.positionals.count, errors: errorCount, warnings: warningCount, unreadable: unreadable))
    let failsOnWarnings = arguments.flags.contains("--warnings-as-errors") && warningCount > 0
    if errorCount > 0 || failsOnWarnings { return .findings }
    return unreadable > 0 ? .input : .success
  }

  static func summary(files: Int, errors: Int, warnings: Int, unreadable: Int) -> String {
    func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
    var text = "\(plural(files, "file")) checked: \(plural(errors, "error")), \(plural(warnings, "warning"))"
    if unreadable > 0 { text += ", \(unreadable) unreadable" }
    return text + "\n"
  }
}

