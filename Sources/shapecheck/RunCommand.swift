import Foundation
import ShapeCheckKit
import ShapeDiagnostics

/// `shapecheck run MODEL --input PATH`: runs the model on real images and confirms every shape.
enum RunCommand: Command {
  static let spec = CommandSpec(
    name: "run",
    abstract: "Run a model on real images and compare every observed shape with the inferred one.",
    usage:
      "shapecheck run <model> --input <path> [--weights <file> | --seed <n>] [--limit <k>] [--positive-class <name>] [--color <when>]",
    arguments: [("<model>", "The model file to run.")],
    options: [
      OptionSpec(
        name: "--input", valueName: "<path>",
        help: "A PNG, a folder of PNGs, a root/{train,valid}/{class}/*.png tree, an IDX file or a digit CSV."),
      OptionSpec(name: "--weights", valueName: "<file>", help: "Load parameters from a .safetensors file."),
      OptionSpec(
        name: "--seed", valueName: "<n>",
        help: "Initialize parameters as PyTorch does after torch.manual_seed(n) (default: 42)."),
      OptionSpec(name: "--limit", valueName: "<k>", help: "Use at most k images."),
      OptionSpec(
        name: "--positive-class", valueName: "<name>",
        help: "The class that sigmoid(output) > 0.5 means (default: the first class name in sorted order)."),
      CheckCommand.colorOption,
    ],
    minimumPositionals: 1, maximumPositionals: 1)

  static func run(_ arguments: ParsedArguments) throws(UsageError) -> ExitStatus {
    let options = try makeOptions(arguments)
    let style = try Output.style(for: STDOUT_FILENO, choice: arguments.value("--color"))
    let progress = Output.isTerminal(STDERR_FILENO) ? ProgressBar() : nil
    do {
      let result = try ModelRun.run(options) { done, total in progress?.update(done: done, total: total) }
      progress?.finish()
      Output.standardOutput(RunReport.render(result, options: options, style: style))
      return result.allConfirmed ? .success : .findings
    } catch {
      progress?.finish()
      return report(error, style: style)
    }
  }

  private static func makeOptions(_ arguments: ParsedArguments) throws(UsageError) -> RunOptions {
    guard let input = arguments.value("--input") else {
      throw UsageError(message: "missing '--input <path>'", command: spec.name)
    }
    var options = RunOptions(modelPath: arguments.positionals[0], inputPath: input)
    options.weightsPath = arguments.value("--weights")
    options.positiveClass = arguments.value("--positive-class")
    if let seed = arguments.value("--seed") {
      guard options.weightsPath == nil else {
        throw UsageError(message: "'--seed' and '--weights' cannot be used together", command: spec.name)
      }
      guard let value = UInt64(seed) else {
        throw UsageError(message: "invalid value '\(seed)' for '--seed'; use a non-negative integer", command: spec.name)
      }
      options.seed = value
    }
    if let limit = arguments.value("--limit") {
      guard let value = Int(limit), value > 0 else {
        throw UsageError(message: "invalid value '\(limit)' for '--limit'; use a positive integer", command: spec.name)
      }
      options.limit = value
    }
    return options
  }

  private static func report(_ failure: RunFailure, style: TextStyle) -> ExitStatus {
    switch failure {
    case .input(let error):
      Output.standardError("error: \(error)\n")
      return .input
    case .diagnostics(let source, let diagnostics):
      Output.standardError(DiagnosticRenderer(style: style).render(diagnostics, in: source))
      Output.standardError("error: the model cannot run until these problems are fixed\n")
      return .findings
    case .run(let error):
      Output.standardError("error: \(error)\n")
      return status(for: error)
    }
  }
}

extension RunCommand {
  /// Maps a run error to its exit status: an internal failure is 70, a `--positive-class` that
  /// names no class of the data or cannot apply to it is a usage error (64), and every other
  /// run error is 1.
  static func status(for error: RunError) -> ExitStatus {
    switch error {
    case .internalFailure: .internal
    case .unknownClass, .positiveClassNotApplicable: .usage
    default: .findings
    }
  }
}

/// A one-line progress bar on standard error, redrawn in place.
final class ProgressBar: @unchecked Sendable {
  private var lastPercent = -1
  private var isShown = false

  func update(done: Int, total: Int) {
    guard total >= 1000 else { return }
    let percent = done * 100 / total
    guard percent != lastPercent else { return }
    lastPercent = percent
    isShown = true
    let filled = percent * 30 / 100
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: 30 - filled)
    Output.standardError("\r[\(bar)] \(percent)% (\(done)/\(total) images)")
  }

  func finish() {
    if isShown { Output.standardError("\n") }
  }
}
