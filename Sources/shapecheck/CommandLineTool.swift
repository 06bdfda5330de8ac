import Foundation
import ShapeCheckKit
import ShapeDiagnostics

/// A subcommand: its specification and what it does with the parsed arguments.
protocol Command: Sendable {
  static var spec: CommandSpec { get }
  static func run(_ arguments: ParsedArguments) throws(UsageError) -> ExitStatus
}

/// Dispatches the subcommands and turns errors into messages and exit statuses.
enum CommandLineTool {
  static let version = "0.1.0"

  /// Every subcommand; adding one is a new file with a `Command` type and a line here.
  static let commandTypes: [any Command.Type] = [
    CheckCommand.self, ShapesCommand.self, ExplainCommand.self, RunCommand.self, SummaryCommand.self,
    GraphCommand.self,
  ]

  static var commands: [CommandSpec] { commandTypes.map { $0.spec } }

  static func run(_ arguments: [String]) -> ExitStatus {
    guard let first = arguments.first else {
      Output.standardError(toolHelp())
      return .usage
    }
    switch first {
    case "-h", "--help", "help":
      if first == "help", arguments.count > 1, let spec = commands.first(where: { $0.name == arguments[1] }) {
        Output.standardOutput(commandHelp(spec))
      } else {
        Output.standardOutput(toolHelp())
      }
      return .success
    case "--version":
      Output.standardOutput("shapecheck \(version)\n")
      return .success
    default:
      break
    }
    let rest = Array(arguments.dropFirst())
    guard let command = commandTypes.first(where: { $0.spec.name == first }) else {
      return usageFailure(UsageError(message: "unknown command '\(first)'", command: nil))
    }
    let spec = command.spec
    // After `--` every argument is a path, even one named `--help`.
    let options = rest.prefix { $0 != "--" }
    if options.contains("--help") || options.contains("-h") {
      Output.standardOutput(commandHelp(spec))
      return .success
    }
    do throws(UsageError) {
      let parsed = try ArgumentParser.parse(rest, spec: spec)
      return try command.run(parsed)
    } catch {
      // An option value rejected inside a command, such as '--color maybe', still belongs to
      // that command's usage.
      var failure = error
      if failure.command == nil { failure.command = spec.name }
      return usageFailure(failure)
    }
  }

  private static func usageFailure(_ error: UsageError) -> ExitStatus {
    Output.standardError("error: \(error.message)\n")
    if let name = error.command, let spec = commands.first(where: { $0.name == name }) {
      Output.standardError("usage: \(spec.usage)\nsee 'shapecheck \(name) --help'\n")
    } else {
      Output.standardError("usage: shapecheck <command> [options]\nsee 'shapecheck --help'\n")
    }
    return .usage
  }

  static func toolHelp() -> String {
    var text = """
      OVERVIEW: Check the tensor shapes of PyTorch-style model files before running them.

      USAGE: shapecheck <command> [options]

      COMMANDS:

      """
    let width = commands.map(\.name.count).max() ?? 0
    for spec in commands {
      text += "  \(spec.name.padding(toLength: width + 2, withPad: " ", startingAt: 0))\(spec.abstract)\n"
    }
    text += """

      OPTIONS:
        --version   Print the version and exit.
        -h, --help  Print this help and exit.

      EXIT STATUS:
      \(indented(ExitStatus.helpText))

      See 'shapecheck <command> --help' for a command's options.

      """
    return text
  }

  static func commandHelp(_ spec: CommandSpec) -> String {
    var text = "OVERVIEW: \(spec.abstract)\n\nUSAGE: \(spec.usage)\n"
    if !spec.arguments.isEmpty {
      text += "\nARGUMENTS:\n"
      for argument in spec.arguments {
        text += "  \(argument.name)\n        \(argument.help)\n"
      }
    }
    text += "\nOPTIONS:\n"
    for option in spec.options {
      let head = option.valueName.map { "\(option.name) \($0)" } ?? option.name
      text += "  \(head)\n        \(option.help)\n"
    }
    text += "  -h, --help\n        Print this help and exit.\n"
    text += "\nEXIT STATUS:\n\(indented(ExitStatus.helpText))\n"
    return text
  }

  private static func indented(_ text: String) -> String {
    text.split(separator: "\n").map { "  \($0)" }.joined(separator: "\n")
  }
}

/// Writes to the standard streams without buffering surprises between them.
enum Output {
  static func standardOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  static func standardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  static func isTerminal(_ descriptor: Int32) -> Bool {
    isatty(descriptor) == 1
  }

  /// Returns the text style for a stream under `--color auto|always|never`.
  static func style(for descriptor: Int32, choice: String?) throws(UsageError) -> TextStyle {
    switch choice ?? "auto" {
    case "always": return .ansi
    case "never": return .plain
    case "auto":
      return .automatic(isTerminal: isTerminal(descriptor), environment: ProcessInfo.processInfo.environment)
    case let other:
      throw UsageError(message: "invalid value '\(other)' for '--color'; use auto, always or never", command: nil)
    }
  }
}
