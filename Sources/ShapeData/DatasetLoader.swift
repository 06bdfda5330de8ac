/// A loader of labeled digit images from files and folders in the common MNIST layouts.
public enum DatasetLoader {
  /// Loads the images at `path`, a file or a folder.
  ///
  /// - A `.png` file is one image without a label.
  /// - An IDX file (name ending in `-ubyte` or `.idx`, optionally followed by `.gz`) must hold
  ///   images. Labels come from the sibling file that the MNIST naming convention pairs with it
  ///   (`train-images-idx3-ubyte` → `train-labels-idx1-ubyte`), when it exists.
  /// - A `.csv` or `.csv.gz` file is read as `DigitCSV` with automatic label detection.
  /// - A folder contains `*.png`, `{class}/*.png` or `{train,valid,test}/{class}/*.png`, and
  ///   folder names give the labels. A `labels.csv` (header `name,label`) at its root gives the
  ///   labels by relative path instead; see `loadFolder` for the exact rules.
  ///
  /// Files are taken in sorted path order, so the order is the same on every run. Each file may
  /// be at most `limits.maxDecompressedBytes` long.
  ///
  /// - Parameters:
  ///   - limit: the number of images after which loading stops, without reading further
  ///     images or CSV lines; 0 or less loads nothing.
  /// - Throws: `DatasetError` naming the file or folder that failed.
  public static func load(
    path: String, limit: Int? = nil, limits: DataLimits = .standard
  ) throws(DatasetError) -> Dataset {
    let maxItems = max(limit ?? Int.max, 0)
    switch DatasetFileReader.kind(of: path) {
    case .missing:
      throw .notFound(path: path)
    case .inaccessible(let code):
      throw .unreadable(path: path, errno: code)
    case .directory:
      return Dataset(items: try loadFolder(path, maxItems: maxItems, limits: limits))
    case .file:
      return Dataset(items: try loadFile(path, maxItems: maxItems, limits: limits))
    case .special:
      throw .notRegularFile(path: path)
    }
  }

  /// The formats recognised by file name.
  enum FileFormat {
    case png
    case csv
    case idx
  }

  /// Returns the format that the file name's ending names, ignoring case.
  static func format(ofFileNamed name: String) -> FileFormat? {
    var lowered = name.lowercased()
    if lowered.hasSuffix(".png") { return .png }
    if lowered.hasSuffix(".gz") { lowered.removeLast(3) }
    if lowered.hasSuffix(".csv") { return .csv }
    if lowered.hasSuffix("-ubyte") || lowered.hasSuffix(".idx") { return .idx }
    return nil
  }

  private static func loadFile(
    _ path: String, maxItems: Int, limits: DataLimits
  ) throws(DatasetError) -> [LabeledImage] {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let format = format(ofFileNamed: name) else { throw .unsupportedFileType(path: path) }
    guard maxItems > 0 else { return [] }
    switch format {
    case .png:
      return [try loadPNG(path, label: nil, limits: limits)]
    case .csv:
      let bytes = try DatasetFileReader.readFile(path, limit: limits.maxDecompressedBytes)
      do {
        return try DigitCSV.parse(bytes, limits: limits, source: path, limit: maxItems)
      } catch {
        throw .csv(path: path, error: error)
      }
    case .idx:
      return try loadIDX(path, maxItems: maxItems, limits: limits)
    }
  }

  /// Decodes one PNG file.
  static func loadPNG(
    _ path: String, label: String?, limits: DataLimits
  ) throws(DatasetError) -> LabeledImage {
    let bytes = try DatasetFileReader.readFile(path, limit: limits.maxDecompressedBytes)
    do {
      let image = try PNGDecoder.decodeGrayscale(bytes, limits: limits)
      return LabeledImage(image: image, label: label, source: path)
    } catch {
      throw .png(path: path, error: error)
    }
  }
}
