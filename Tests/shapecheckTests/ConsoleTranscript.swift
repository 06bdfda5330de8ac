import Foundation
import Testing

/// A `$ command` line of a Markdown ```` ```console ```` block with the output shown under it.
struct ConsoleCommand: CustomTestStringConvertible, Sendable {
  /// The 1-based line of the command in the Markdown file.
  var line: Int
  var arguments: [String]
  /// The lines after the command up to the next command or the end of the block, each
  /// followed by a newline.
  var expectedOutput: String

  var testDescription: String { "line \(line): $ \(arguments.joined(separator: " "))" }
}

/// Reads the commands of Markdown documents and runs them as a person following the document
/// would, through the built `shapecheck` binary.
enum ConsoleTranscript {
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Returns the commands of every ```` ```console ```` block of the Markdown file at `relative`.
  static func commands(inDocument relative: String) -> [ConsoleCommand] {
    let url = repositoryRoot.appendingPathComponent(relative)
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
    return commands(inMarkdown: text)
  }

  static func commands(inMarkdown text: String) -> [ConsoleCommand] {
    var commands: [ConsoleCommand] = []
    var isInConsoleBlock = false
    for (index, line) in text.components(separatedBy: "\n").enumerated() {
      if line.hasPrefix("```") {
        isInConsoleBlock = !isInConsoleBlock && line == "```console"
        continue
      }
      guard isInConsoleBlock else { continue }
      if line.hasPrefix("$ ") {
        let words = line.dropFirst(2).split(separator: " ").map(String.init)
        commands.append(ConsoleCommand(line: index + 1, arguments: words, expectedOutput: ""))
      } else if !commands.isEmpty {
        commands[commands.count - 1].expectedOutput += line + "\n"
      }
    }
    return commands
  }

  /// Finds the `shapecheck` executable that SwiftPM built next to the test bundle.
  static func executable() -> URL? {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("shapecheck")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    return nil
  }

  /// Creates a folder that shows the repository's top-level entries through symbolic links, so
  /// that commands see the repository's paths while the files they create stay out of it.
  static func workspace() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("shapecheck-transcript-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    let entries = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.path)
    for entry in entries where !entry.hasPrefix(".") {
      try FileManager.default.createSymbolicLink(
        at: url.appendingPathComponent(entry),
        withDestinationURL: repositoryRoot.appendingPathComponent(entry))
    }
    return url
  }

  /// Runs one command in `folder` and returns its standard output and standard error as the
  /// terminal would show them, interleaved in the order written.
  static func run(_ command: ConsoleCommand, in folder: URL, executable: URL) throws -> String {
    guard let program = command.arguments.first else { return "" }
    switch program {
    case "shapecheck":
      return try runProcess(executable, Array(command.arguments.dropFirst()), in: folder).output
    case "cp":
      guard command.arguments.count == 3 else { return "cp needs a source and a target\n" }
      try FileManager.default.copyItem(
        at: folder.appendingPathComponent(command.arguments[1]),
        to: folder.appendingPathComponent(command.arguments[2]))
      return ""
    default:
      return "the transcript test cannot run '\(program)'\n"
    }
  }

  /// Runs the executable and returns its interleaved output and its exit status.
  static func runProcess(_ executable: URL, _ arguments: [String], in folder: URL) throws
    -> (output: String, status: Int32)
  {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = folder
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: data, as: UTF8.self), process.terminationStatus)
  }
}
