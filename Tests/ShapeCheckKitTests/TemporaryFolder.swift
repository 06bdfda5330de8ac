import Foundation

/// A fresh folder under the system's temporary folder, removed by `remove()`.
struct TemporaryFolder {
  let path: String

  init() throws {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("shapecheck-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    path = url.standardizedFileURL.path
  }

  /// Writes `text` to the relative path `name`, creating folders as needed.
  func write(_ name: String, _ text: String) throws {
    let url = URL(fileURLWithPath: path).appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  /// The absolute path of the relative path `name`.
  func path(_ name: String) -> String {
    URL(fileURLWithPath: path).appendingPathComponent(name).path
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}

/// Small models for tests that build their own folder trees.
enum Models {
  static let valid = "x: Tensor[784]\nlinear = nn.Linear(784, 30)\ny = linear(x)\n"
  static let mismatch = "x: Tensor[784]\nlinear = nn.Linear(20, 30)\ny = linear(x)\n"
  static let warning =
    "x: Tensor[784]\nlinear = nn.Linear(784, 30)\ny = linear(x)\nassert y.shape == [30]\n"
}
