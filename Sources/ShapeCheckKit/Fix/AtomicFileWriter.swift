import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failure to replace a file; the original is left as it was.
public struct FileWriteError: Error, CustomStringConvertible, Equatable {
  public var path: String
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { "\(path): cannot be rewritten: \(reason)" }
}

/// Replaces a file's contents atomically: the new bytes go to a temporary file in the same
/// folder, which is flushed to disk, given the original's permissions and owner, and renamed
/// over the original. On any failure the temporary file is removed and the original is
/// unchanged.
public struct AtomicFileWriter: Sendable {
  /// Runs between writing the temporary file and renaming it, with the temporary file's path;
  /// a thrown error aborts the replacement. Tests use it to simulate an interruption.
  public var beforeRename: (@Sendable (String) throws -> Void)?

  public init(beforeRename: (@Sendable (String) throws -> Void)? = nil) {
    self.beforeRename = beforeRename
  }

  /// Replaces the file at `path`, following a symbolic link to the file it names.
  public func replaceContents(of path: String, with bytes: [UInt8]) throws(FileWriteError) {
    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    var original = stat()
    guard stat(target, &original) == 0 else { throw failure(path, "cannot read its attributes") }
    guard (original.st_mode & S_IFMT) == S_IFREG else {
      throw failure(path, "it is not a regular file")
    }
    // The superuser passes `access` for any file, so a file without write permission bits
    // counts as read-only as well.
    guard access(target, W_OK) == 0, original.st_mode & 0o222 != 0 else {
      throw failure(path, "it is read-only")
    }
    // Renaming a new file over the original would detach it from its other hard links.
    guard original.st_nlink <= 1 else {
      throw failure(path, "it has other hard links, which a replacement would detach")
    }
    let (temporary, descriptor) = try createTemporaryFile(next: target, reportedAs: path)
    var isOpen = true
    do throws(FileWriteError) {
      try writeAll(bytes, to: descriptor, path: path)
      guard fchmod(descriptor, original.st_mode & 0o7777) == 0 else {
        throw failure(path, "cannot copy its permissions")
      }
      // Keeping the owner needs privileges; a file that the user owns keeps its owner anyway.
      _ = fchown(descriptor, original.st_uid, original.st_gid)
      guard fsync(descriptor) == 0 else { throw failure(path, "cannot flush the new contents") }
      isOpen = false
      guard close(descriptor) == 0 else { throw failure(path, "cannot close the temporary file") }
    } catch {
      if isOpen { close(descriptor) }
      unlink(temporary)
      throw error
    }
    do {
      try beforeRename?(temporary)
    } catch {
      unlink(temporary)
      throw failure(path, "the replacement was interrupted: \(error)")
    }
    guard rename(temporary, target) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw failure(path, reason)
    }
    syncFolder(of: target)
  }

  /// Creates a new file next to `target` with a unique name, failing rather than reusing an
  /// existing file.
  private func createTemporaryFile(next target: String, reportedAs path: String)
    throws(FileWriteError) -> (String, Int32)
  {
    let url = URL(fileURLWithPath: target)
    let folder = url.deletingLastPathComponent().path
    for _ in 0..<16 {
      let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
      let temporary = "\(folder)/.\(url.lastPathComponent).shapecheck-\(suffix).tmp"
      let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
      if descriptor >= 0 { return (temporary, descriptor) }
      guard errno == EEXIST else {
        throw failure(
          path, "cannot create a temporary file in \(folder): \(String(cString: strerror(errno)))")
      }
    }
    throw failure(path, "cannot find a free temporary file name in \(folder)")
  }

  private func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(FileWriteError)
  {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { buffer in
        write(descriptor, buffer.baseAddress, buffer.count)
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw failure(path, "cannot write the new contents: \(String(cString: strerror(errno)))")
      }
      offset += written
    }
  }

  /// Flushes the folder entry of the renamed file; a failure only weakens durability after a
  /// crash, so it is ignored.
  private func syncFolder(of target: String) {
    let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
    let descriptor = open(folder, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    _ = fsync(descriptor)
    close(descriptor)
  }

  private func failure(_ path: String, _ reason: String) -> FileWriteError {
    FileWriteError(path: path, reason: reason)
  }
}
