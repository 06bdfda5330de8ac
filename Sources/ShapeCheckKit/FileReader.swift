import Foundation

/// Reads whole input files with a size limit, reporting failures as `InputError`.
public enum FileReader {
  /// Reads the file at `path`, refusing one larger than `limit` bytes before reading it.
  public static func read(_ path: String, limit: Int) throws(InputError) -> [UInt8] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .notFound(path: path)
    }
    guard !isDirectory.boolValue else { throw .isDirectory(path: path) }
    // Opening a FIFO or a device could block or never end, so only regular files are read.
    guard isRegularFile(path) else {
      throw .unreadable(path: path, reason: "not a regular file")
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .unreadable(path: path, reason: "permission denied or not a regular file")
    }
    defer { try? handle.close() }
    do {
      let size = try handle.seekToEnd()
      guard size <= UInt64(limit) else { throw InputError.tooLarge(path: path, size: Int(clamping: size), limit: limit) }
      try handle.seek(toOffset: 0)
      let data = try handle.readToEnd() ?? Data()
      guard data.count <= limit else { throw InputError.tooLarge(path: path, size: data.count, limit: limit) }
      return [UInt8](data)
    } catch let error as InputError {
      throw error
    } catch {
      throw .unreadable(path: path, reason: error.localizedDescription)
    }
  }

  private static func isRegularFile(_ path: String) -> Bool {
    var information = stat()
    guard stat(path, &information) == 0 else { return false }
    return (information.st_mode & S_IFMT) == S_IFREG
  }
}
