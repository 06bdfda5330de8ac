import Foundation

/// A reason a data set could not be loaded; every case names the file or folder.
public enum DatasetError: Error, Equatable, CustomStringConvertible {
  /// Nothing exists at the path.
  case notFound(path: String)
  /// The file exists but could not be opened or read; `errno` is the system's error number.
  case unreadable(path: String, errno: Int32)
  /// The path names a device, FIFO or socket rather than a file or folder.
  case notRegularFile(path: String)
  /// The folder exists but its entries could not be listed.
  case folderUnreadable(path: String)
  /// The file is larger than `DataLimits.maxDecompressedBytes`.
  case fileTooLarge(path: String, byteCount: Int, limit: Int)
  /// The file's name matches no supported format.
  case unsupportedFileType(path: String)
  /// The folder contains no `.png` file in any supported layout.
  case noImages(path: String)
  /// The PNG file could not be decoded.
  case png(path: String, error: PNGError)
  /// The IDX file could not be parsed or does not hold images or labels.
  case idx(path: String, error: IDXError)
  /// The digit CSV file could not be parsed.
  case csv(path: String, error: DigitCSVError)
  /// The `labels.csv` file does not start with the header `name,label`.
  case invalidLabelsHeader(path: String)
  /// A `labels.csv` line is not a relative path and a label separated by a comma.
  case invalidLabelsRow(path: String, line: Int)

  /// The path that the error is about.
  public var path: String {
    switch self {
    case .notFound(let path), .unreadable(let path, _), .notRegularFile(let path),
      .folderUnreadable(let path),
      .fileTooLarge(let path, _, _), .unsupportedFileType(let path), .noImages(let path),
      .png(let path, _), .idx(let path, _), .csv(let path, _), .invalidLabelsHeader(let path),
      .invalidLabelsRow(let path, _):
      return path
    }
  }

  /// One line, `<path>: <problem>`.
  public var description: String {
    "\(path): \(problem)"
  }

  private var problem: String {
    switch self {
    case .notFound:
      return "no such file or folder"
    case .unreadable(_, let errno):
      return "cannot read the file: \(String(cString: strerror(errno)).lowercased())"
    case .notRegularFile:
      return "not a regular file or folder"
    case .folderUnreadable:
      return "cannot list the folder"
    case .fileTooLarge(_, let byteCount, let limit):
      return "file of \(byteCount) bytes exceeds the limit of \(limit) bytes"
    case .unsupportedFileType:
      return "unsupported file type: expected .png, .csv, .csv.gz, an IDX file "
        + "(-ubyte or .idx, optionally .gz) or a folder"
    case .noImages:
      return "no .png images found: expected *.png, {class}/*.png "
        + "or {train,valid,test}/{class}/*.png in the folder"
    case .png(_, let error):
      return "invalid PNG: \(error)"
    case .idx(_, let error):
      return "invalid IDX: \(error)"
    case .csv(_, let error):
      return "invalid digit CSV: \(error)"
    case .invalidLabelsHeader:
      return "expected the header 'name,label' on the first line"
    case .invalidLabelsRow(_, let line):
      return "line \(line): expected a relative path and a label separated by a comma"
    }
  }
}
