/// A reader of MNIST-style CSV files: one image per line, a label and 784 pixel values.
///
/// Each line has 785 comma-separated fields: the label, an integer, and 28 × 28 pixel values in
/// 0...255, row-major. Lines may end in `\n` or `\r\n`, and blank lines are skipped. Fields may
/// have surrounding spaces.
///
/// Header and label position follow this rule:
/// - The first non-blank line is a header when any of its fields, without surrounding spaces
///   and double quotes, starts with a letter or `_`. A header is not an image.
/// - With `labelColumn: .first` or `.last`, the label is in that column.
/// - With `.automatic`, a header field named `label` (any case) decides, and it must be the
///   first or the last field. With a header that names no `label` column, the label is the
///   first field.
/// - With `.automatic` and no header, the label is the first field unless the data show
///   otherwise: a first-column value outside 0...9 means the label is last, a last-column
///   value outside 0...9 means it is first, and else the end column with more nonzero values
///   is the label, because the corner pixels of a digit image are almost always 0.
public enum DigitCSV {
  /// The position of the label column.
  public enum LabelColumn: Sendable, Equatable {
    /// Decided by a header's `label` field, or by the data when there is no header.
    case automatic
    /// The first field of each line.
    case first
    /// The last field of each line.
    case last
  }

  /// The pixel values per line, 28 × 28.
  public static let pixelCount = 784
  /// The width and height of each image.
  public static let imageSide = 28
  /// The fields per line: the label and the pixels.
  static let fieldCount = pixelCount + 1

  /// Returns the maximum number of data rows under `limits`, so that the total pixel count
  /// stays within `maxImagePixels`. The standard limits allow 63,775 rows.
  public static func maxRows(limits: DataLimits) -> Int {
    max(limits.maxImagePixels, 0) / pixelCount
  }
}

extension DigitCSV {
  /// Parses a digit CSV file, plain or gzip-compressed, into 28 × 28 labeled images.
  ///
  /// - Parameters:
  ///   - labelColumn: the label's position; see the type's documentation for `.automatic`.
  ///   - limits: the bound on decompressed size, and through `maxRows(limits:)` on the row count.
  ///   - source: the path that each image's `source` names, followed by `#` and the 0-based row.
  ///   - limit: the number of images after which parsing stops without reading further lines.
  /// - Throws: `DigitCSVError` naming the line and column of the first problem.
  public static func parse(
    _ bytes: [UInt8], labelColumn: LabelColumn = .automatic, limits: DataLimits = .standard,
    source: String = "", limit: Int? = nil
  ) throws(DigitCSVError) -> [LabeledImage] {
    var text = bytes
    if Gzip.isGzip(bytes) {
      do {
        text = try Gzip.decompress(bytes, limits: limits)
      } catch {
        throw .decompression(error)
      }
    }
    let rows = try parseRows(
      text, labelColumn: labelColumn, maxRows: maxRows(limits: limits), limit: limit)
    return rows.enumerated().map { index, row in
      let image = GrayImage(width: imageSide, height: imageSide, pixels: row.pixels)
      return LabeledImage(image: image, label: row.label, source: "\(source)#\(index)")
    }
  }
}
