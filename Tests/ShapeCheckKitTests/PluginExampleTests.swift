import Foundation
import Testing

/// Builds fixtures/PluginExample with `swift build`, which applies the ShapeCheckPlugin: once
/// with a broken model, which must fail with the diagnostic, and once fixed, which must pass.
///
/// The example is copied to a temporary folder and built with its own scratch and cache
/// folders, so the repository's `.build` is never touched. Building it compiles shapecheck
/// again; on a 2-core Linux machine the first build took about 30 seconds.
@Suite(.serialized) struct PluginExampleTests {
  static let brokenLayer = "nn.Linear(in_features=32, out_features=10)"
  static let fixedLayer = "nn.Linear(in_features=64, out_features=10)"

  @Test(.timeLimit(.minutes(20))) func pluginFailsThenPassesBuild() throws {
    let folder = try PluginExample.copy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let model = folder.appendingPathComponent("Sources/DigitModel/digits.nn")
    let original = try String(contentsOf: model, encoding: .utf8)
    try #require(original.contains(Self.fixedLayer))

    try Data(original.replacingOccurrences(of: Self.fixedLayer, with: Self.brokenLayer).utf8)
      .write(to: model)
    let broken = try PluginExample.build(folder)
    #expect(!broken.timedOut, "swift build timed out:\n\(broken.output)")
    #expect(broken.status != 0, "the broken model built:\n\(broken.output)")
    #expect(
      broken.output.contains("digits.nn:9:27: error: 'model.2.in_features' is 32"),
      "\(broken.output)")
    #expect(broken.output.contains("[shape.feature-mismatch]"), "\(broken.output)")

    try Data(original.utf8).write(to: model)
    let fixed = try PluginExample.build(folder)
    #expect(!fixed.timedOut, "swift build timed out:\n\(fixed.output)")
    #expect(fixed.status == 0, "the fixed model failed:\n\(fixed.output)")
    #expect(fixed.output.contains("Checking tensor shapes of 1 model file(s) in DigitModel"))
  }
}

/// Copies and builds the plugin example package.
enum PluginExample {
  /// The maximum time in seconds that one `swift build` of the example may take.
  static let timeout: TimeInterval = 900

  /// The outcome of one `swift build`: exit status, combined output, and whether it was
  /// stopped at the timeout.
  struct BuildResult {
    var status: Int32
    var output: String
    var timedOut: Bool
  }

  /// Copies the example to a new temporary folder and points its path dependency at this
  /// repository.
  static func copy() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("shapecheck-plugin-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for item in ["Package.swift", "Sources"] {
      try FileManager.default.copyItem(
        at: Repository.root.appendingPathComponent("fixtures/PluginExample/\(item)"),
        to: folder.appendingPathComponent(item))
    }
    let manifest = folder.appendingPathComponent("Package.swift")
    let text = try String(contentsOf: manifest, encoding: .utf8)
    let pointed = text.replacingOccurrences(
      of: "path: \"../..\"", with: "path: \"\(Repository.root.path)\"")
    try #require(pointed != text, "the example's manifest has no path: \"../..\" dependency")
    try Data(pointed.utf8).write(to: manifest)
    return folder
  }

  /// Runs `swift build` in `folder` with scratch and cache folders inside it.
  static func build(_ folder: URL) throws -> BuildResult {
    let log = folder.appendingPathComponent("build.log")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    let handle = try FileHandle(forWritingTo: log)
    defer { try? handle.close() }

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "swift", "build", "--package-path", folder.path,
      "--scratch-path", folder.appendingPathComponent(".build").path,
      "--cache-path", folder.appendingPathComponent(".cache").path,
    ]
    process.standardOutput = handle
    process.standardError = handle
    try process.run()

    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning, Date() < deadline {
      Thread.sleep(forTimeInterval: 0.2)
    }
    let timedOut = process.isRunning
    if timedOut { process.terminate() }
    process.waitUntilExit()
    let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    return BuildResult(status: process.terminationStatus, output: output, timedOut: timedOut)
  }
}
