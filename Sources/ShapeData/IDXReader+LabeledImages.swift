extension IDXReader {
  /// Splits an images array into labeled images, taking labels from a parallel labels array.
  ///
  /// - Parameters:
  ///   - images: unsigned bytes with dimensions `[count, rows, columns]`.
  ///   - labels: unsigned bytes with dimensions `[count]`, or nil for unlabeled images.
  ///   - source: the path that each image's `source` names, followed by `#` and its index.
  ///   - limit: the number of images to return at most.
  /// - Throws: `IDXError.notImages`, `.notLabels` or `.labelCountMismatch`, and
  ///   `.sizeOverflow` or `.dataSizeMismatch` when an array's data disagrees with its dimensions.
  public static func labeledImages(
    images: IDXArray, labels: IDXArray?, source: String, limit: Int? = nil
  ) throws(IDXError) -> [LabeledImage] {
    guard images.type == .unsignedByte, images.dimensions.count == 3 else {
      throw .notImages(type: images.type, dimensions: images.dimensions)
    }
    let count = images.dimensions[0]
    if let labels {
      guard labels.type == .unsignedByte, labels.dimensions.count == 1 else {
        throw .notLabels(type: labels.type, dimensions: labels.dimensions)
      }
      guard labels.dimensions[0] == count else {
        throw .labelCountMismatch(images: count, labels: labels.dimensions[0])
      }
    }

    // Arrays built by hand may disagree with their dimensions, so check before slicing.
    let rows = images.dimensions[1]
    let columns = images.dimensions[2]
    let (pixelCount, pixelOverflow) = rows.multipliedReportingOverflow(by: columns)
    let (byteCount, byteOverflow) = count.multipliedReportingOverflow(by: pixelCount)
    guard !pixelOverflow, !byteOverflow, rows >= 0, columns >= 0, count >= 0 else {
      if count == 0 { return [] }
      throw .sizeOverflow(dimensions: images.dimensions)
    }
    guard byteCount == images.data.count else {
      throw .dataSizeMismatch(expectedBytes: byteCount, actualBytes: images.data.count)
    }
    if let labels, labels.data.count != count {
      throw .dataSizeMismatch(expectedBytes: count, actualBytes: labels.data.count)
    }
    let imageCount = min(count, max(limit ?? count, 0))
    return (0..<imageCount).map { index in
      let start = index * pixelCount
      let pixels = Array(images.data[start..<(start + pixelCount)])
      let image = GrayImage(width: columns, height: rows, pixels: pixels)
      let label = labels.map { String($0.data[index]) }
      return LabeledImage(image: image, label: label, source: "\(source)#\(index)")
    }
  }
}
