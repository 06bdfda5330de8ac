/// The parser of a data set folder's `labels.csv`: a `name,label` header, then one
/// relative image path and its label per line.
enum DatasetLabelsFile {
  /// Returns the labels keyed by relative path.
  ///
  /// Lines may end in `\r\n`, blank lines are skipped, and fields lose surrounding spaces and
  /// one pair of double quotes, and a leading `./` is dropped from paths. The label follows the
  /// last comma, so paths may contain commas.
  static func parse(_ bytes: [UInt8], path: String) throws(DatasetError) -> [String: String] {
    var labels: [String: String] = [:]
    var sawHeader = false
    // Split on bytes: as a String, "\r\n" is one Character and would not split at "\n".
    for (index, lineBytes) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
      .enumerated()
    {
      let withoutReturn = lineBytes.last == 0x0D ? lineBytes.dropLast() : lineBytes
      let line = Substring(String(decoding: withoutReturn, as: UTF8.self))
      if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
      guard let comma = line.lastIndex(of: ",") else {
        if sawHeader { throw .invalidLabelsRow(path: path, line: index + 1) }
        throw .invalidLabelsHeader(path: path)
      }
      var name = clean(line[..<comma])
      if name.hasPrefix("./") { name.removeFirst(2) }
      let label = clean(line[line.index(after: comma)...])
      if !sawHeader {
        guard name.lowercased() == "name", label.lowercased() == "label" else {
          throw .invalidLabelsHeader(path: path)
        }
        sawHeader = true
        continue
      }
      guard !name.isEmpty, !label.isEmpty else {
        throw .invalidLabelsRow(path: path, line: index + 1)
      }
      labels[name] = label
    }
    guard sawHeader else { throw .invalidLabelsHeader(path: path) }
    return labels
  }

  private static func clean(_ field: Substring) -> String {
    var text = field.drop { $0 == " " || $0 == "\t" }
    while text.last == " " || text.last == "\t" { text.removeLast() }
    if text.count >= 2, text.first == "\"", text.last == "\"" {
      text = text.dropFirst().dropLast()
    }
    return String(text)
  }
}
