import ShapeSource

/// A source range resolved to 1-based lines and columns, in the two column units the
/// reporters use. The end is exclusive: it is the position after the last byte.
struct ReportRegion: Equatable {
  var startLine: Int
  var endLine: Int
  /// Columns counted in UTF-8 bytes, as in the text and JSON formats.
  var startByteColumn: Int
  var endByteColumn: Int
  /// Columns counted in Unicode scalars (code points), as in the SARIF and GitHub formats.
  var startCodePointColumn: Int
  var endCodePointColumn: Int

  init(_ range: SourceRange, in source: SourceFile) {
    let start = source.location(of: range.start)
    let end = source.location(of: range.end)
    startLine = start.line
    endLine = end.line
    startByteColumn = start.column
    endByteColumn = end.column
    startCodePointColumn = source.characterColumn(line: start.line, byteColumn: start.column)
    endCodePointColumn = source.characterColumn(line: end.line, byteColumn: end.column)
  }
}
