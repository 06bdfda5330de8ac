import Foundation
import ShapeData
import Testing

/// Loads the repository's MNIST-style fixtures/digits folder, found from this file's path.
@Suite struct DatasetLoaderFixtureTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("fixtures/digits").path

  /// Returns the CRC-32 of each image's pixels, keyed by relative path.
  static func expectedChecksums() throws -> [String: String] {
    let text = try String(contentsOfFile: root + "/expected_crc32.csv", encoding: .utf8)
    var checksums: [String: String] = [:]
    for line in text.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: ",")
      checksums[String(fields[0])] = String(fields[1])
    }
    return checksums
  }

  @Test func splitClassLayoutWithLabelsFile() throws {
    let dataset = try DatasetLoader.load(path: Self.root)
    #expect(dataset.items.count == 40)
    #expect(dataset.classNames == ["0", "1"])

    let relative = dataset.items.map { String($0.source.dropFirst(Self.root.count + 1)) }
    #expect(relative == relative.sorted())
    #expect(relative.first == "train/3/1500.png")
    for (path, item) in zip(relative, dataset.items) {
      #expect(item.label == (path.contains("/3/") ? "0" : "1"), "\(path)")
    }

    let checksums = try Self.expectedChecksums()
    for (path, item) in zip(relative, dataset.items) {
      let crc = String(format: "%08x", CRC32.checksum(item.image.pixels))
      #expect(crc == checksums[path], "\(path)")
    }
  }

  @Test func classFoldersWithoutLabelsFile() throws {
    let dataset = try DatasetLoader.load(path: Self.root + "/valid", limit: 15)
    #expect(dataset.items.count == 15)
    #expect(
      dataset.items.map(\.label) == Array(repeating: "3", count: 10)
        + Array(repeating: "7", count: 5))
    #expect(dataset.classNames == ["3", "7"])
  }
}
