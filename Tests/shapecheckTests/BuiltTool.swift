import Foundation

/// Runs the `shapecheck` executable that SwiftPM built next to the test bundle.
///
/// On Linux the test binary is `<build>/debug/<package>PackageTests.xctest`, a plain executable,
/// so `CommandLine.arguments[0]` sits beside `shapecheck`. On macOS the tests run inside
/// `xctest` or `swiftpm-testing-helper` with the `.xctest` bundle loaded, and `shapecheck` sits
/// beside that bundle. Both places are tried.
enum BuiltTool {
  /// The output of one run.
  struct Result {
    var status: Int32
    var standardOutput: String
    var standardError: String
  }

  /// The executable, or nil when no candidate folder contains it.
  static let executable: URL? = {
    var folders = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
      folders.append(bundle.bundleURL.deletingLastPathComponent())
    }
    folders.append(Bundle.main.bundleURL)
    folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
    return folders.map { $0.appendingPathComponent("shapecheck") }.first {
      FileManager.default.isExecutableFile(atPath: $0.path)
    }
  }()

  /// The repository root, found from this file's location.
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Runs the tool with `arguments` in `folder` (the repository root by default).
  static func run(_ arguments: [String], in folder: String? = nil) throws -> Result {
    guard let executable else { throw LookupError() }
    let outputURL = FileManager.default.temporaryDirectory
      .appendingPathComponent("shapecheck-out-\(UUID().uuidString)")
    let errorURL = outputURL.appendingPathExtension("err")
    _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
    defer {
      try? FileManager.default.removeItem(at: outputURL)
      try? FileManager.default.removeItem(at: errorURL)
    }
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder ?? repositoryRoot.path)
    // Files rather than pipes, so a large output cannot fill a pipe buffer and block the tool.
    process.standardOutput = try FileHandle(forWritingTo: outputURL)
    process.standardError = try FileHandle(forWritingTo: errorURL)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus,
      standardOutput: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
      standardError: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
  }

  struct LookupError: Error, CustomStringConvertible {
    var description: String {
      "the shapecheck executable was not found beside \(CommandLine.arguments[0])"
        + " or the test bundle"
    }
  }
}
