import Foundation

/// Expands the paths of a `check` command line into model files: a file is taken as given,
/// and a folder is searched recursively for `*.nn` files that pass the include and exclude
/// patterns.
///
/// Symbolic links are followed, but a folder that was already entered (same device and inode)
/// is skipped, so a link loop ends the search of that branch instead of repeating it.
public struct ModelFileCollector: Sendable {
  /// When not empty, a file found in a folder is kept only if one of these matches.
  public var includes: [GlobPattern]
  /// A file or folder found in a folder is skipped if one of these matches.
  public var excludes: [GlobPattern]

  /// The file extension searched for in folders.
  public static let modelExtension = ".nn"

  public init(includes: [GlobPattern] = [], excludes: [GlobPattern] = []) {
    self.includes = includes
    self.excludes = excludes
  }

  /// Expands `paths` into model files in command-line order without repeats. Every folder that
  /// cannot be read or contains no model file adds a failure.
  public func collect(_ paths: [String]) -> (files: [String], failures: [InputFailure]) {
    var files: [String] = []
    var seen = Set<String>()
    var failures: [InputFailure] = []
    for path in paths {
      guard Self.isFolder(path) else {
        if seen.insert(path).inserted { files.append(path) }
        continue
      }
      let found = search(folder: path, failures: &failures)
      if found.isEmpty {
        failures.append(
          InputFailure(
            path: path,
            message: "\(path): the folder contains no \(Self.modelExtension) files"
              + (includes.isEmpty && excludes.isEmpty ? "" : " that pass --include and --exclude")))
      }
      for file in found where seen.insert(file).inserted {
        files.append(file)
      }
    }
    return (files, failures)
  }

  /// Searches `root` for model files, walking folders with an explicit stack so that deep
  /// trees cannot overflow the call stack; returns them sorted.
  private func search(folder root: String, failures: inout [InputFailure]) -> [String] {
    var found: [String] = []
    var visited = Set<FileIdentity>()
    var pending: [(path: String, relative: String)] = [(root, "")]
    while let (folder, relative) = pending.popLast() {
      guard let identity = FileIdentity(path: folder), visited.insert(identity).inserted else {
        continue
      }
      let names: [String]
      do {
        names = try FileManager.default.contentsOfDirectory(atPath: folder)
      } catch {
        failures.append(InputFailure(path: folder, message: "\(folder): the folder cannot be read"))
        continue
      }
      for name in names.sorted() {
        let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
        let relativePath = relative.isEmpty ? name : relative + "/" + name
        if excludes.contains(where: { $0.matches(relativePath) }) { continue }
        if Self.isFolder(path) {
          pending.append((path, relativePath))
        } else if name.hasSuffix(Self.modelExtension), passesIncludes(relativePath) {
          // Non-regular files such as FIFOs are passed on too: reading reports them.
          found.append(path)
        }
      }
    }
    return found.sorted()
  }

  private func passesIncludes(_ relativePath: String) -> Bool {
    includes.isEmpty || includes.contains { $0.matches(relativePath) }
  }

  /// Returns whether `path` is a folder, following symbolic links.
  static func isFolder(_ path: String) -> Bool {
    var information = stat()
    guard stat(path, &information) == 0 else { return false }
    return (information.st_mode & S_IFMT) == S_IFDIR
  }
}

/// A folder's device and inode numbers, which tell two paths to one folder apart from two
/// folders.
private struct FileIdentity: Hashable {
  var device: UInt64
  var inode: UInt64

  init?(path: String) {
    var information = stat()
    guard stat(path, &information) == 0 else { return nil }
    device = UInt64(information.st_dev)
    inode = UInt64(information.st_ino)
  }
}
