import Foundation
import Testing

/// A temporary folder for data set loader tests, removed by `remove()`.
struct DatasetTestFolder {
  let path: String

  init() throws {
    let base = FileManager.default.temporaryDirectory.path
    path = base + "/shapecheck-dataset-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// Writes `bytes` at `relativePath`, creating the folders on the way.
  @discardableResult
  func write(_ relativePath: String, _ bytes: [UInt8]) throws -> String {
    let full = path + "/" + relativePath
    let folder = (full as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: full))
    return full
  }

  /// Writes a copy of an input file at `relativePath`.
  @discardableResult
  func copyInput(_ input: String, to relativePath: String) throws -> String {
    try write(relativePath, try inputBytes(input))
  }

  /// Creates an empty folder at `relativePath`.
  func makeFolder(_ relativePath: String) throws {
    try FileManager.default.createDirectory(
      atPath: path + "/" + relativePath, withIntermediateDirectories: true)
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}

/// The pixels of the `datasets/gray-a.png` and `datasets/gray-b.png` inputs, 3 × 2 each.
enum DatasetTestImages {
  static let grayA: [UInt8] = [0, 50, 100, 150, 200, 250]
  static let grayB: [UInt8] = [255, 0, 255, 0, 255, 0]
}
