import Foundation
import Testing

@testable import shapecheck

/// Option checks of `summary` and `graph`, and the stamp file of `check --stamp`.
@Suite struct IntegrationCommandTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  @Test(arguments: ["0", "-3", "abc", "1.5", "2000000000"])
  func invalidBatchSizeIsRejected(_ text: String) {
    #expect(throws: UsageError.self) { try SummaryCommand.batchSize(text) }
  }

  @Test func batchSizeDefaultsToOne() throws {
    #expect(try SummaryCommand.batchSize(nil) == 1)
    #expect(try SummaryCommand.batchSize("64") == 64)
  }

  @Test func unknownDTypeIsRejected() {
    #expect(throws: UsageError.self) { try SummaryCommand.elementType("float8") }
  }

  @Test(arguments: [[String](), ["--format", "png"]])
  func graphNeedsValidFormat(_ options: [String]) throws {
    let model = Self.root.appendingPathComponent("fixtures/simple_net.nn").path
    let parsed = try ArgumentParser.parse([model] + options, spec: GraphCommand.spec)
    #expect(throws: UsageError.self) { try GraphCommand.run(parsed) }
  }

  @Test func stampIsWrittenOnlyOnSuccess() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("shapecheck-stamp-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let stamp = folder.appendingPathComponent("Stamp.swift").path
    let valid = Self.root.appendingPathComponent("fixtures/simple_net.nn").path
    let broken = Self.root.appendingPathComponent("fixtures/broken/feature_mismatch.nn").path

    let passing = try ArgumentParser.parse(
      [valid, "--stamp", stamp, "--color", "never"], spec: CheckCommand.spec)
    #expect(try CheckCommand.run(passing) == .success)
    #expect(FileManager.default.fileExists(atPath: stamp))

    let failing = try ArgumentParser.parse(
      [broken, "--stamp", stamp, "--color", "never"], spec: CheckCommand.spec)
    #expect(try CheckCommand.run(failing) == .findings)
    #expect(!FileManager.default.fileExists(atPath: stamp))
  }
}
