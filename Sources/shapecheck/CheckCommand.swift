import Foundation
import ShapeCheckKit
import ShapeDiagnostics

/// `shapecheck check PATH…`: checks model files and folders, prints the diagnostics in the
/// chosen format and fails when there are errors.
enum CheckCommand: Command {
  static let colorOption = OptionSpec(
    name: "--color", valueName: "<when>",
    help: "Colour output: auto, always or never (default: auto).")

  static let spec = CommandSpec(
    name: "check",
    abstract: "Report shape errors with file:line:col, notes and fix-its.",
    usage: "shapecheck check <path>... [--format <format>] [--include <glob>] [--exclude <glob>] [--fix | --diff] [--stamp <path>]",
    arguments: [
      ("<path>...", "Model files (.nn, Python syntax) and folders, searched recursively for *.nn.")
    ],
    options: [
      OptionSpec(
        name: "--format", valueName: "<format>",
        help: "Output format: \(OutputFormat.names) (default: text, or the configuration's)."),
      OptionSpec(
        name: "--include", valueName: "<glob>",
        help: "Check only files in folders whose relative path matches; repeatable.",
        isRepeatable: true),
      OptionSpec(
        name: "--exclude", valueName: "<glob>",
        help: "Skip files and folders whose relative path matches; repeatable.",
        isRepeatable: true),
      OptionSpec(
        name: "--warnings-as-errors", valueName: nil,
        help: "Exit with status 1 when there are warnings."),
      OptionSpec(
        name: "--no-warnings-as-errors", valueName: nil,
        help: "Exit with status 0 on warnings, even when a configuration sets warningsAsErrors."),
      OptionSpec(
        name: "--disable", valueName: "<code>",
        help: "Drop diagnostics with this code; repeatable.",
        isRepeatable: true),
      OptionSpec(name: "--no-config", valueName: nil, help: "Ignore .shapecheck.json files."),
      OptionSpec(
        name: "--weights", valueName: "<file>",
        help: "Compare the tensors in a .safetensors file with the model's parameters: names, shapes, finite values."),
      colorOption,
      stampOption,
    ] + fixOptions,
    minimumPositionals: 1, maximumPositionals: Int.max)

  static func run(_ arguments: ParsedArguments) throws(UsageError) -> ExitStatus {
    let options = try checkOptions(arguments)
    let requestedFormat = try format(arguments.value("--format"))
    let style = try Output.style(for: STDOUT_FILENO, choice: arguments.value("--color"))
    let fixMode = try fixMode(arguments)
    if let fixMode {
      applyFixes(to: arguments.positionals, options: options, mode: fixMode)
    }
    let run = BatchCheck.run(arguments.positionals, options: options)
    let format = requestedFormat ?? run.configuredFormat ?? .text
    // With --diff, standard output carries only the patch.
    if fixMode != .diff {
      Output.standardOutput(
        run.rendered(as: format, style: style, toolVersion: CommandLineTool.version))
    }
    for failure in run.failures {
      Output.standardError("error: \(failure.message)\n")
    }
    Output.standardError(run.summary + "\n")
    return updateStamp(arguments.value("--stamp"), status: run.exitStatus)
  }

  static func format(_ name: String?) throws(UsageError) -> OutputFormat? {
    guard let name else { return nil }
    guard let format = OutputFormat(rawValue: name) else {
      throw UsageError(
        message: "invalid format '\(name)'; use \(OutputFormat.names)", command: spec.name)
    }
    return format
  }

  private static func checkOptions(
    _ arguments: ParsedArguments
  ) throws(UsageError) -> CheckOptions {
    var options = CheckOptions()
    options.includes = (arguments.values["--include"] ?? []).map(GlobPattern.init)
    options.excludes = (arguments.values["--exclude"] ?? []).map(GlobPattern.init)
    options.weightsPath = arguments.value("--weights")
    let enables = arguments.flags.contains("--warnings-as-errors")
    let disables = arguments.flags.contains("--no-warnings-as-errors")
    if enables && disables {
      throw UsageError(
        message: "'--warnings-as-errors' and '--no-warnings-as-errors' exclude each other",
        command: spec.name)
    }
    options.warningsAsErrors = enables ? true : (disables ? false : nil)
    for code in arguments.values["--disable"] ?? [] {
      guard DiagnosticCode.registered(code) != nil else {
        throw UsageError(
          message: "unknown diagnostic code '\(code)' for '--disable'", command: spec.name)
      }
      options.disabledCodes.insert(code)
    }
    options.readsConfiguration = !arguments.flags.contains("--no-config")
    return options
  }
}
