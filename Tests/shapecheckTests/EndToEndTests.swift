import Foundation
import ShapeCheckKit
import Testing

/// The built `shapecheck` executable: formats, many files, exit statuses and configuration.
@Suite struct EndToEndTests {
  static let model = "fixtures/broken/feature_mismatch.nn"

  @Test func executableIsFound() {
    #expect(BuiltTool.executable != nil, "\(BuiltTool.LookupError())")
  }

  @Test func helpAfterDoubleDashIsAPath() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shapecheck-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let model = try Data(contentsOf: BuiltTool.repositoryRoot.appendingPathComponent(Self.model))
    try model.write(to: folder.appendingPathComponent("--help"))
    let result = try BuiltTool.run(["check", "--", "--help"], in: folder.path)
    #expect(result.status == 1)
    #expect(result.standardOutput.hasPrefix("--help:9:34: error: "))
  }

  @Test func jsonOutputParses() throws {
    let result = try BuiltTool.run(["check", Self.model, "--format", "json"])
    #expect(result.status == 1)
    let document = try JSONValue.parse(Array(result.standardOutput.utf8))
    guard case .object(let members) = document else {
      Issue.record("not an object: \(result.standardOutput)")
      return
    }
    #expect(members["version"] == .int(1))
    #expect(members["exitStatus"] == .int(1))
    #expect(result.standardError == "1 file checked: 1 error, 0 warnings\n")
  }

  @Test func sarifOutputParses() throws {
    let result = try BuiltTool.run(["check", Self.model, "--format", "sarif"])
    #expect(result.status == 1)
    let document = try JSONValue.parse(Array(result.standardOutput.utf8))
    guard case .object(let members) = document else {
      Issue.record("not an object")
      return
    }
    #expect(members["version"] == .string("2.1.0"))
    #expect(result.standardOutput.contains("\"ruleId\" : \"shape.feature-mismatch\""))
    #expect(result.standardOutput.contains("\"version\" : \"\(try Self.toolVersion())\""))
  }

  @Test func githubOutputHasOneCommandPerDiagnostic() throws {
    let result = try BuiltTool.run(["check", Self.model, "--format", "github"])
    #expect(result.status == 1)
    let lines = result.standardOutput.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(
      lines.first?.hasPrefix("::error file=fixtures/broken/feature_mismatch.nn,line=9,col=34,")
        == true)
  }

  @Test func textOutputMatchesGolden() throws {
    let result = try BuiltTool.run(["check", Self.model])
    let golden = try String(
      contentsOf: BuiltTool.repositoryRoot.appendingPathComponent(
        "fixtures/broken/feature_mismatch.expected"),
      encoding: .utf8)
    #expect(result.standardOutput == golden)
  }

  @Test func shapesJSONParses() throws {
    let result = try BuiltTool.run(["shapes", "fixtures/simple_net.nn", "--format", "json"])
    #expect(result.status == 0)
    let document = try JSONValue.parse(Array(result.standardOutput.utf8))
    guard case .object(let members) = document else {
      Issue.record("not an object")
      return
    }
    #expect(members["totalParameters"] == .int(23581))
  }

  @Test(arguments: [
    ["check", model, "--format", "xml"],
    ["check", model, "--disable", "no.such-code"],
    ["check", model, "--warnings-as-errors", "--no-warnings-as-errors"],
    ["shapes", "fixtures/simple_net.nn", "--format", "sarif"],
  ])
  func invalidOptionIsUsageError(_ arguments: [String]) throws {
    let result = try BuiltTool.run(arguments)
    #expect(result.status == 64)
    #expect(result.standardError.hasPrefix("error: "))
  }

  @Test func helpStatesExitPrecedence() throws {
    let result = try BuiltTool.run(["check", "--help"])
    #expect(result.status == 0)
    #expect(result.standardOutput.contains("'check' exits 1 instead when other files have errors"))
    #expect(result.standardOutput.contains("--format <format>"))
  }

  @Test func folderTreeIsReportedInPathOrder() throws {
    let folder = try Self.makeTree([
      "b/second.nn": Self.mismatch, "a/first.nn": Self.mismatch, "a/ok.nn": Self.valid,
      "c/skip.nn": Self.mismatch, "notes.txt": "",
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let result = try BuiltTool.run(["check", "tree", "--exclude", "c", "--no-config"], in: folder)
    #expect(result.status == 1)
    let headers = result.standardOutput.split(separator: "\n").filter { $0.contains(": error: ") }
    #expect(
      headers.map { String($0.prefix { $0 != ":" }) } == ["tree/a/first.nn", "tree/b/second.nn"])
    #expect(result.standardError == "3 files checked: 2 errors, 0 warnings in 2 files\n")
  }

  @Test func missingFileGivesStatus66UnlessErrors() throws {
    let folder = try Self.makeTree(["tree/ok.nn": Self.valid, "tree/bad.nn": Self.mismatch])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let clean = try BuiltTool.run(
      ["check", "tree/ok.nn", "tree/missing.nn", "--no-config"], in: folder)
    #expect(clean.status == 66)
    #expect(clean.standardError.contains("error: tree/missing.nn: no such file\n"))
    let dirty = try BuiltTool.run(
      ["check", "tree/missing.nn", "tree/bad.nn", "--no-config"], in: folder)
    #expect(dirty.status == 1)
    #expect(dirty.standardError.contains("error: tree/missing.nn: no such file\n"))
  }

  @Test func configurationIsFoundAndOverridden() throws {
    let folder = try Self.makeTree([
      "tree/.shapecheck.json": #"{"format": "github", "warningsAsErrors": true}"#,
      "tree/sub/w.nn": Self.warning,
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let configured = try BuiltTool.run(["check", "tree/sub"], in: folder)
    #expect(configured.status == 1)
    #expect(configured.standardOutput.hasPrefix("::warning file=tree/sub/w.nn,"))
    let overridden = try BuiltTool.run(
      ["check", "tree/sub", "--format", "text", "--no-warnings-as-errors"], in: folder)
    #expect(overridden.status == 0)
    #expect(overridden.standardOutput.hasPrefix("tree/sub/w.nn:4:8: warning: "))
  }

  @Test func invalidConfigurationIsNamed() throws {
    let folder = try Self.makeTree([
      "tree/.shapecheck.json": #"{"format": "yaml"}"#, "tree/m.nn": Self.valid,
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let result = try BuiltTool.run(["check", "tree"], in: folder)
    #expect(result.status == 66)
    #expect(
      result.standardError.contains(
        "tree/.shapecheck.json: invalid configuration: 'format' is 'yaml'"))
  }

  @Test func symbolicLinkLoopDoesNotHang() throws {
    let folder = try Self.makeTree(["tree/a/m.nn": Self.valid])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createSymbolicLink(
      atPath: folder + "/tree/a/up", withDestinationPath: "..")
    let result = try BuiltTool.run(["check", "tree", "--no-config"], in: folder)
    #expect(result.status == 0)
    #expect(result.standardError == "1 file checked: 0 errors, 0 warnings\n")
  }

  // MARK: - Helpers

  static let valid = "x: Tensor[784]\nlinear = nn.Linear(784, 30)\ny = linear(x)\n"
  static let mismatch = "x: Tensor[784]\nlinear = nn.Linear(20, 30)\ny = linear(x)\n"
  static let warning = valid + "assert y.shape == [30]\n"

  /// A fresh temporary folder with `files` (relative path to contents); tree entries without a
  /// `tree/` prefix are put under `tree/`.
  static func makeTree(_ files: [String: String]) throws -> String {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("shapecheck-e2e-\(UUID().uuidString)")
    for (name, text) in files {
      let relative = name.hasPrefix("tree/") ? name : "tree/" + name
      let url = root.appendingPathComponent(relative)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    return root.path
  }

  /// The version string that `shapecheck --version` prints.
  static func toolVersion() throws -> String {
    let output = try BuiltTool.run(["--version"]).standardOutput
    return String(output.dropFirst("shapecheck ".count)).trimmingCharacters(
      in: .whitespacesAndNewlines)
  }
}
