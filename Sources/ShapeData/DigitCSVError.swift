/// A reason a digit CSV file was rejected; lines and columns are 1-based.
///
/// A column is a CSV field position, counted from the first field of the line.
public enum DigitCSVError: Error, Equatable, CustomStringConvertible {
  /// The file has no data rows.
  case noRows
  /// A line has a field count other than the label plus 784 pixels.
  case wrongFieldCount(line: Int, expected: Int, found: Int)
  /// A field that should hold a number is not a decimal integer.
  case notAnInteger(line: Int, column: Int, text: String)
  /// A pixel value lies outside 0...255.
  case pixelOutOfRange(line: Int, column: Int, text: String)
  /// The header names `label` in a column other than the first or last.
  case labelColumnInMiddle(line: Int, column: Int)
  /// The file has more data rows than the limits allow.
  case tooManyRows(line: Int, limit: Int)
  /// The gzip-compressed file could not be decompressed.
  case decompression(DecompressionError)

  /// A lowercase one-line explanation naming the problem and its line and column.
  public var description: String {
    switch self {
    case .noRows:
      return "no data rows: expected a label and 784 pixel values per line"
    case .wrongFieldCount(let line, let expected, let found):
      return "line \(line): expected \(expected) fields, found \(found)"
    case .notAnInteger(let line, let column, let text):
      return "line \(line), column \(column): '\(text)' is not an integer"
    case .pixelOutOfRange(let line, let column, let text):
      return "line \(line), column \(column): pixel value \(text) is outside 0...255"
    case .labelColumnInMiddle(let line, let column):
      return "line \(line), column \(column): the label column must be the first or the last"
    case .tooManyRows(let line, let limit):
      return "line \(line): more than \(limit) data rows"
    case .decompression(let error):
      return "gzip: \(error)"
    }
  }
}
