import Foundation

/// Reads whole input files with a size limit, reporting failures as `InputError`.
public enum FileReader {
  /// Reads the file at `path`, refusing one larger than `limit` bytes before reading it.
  public static func read(_ path: String, limit: Int) throws(InputError) -> [UInt8] {
    var information = stat()
    guard stat(path, &information) == 0 else {
      // Only a missing file or folder is "no such file". A link loop (ELOOP) or a folder
      // without search permission (EACCES) is reported with its own reason.
      let code = errno
      if code == ENOENT || code == ENOTDIR { throw .notFound(path: path) }
      let reason = String(cString: strerror(code))
      throw .unreadable(path: path, reason: reason.prefix(1).lowercased() + reason.dropFirst())
    }
    let type = information.st_mode & S_IFMT
    guard type != S_IFDIR else { throw .isDirectory(path: path) }
    // Opening a FIFO or a device could block or never end, so only regular files are read.
    guard type == S_IFREG else {
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
}
