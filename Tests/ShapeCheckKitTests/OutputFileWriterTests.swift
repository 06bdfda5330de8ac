import Foundation
import Testing

@testable import ShapeCheckKit

@Suite struct OutputFileWriterTests {
  static func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("shapecheck-atomic-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func writeReplacesWithoutLeftovers() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("out.svg").path

    try OutputFileWriter.write("first", to: path)
    try OutputFileWriter.write("second", to: path)

    #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(names == ["out.svg"])
  }

  @Test func missingFolderThrowsWithPath() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("absent/out.svg").path

    #expect {
      try OutputFileWriter.write("text", to: path)
    } throws: { error in
      "\(error)".contains(path)
    }
  }
}
