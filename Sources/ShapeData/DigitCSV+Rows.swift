extension DigitCSV {
  /// Parses the rows of uncompressed CSV bytes, after the optional header.
  ///
  /// - Parameters:
  ///   - maxRows: the most data rows accepted; one more is an error.
  ///   - limit: the number of rows after which parsing stops without reading further; 0 or
  ///     less returns no rows.
  static func parseRows(
    _ bytes: [UInt8], labelColumn: LabelColumn, maxRows: Int, limit: Int?
  ) throws(DigitCSVError) -> [DigitCSVRow] {
    let maxCount = max(limit ?? Int.max, 0)
    var rows: [DigitCSVRow] = []
    var position = 0
    var lineNumber = 0
    var resolvedColumn: LabelColumn?
    while position < bytes.count, rows.count < maxCount {
      lineNumber += 1
      let line = DigitCSVLine(
        bytes: bytes, range: nextLine(in: bytes, from: &position), number: lineNumber)
      if line.trimmed(line.range).isEmpty { continue }

      let fields = try line.fieldRanges(expectedCount: fieldCount)
      let column: LabelColumn
      if let resolved = resolvedColumn {
        column = resolved
      } else {
        // The first non-blank line decides the label column, and a header is not a row.
        let header = try headerLabelColumn(line, fields: fields)
        column = resolve(labelColumn, header: header)
        resolvedColumn = column
        if header != nil { continue }
      }
      guard rows.count < maxRows else { throw .tooManyRows(line: lineNumber, limit: maxRows) }
      rows.append(try parseRow(line, fields: fields, labelColumn: column))
    }
    guard !rows.isEmpty || maxCount == 0 else { throw .noRows }
    if resolvedColumn == .automatic, labelIsLast(rows) {
      return rows.map(movingLabelToEnd)
    }
    return rows
  }

  /// Decides, for a file without a header, whether rows parsed label-first really have the
  /// label last: the first column is not the label when a value there is outside 0...9, and
  /// otherwise the label is the end column with more nonzero values, because the corner pixels
  /// of a digit image are almost always 0.
  static func labelIsLast(_ rows: [DigitCSVRow]) -> Bool {
    var firstNonzero = 0
    var lastNonzero = 0
    for row in rows {
      guard let label = Int(row.label), label >= 0, label <= 255 else { return false }
      let last = row.pixels.last ?? 0
      if label > 9 { return true }
      if last > 9 { return false }
      if label != 0 { firstNonzero += 1 }
      if last != 0 { lastNonzero += 1 }
    }
    return lastNonzero > firstNonzero
  }

  /// Reinterprets a row parsed label-first as one whose label is its last field.
  private static func movingLabelToEnd(_ row: DigitCSVRow) -> DigitCSVRow {
    var moved = row
    let firstPixel = UInt8(clamping: Int(row.label) ?? 0)
    moved.label = String(row.pixels.last ?? 0)
    moved.pixels = [firstPixel] + row.pixels.dropLast()
    return moved
  }

  /// Returns the next line's range without its `\n` or `\r\n`, and moves `position` past it.
  private static func nextLine(in bytes: [UInt8], from position: inout Int) -> Range<Int> {
    let start = position
    var end = start
    while end < bytes.count, bytes[end] != UInt8(ascii: "\n") {
      end += 1
    }
    position = end + 1
    if end > start, bytes[end - 1] == UInt8(ascii: "\r") {
      end -= 1
    }
    return start..<end
  }

  /// Returns nil for a data line, and for a header the column that it names `label`
  /// (`.automatic` when it names none).
  private static func headerLabelColumn(
    _ line: DigitCSVLine, fields: [Range<Int>]
  ) throws(DigitCSVError) -> LabelColumn? {
    guard fields.contains(where: line.startsWithLetter) else { return nil }
    guard let index = fields.firstIndex(where: { line.headerName($0) == "label" }) else {
      return .automatic
    }
    switch index {
    case 0: return .first
    case fields.count - 1: return .last
    default: throw .labelColumnInMiddle(line: line.number, column: index + 1)
    }
  }

  /// Applies the documented rule: an explicit option wins, then a header's `label`. Without
  /// either, the rows are parsed label-first and `labelIsLast` decides afterwards, which this
  /// function signals by returning `.automatic`.
  private static func resolve(_ option: LabelColumn, header: LabelColumn?) -> LabelColumn {
    if option != .automatic { return option }
    if let header, header != .automatic { return header }
    return header == nil ? .automatic : .first
  }

  private static func parseRow(
    _ line: DigitCSVLine, fields: [Range<Int>], labelColumn: LabelColumn
  ) throws(DigitCSVError) -> DigitCSVRow {
    let labelIndex = labelColumn == .last ? fields.count - 1 : 0
    guard let label = line.integer(fields[labelIndex]) else {
      throw .notAnInteger(
        line: line.number, column: labelIndex + 1, text: line.text(fields[labelIndex]))
    }
    var pixels: [UInt8] = []
    pixels.reserveCapacity(pixelCount)
    for (index, field) in fields.enumerated() where index != labelIndex {
      guard let value = line.integer(field) else {
        throw .notAnInteger(line: line.number, column: index + 1, text: line.text(field))
      }
      guard let pixel = UInt8(exactly: value) else {
        throw .pixelOutOfRange(line: line.number, column: index + 1, text: line.text(field))
      }
      pixels.append(pixel)
    }
    return DigitCSVRow(label: String(label), pixels: pixels)
  }
}
