/// Left-aligned text columns separated by two spaces, with trailing spaces trimmed.
struct TextTable {
  private var rows: [[String]] = []

  mutating func append(_ row: [String]) {
    rows.append(row)
  }

  /// Renders the rows with `indent` before each line.
  func render(indent: String = "") -> String {
    let columnCount = rows.map(\.count).max() ?? 0
    var widths = [Int](repeating: 0, count: columnCount)
    for row in rows {
      for (index, cell) in row.enumerated() {
        widths[index] = max(widths[index], cell.count)
      }
    }
    var output = ""
    for row in rows {
      var line = indent
      for (index, cell) in row.enumerated() {
        let isLast = index == row.count - 1
        line += isLast ? cell : cell + String(repeating: " ", count: widths[index] - cell.count + 2)
      }
      while line.hasSuffix(" ") { line.removeLast() }
      output += line + "\n"
    }
    return output
  }
}

/// Formats an integer with comma thousands separators, such as `23,581`.
func groupedDigits(_ value: Int) -> String {
  let digits = String(value.magnitude)
  var result = ""
  for (index, character) in digits.enumerated() {
    if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
    result.append(character)
  }
  return value < 0 ? "-" + result : result
}
