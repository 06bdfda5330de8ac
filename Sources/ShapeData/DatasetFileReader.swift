import Foundation

/// Reads whole files and inspects paths with POSIX calls, so errors keep their `errno`.
enum DatasetFileReader {
  /// The kind of file system entry at a path.
  enum Kind: Equatable {
    case missing
    /// An entry that `stat` cannot reach for another reason than absence, such as a symbolic
    /// link loop (ELOOP) or a folder without search permission (EACCES).
    case inaccessible(errno: Int32)
    case directory
    case file
    /// A device, FIFO or socket, which reading could block on or never finish.
    case special
  }

  /// Returns what exists at `path`, following symbolic links.
  static func kind(of path: String) -> Kind {
    var info = stat()
    guard stat(path, &info) == 0 else {
      let code = errno
      return code == ENOENT || code == ENOTDIR ? .missing : .inaccessible(errno: code)
    }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: return .directory
    case S_IFREG: return .file
    default: return .special
    }
  }

  /// Reads the whole file, rejecting files larger than `limit` bytes before reading them.
  static func readFile(_ path: String, limit: Int) throws(DatasetError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw openError(path) }
    defer { close(descriptor) }

    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw .unreadable(path: path, errno: errno) }
    guard (info.st_mode & S_IFMT) != S_IFDIR else { throw .unreadable(path: path, errno: EISDIR) }
    let size = Int(info.st_size)
    guard size <= limit else { throw .fileTooLarge(path: path, byteCount: size, limit: limit) }

    // Read until end of file rather than trusting st_size, which is 0 for some special files;
    // the limit still applies to what is read.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(size)
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .unreadable(path: path, errno: errno)
      }
      if count == 0 { return bytes }
      guard bytes.count + count <= limit else {
        throw .fileTooLarge(path: path, byteCount: bytes.count + count, limit: limit)
      }
      bytes.append(contentsOf: chunk[0..<count])
    }
  }

  private static func openError(_ path: String) -> DatasetError {
    let code = errno
    return code == ENOENT ? .notFound(path: path) : .unreadable(path: path, errno: code)
  }

  /// Returns the folder's entry names without hidden ones, sorted by their UTF-8 bytes.
  static func listFolder(_ path: String) throws(DatasetError) -> [String] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: path)
    } catch {
      throw .folderUnreadable(path: path)
    }
    return names.filter { !$0.hasPrefix(".") }.sorted {
      Array($0.utf8).lexicographicallyPrecedes($1.utf8)
    }
  }

  /// Joins a folder path and an entry name with one `/`.
  static func join(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }
}
