import Foundation
import Testing

/// Every malformed data or weights file ends `run` with one error line naming the file and
/// exit status 66, never a crash.
@Suite struct MalformedInputTests {
  static let cases: [(name: String, bytes: [UInt8])] = [
    ("truncated.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48]),
    ("not-a-png.png", Array("this is text, not an image".utf8)),
    ("bad-crc.csv.gz", [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0, 0xFF, 0x03, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0]),
    ("lying-images-idx3-ubyte", [0, 0, 0x08, 3, 0, 0, 0, 9, 0, 0, 0, 28, 0, 0, 0, 28, 1, 2, 3]),
    ("short-row.csv", Array("label,p1,p2\n3,0,0\n".utf8)),
  ]

  @Test(arguments: cases.map(\.name))
  func malformedDataEndsWithStatus66(name: String) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("malformed-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let bytes = try #require(Self.cases.first { $0.name == name }?.bytes)
    let path = folder.appendingPathComponent(name).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))

    let result = try BuiltTool.run(["run", "fixtures/simple_net.nn", "--input", path])
    #expect(result.status == 66, "\(result.standardError)")
    let lines = result.standardError.split(separator: "\n")
    #expect(lines.count == 1, "\(result.standardError)")
    #expect(result.standardError.hasPrefix("error: \(path)"), "\(result.standardError)")
  }

  @Test func malformedWeightsEndWithStatus66() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("weights-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("huge-header.safetensors").path
    // A header length of 2^64 - 1.
    try Data([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7B, 0x7D]).write(to: URL(fileURLWithPath: path))

    let result = try BuiltTool.run([
      "run", "fixtures/simple_net.nn", "--input", "fixtures/digits/train/3/1500.png", "--weights", path,
    ])
    #expect(result.status == 66)
    #expect(result.standardError.contains(path))
    #expect(result.standardError.split(separator: "\n").count == 1)
  }
}
