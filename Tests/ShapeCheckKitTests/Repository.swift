import Foundation

/// Paths inside the repository, found from this file's location so that tests run from any
/// working directory.
enum Repository {
  static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The absolute path of a repository-relative path.
  static func path(_ relative: String) -> String {
    root.appendingPathComponent(relative).path
  }

  /// The `.nn` files directly inside a fixtures folder, as repository-relative paths, sorted.
  static func models(in folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path(folder))) ?? []
    return names.filter { $0.hasSuffix(".nn") }.sorted().map { "\(folder)/\($0)" }
  }

  static func bytes(_ relative: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: root.appendingPathComponent(relative)))
  }
}

/// Compares `actual` with the golden file at `relative`; with `UPDATE_GOLDEN=1` in the
/// environment, rewrites the golden file instead and reports that it did.
func goldenMismatch(_ actual: String, golden relative: String) -> String? {
  let url = Repository.root.appendingPathComponent(relative)
  if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
    try? Data(actual.utf8).write(to: url, options: .atomic)
    return "rewrote \(relative); rerun without UPDATE_GOLDEN"
  }
  guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
    return "missing golden file \(relative); run with UPDATE_GOLDEN=1 to create it"
  }
  return expected == actual ? nil : "output differs from \(relative):\n\(actual)"
}

/// A model file written to a fresh temporary folder, removed when the value is released.
final class TemporaryModel {
  let folder: URL
  let path: String

  init(_ text: String, name: String = "model.nn") throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("shapecheck-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    path = folder.appendingPathComponent(name).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }

  deinit {
    try? FileManager.default.removeItem(at: folder)
  }
}
