import Foundation

extension DatasetLoader {
  /// Loads an IDX images file and, when one is found beside it, its labels file.
  static func loadIDX(
    _ path: String, maxItems: Int, limits: DataLimits
  ) throws(DatasetError) -> [LabeledImage] {
    let images = try parseIDX(path, limits: limits)
    var labels: IDXArray?
    let labelsPath = siblingLabelsPath(ofImagesPath: path)
    if let labelsPath {
      labels = try parseIDX(labelsPath, limits: limits)
    }
    do {
      return try IDXReader.labeledImages(
        images: images, labels: labels, source: path, limit: maxItems)
    } catch {
      // Errors about the labels array name the labels file.
      switch error {
      case .notLabels, .labelCountMismatch:
        throw .idx(path: labelsPath ?? path, error: error)
      default:
        throw .idx(path: path, error: error)
      }
    }
  }

  private static func parseIDX(_ path: String, limits: DataLimits) throws(DatasetError) -> IDXArray
  {
    let bytes = try DatasetFileReader.readFile(path, limit: limits.maxDecompressedBytes)
    do {
      return try IDXReader.parse(bytes, limits: limits)
    } catch {
      throw .idx(path: path, error: error)
    }
  }

  /// Returns the existing labels file that the MNIST naming convention pairs with an images file.
  ///
  /// The file name's `images` becomes `labels` and `idx3` becomes `idx1`
  /// (`train-images-idx3-ubyte` → `train-labels-idx1-ubyte`, `t10k-images.idx3-ubyte.gz` →
  /// `t10k-labels.idx1-ubyte.gz`). The name is tried as it is, then with `.gz` added or removed.
  static func siblingLabelsPath(ofImagesPath path: String) -> String? {
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    guard name.contains("images") else { return nil }

    let labelsName = name.replacingFirst("images", with: "labels").replacingFirst(
      "idx3", with: "idx1")
    let alternative =
      labelsName.hasSuffix(".gz") ? String(labelsName.dropLast(3)) : labelsName + ".gz"
    for candidate in [labelsName, alternative] {
      let candidatePath = folder + candidate
      if DatasetFileReader.kind(of: candidatePath) == .file { return candidatePath }
    }
    return nil
  }
}

extension String {
  /// Returns the string with the first occurrence of `target` replaced.
  fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let range = range(of: target) else { return self }
    return replacingCharacters(in: range, with: replacement)
  }
}
