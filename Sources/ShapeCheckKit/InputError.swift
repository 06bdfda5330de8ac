/// A failure to read an input file; the CLI maps every case to exit status 66.
public enum InputError: Error, Equatable, CustomStringConvertible {
  case notFound(path: String)
  case isDirectory(path: String)
  case unreadable(path: String, reason: String)
  case tooLarge(path: String, size: Int, limit: Int)
  /// A data or weights file whose contents are malformed.
  case malformed(path: String, reason: String)

  public var description: String {
    switch self {
    case .notFound(let path): "\(path): no such file"
    case .isDirectory(let path): "\(path): is a folder, not a file"
    case .unreadable(let path, let reason): "\(path): cannot be read: \(reason)"
    case .tooLarge(let path, let size, let limit): "\(path): the file has \(size) bytes, more than the limit of \(limit)"
    case .malformed(let path, let reason): "\(path): \(reason)"
    }
  }
}
