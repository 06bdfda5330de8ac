import Foundation
import ShapeData
import Testing

/// The repository's fixtures/digits folder, found from this file's path.
private let digitsFolder = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("fixtures/digits")

/// Returns the rows after the header of a two-column CSV file in fixtures/digits.
private func csvRows(_ name: String) throws -> [(String, String)] {
  let text = try String(contentsOf: digitsFolder.appendingPathComponent(name), encoding: .utf8)
  return text.split(separator: "\n").dropFirst().map { line in
    let fields = line.split(separator: ",", maxSplits: 1)
    return (String(fields[0]), fields.count > 1 ? String(fields[1]) : "")
  }
}

@Suite struct DigitFixtureTests {
  @Test func everyFixtureDecodesToTheSourcePixels() throws {
    let expected = try csvRows("expected_crc32.csv")
    #expect(expected.count == 40)
    for (name, crc) in expected {
      let bytes = try Data(contentsOf: digitsFolder.appendingPathComponent(name))
      let image = try PNGDecoder.decodeGrayscale([UInt8](bytes))
      #expect(image.width == 28, "\(name)")
      #expect(image.height == 28, "\(name)")
      #expect(String(format: "%08x", CRC32.checksum(image.pixels)) == crc, "\(name)")
    }
  }

  @Test func labelsMatchFolders() throws {
    let labels = try csvRows("labels.csv")
    #expect(labels.count == 40)
    for (name, label) in labels {
      let digit = name.split(separator: "/")[1]
      #expect(label == (digit == "3" ? "0" : "1"), "\(name)")
    }
    #expect(Set(labels.map(\.0)) == Set(try csvRows("expected_crc32.csv").map(\.0)))
  }
}
