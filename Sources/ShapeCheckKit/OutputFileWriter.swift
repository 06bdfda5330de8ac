import Foundation

/// Writes generated output files (diagrams, build stamps) so that a reader sees the old contents
/// or the new, never a partly written file, because the bytes go to a temporary file in the same
/// folder that is then renamed. Model files that the user owns are rewritten by
/// `AtomicFileWriter` instead, which keeps their permissions.
public enum OutputFileWriter {
  /// A failure to create, write or rename the file, with the path and the system's reason.
  public struct WriteError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "cannot write '\(path)': \(reason)" }
  }

  /// Writes `text` as UTF-8 to `path`, replacing any existing file.
  public static func write(_ text: String, to path: String) throws(WriteError) {
    let target = URL(fileURLWithPath: path)
    let folder = target.deletingLastPathComponent()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw WriteError(path: path, reason: "the folder '\(folder.path)' does not exist")
    }
    let temporary = folder.appendingPathComponent(
      ".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
      try Data(text.utf8).write(to: temporary)
    } catch {
      throw WriteError(path: path, reason: error.localizedDescription)
    }
    guard rename(temporary.path, target.path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw WriteError(path: path, reason: reason)
    }
  }
}
