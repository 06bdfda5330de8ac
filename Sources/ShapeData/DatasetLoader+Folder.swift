extension DatasetLoader {
  /// The folder names of data set splits, which are not class names.
  static let splitNames: Set<String> = ["train", "training", "valid", "validation", "val", "test"]

  /// The file that, at the root of a folder, maps relative paths to labels.
  static let labelsFileName = "labels.csv"

  /// Loads the `.png` files of a folder tree.
  ///
  /// Files are found at most three levels deep (`root/split/class/file.png`) in sorted path order,
  /// comparing each path component's UTF-8 bytes, and hidden files and folders are skipped.
  /// A file's label is the name of the first folder below the root. When that folder is a split
  /// (`train`, `training`, `valid`, `validation`, `val`, `test`), the label is the second folder
  /// instead, and a file with no such folder gets no label. A `labels.csv` at the root replaces
  /// these labels, and images that it does not list get none.
  static func loadFolder(
    _ root: String, maxItems: Int, limits: DataLimits
  ) throws(DatasetError) -> [LabeledImage] {
    var relativePaths: [[String]] = []
    try collectImages(root, components: [], into: &relativePaths, maxItems: maxItems)
    guard !relativePaths.isEmpty || maxItems == 0 else { throw .noImages(path: root) }

    let labelsPath = DatasetFileReader.join(root, labelsFileName)
    var labelsByPath: [String: String]?
    if DatasetFileReader.kind(of: labelsPath) == .file {
      let bytes = try DatasetFileReader.readFile(labelsPath, limit: limits.maxDecompressedBytes)
      labelsByPath = try DatasetLabelsFile.parse(bytes, path: labelsPath)
    }

    var items: [LabeledImage] = []
    for components in relativePaths {
      let relativePath = components.joined(separator: "/")
      let label = labelsByPath.map { $0[relativePath] } ?? folderLabel(components)
      items.append(
        try loadPNG(DatasetFileReader.join(root, relativePath), label: label, limits: limits))
    }
    return items
  }

  /// Appends the relative paths of `.png` files below `folder`, depth first in sorted order.
  private static func collectImages(
    _ folder: String, components: [String], into paths: inout [[String]], maxItems: Int
  ) throws(DatasetError) {
    for name in try DatasetFileReader.listFolder(folder) {
      guard paths.count < maxItems else { return }
      let path = DatasetFileReader.join(folder, name)
      switch DatasetFileReader.kind(of: path) {
      case .directory where components.count < 2:
        try collectImages(path, components: components + [name], into: &paths, maxItems: maxItems)
      case .file where format(ofFileNamed: name) == .png:
        paths.append(components + [name])
      default:
        continue
      }
    }
  }

  /// Returns the class folder name of a relative path, or nil when it has none.
  static func folderLabel(_ components: [String]) -> String? {
    let folders = components.dropLast()
    guard let first = folders.first else { return nil }
    if splitNames.contains(first.lowercased()) {
      return folders.dropFirst().first
    }
    return first
  }
}
