/// A model file's bytes with a table of line starts, for mapping UTF-8 offsets to lines and columns.
///
/// The text is kept as the raw bytes that were read, so offsets stay valid even when the file
/// contains bytes that are not UTF-8. Lines end at `\n`, `\r\n` or a lone `\r`, as the lexer
/// reads them, and the line ending is not part of the line's text.
public struct SourceFile: Sendable {
  /// The path as the user gave it; printed in diagnostics.
  public let path: String

  /// The file's bytes, unchanged.
  public let bytes: [UInt8]

  /// The UTF-8 offset at which each line starts; `lineStarts[0]` is 0.
  public let lineStarts: [Int]

  /// The number of Unicode scalars that start before each multiple of
  /// `scalarCheckpointInterval` bytes, so that a column is found without scanning its whole line.
  private let scalarCheckpoints: [Int]
  private static let scalarCheckpointInterval = 64

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
    var checkpoints: [Int] = []
    checkpoints.reserveCapacity(bytes.count / Self.scalarCheckpointInterval + 1)
    var scalars = 0
    for (index, byte) in bytes.enumerated() {
      if index % Self.scalarCheckpointInterval == 0 { checkpoints.append(scalars) }
      if !Self.isContinuationByte(byte) { scalars += 1 }
    }
    // An offset equal to `bytes.count` needs a checkpoint too when it is a multiple.
    if bytes.count % Self.scalarCheckpointInterval == 0 { checkpoints.append(scalars) }
    self.scalarCheckpoints = checkpoints
    var starts = [0]
    for (index, byte) in bytes.enumerated() {
      let isLineFeed = byte == UInt8(ascii: "\n")
      let isLoneReturn =
        byte == UInt8(ascii: "\r") && (index + 1 == bytes.count || bytes[index + 1] != UInt8(ascii: "\n"))
      if isLineFeed || isLoneReturn {
        starts.append(index + 1)
      }
    }
    self.lineStarts = starts
  }

  public init(path: String, text: String) {
    self.init(path: path, bytes: Array(text.utf8))
  }

  /// Returns the 1-based line and 1-based UTF-8 byte column of `offset`, clamped to the file.
  public func location(of offset: Int) -> SourceLocation {
    let clamped = min(max(offset, 0), bytes.count)
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= clamped {
        low = middle
      } else {
        high = middle - 1
      }
    }
    return SourceLocation(offset: clamped, line: low + 1, column: clamped - lineStarts[low] + 1)
  }

  /// Returns the bytes of a 1-based line without its line ending, or none past the last line.
  public func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
    guard line >= 1, line <= lineStarts.count else { return [] }
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
    if end > start, bytes[end - 1] == UInt8(ascii: "\r") {
      end -= 1
    }
    return bytes[start..<max(start, end)]
  }

  /// Decodes a line's text as UTF-8, replacing invalid bytes by U+FFFD.
  public func lineText(_ line: Int) -> String {
    String(decoding: lineBytes(line), as: UTF8.self)
  }

  /// Decodes the bytes of `range` as UTF-8.
  public func text(in range: SourceRange) -> String {
    let start = min(max(range.start, 0), bytes.count)
    let end = min(max(range.end, start), bytes.count)
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  /// The 1-based column counted in Unicode scalars, for placing a caret under a byte column.
  ///
  /// A multibyte character earlier on the line counts as one column, so the caret lands under
  /// the right character in a terminal; a tab counts as one column and is echoed as is.
  public func characterColumn(line: Int, byteColumn: Int) -> Int {
    let text = lineBytes(line)
    let prefixEnd = min(text.startIndex + max(byteColumn - 1, 0), text.endIndex)
    return scalarsBefore(prefixEnd) - scalarsBefore(text.startIndex) + 1
  }

  /// Counts the Unicode scalars that start before the byte `offset`, which is at most
  /// `bytes.count`. It reads at most `scalarCheckpointInterval - 1` bytes.
  private func scalarsBefore(_ offset: Int) -> Int {
    let checkpoint = offset / Self.scalarCheckpointInterval
    let scanStart = checkpoint * Self.scalarCheckpointInterval
    return bytes[scanStart..<offset].reduce(scalarCheckpoints[checkpoint]) { count, byte in
      Self.isContinuationByte(byte) ? count : count + 1
    }
  }

  /// Tells whether `byte` continues a UTF-8 sequence (10xxxxxx) instead of starting a scalar.
  private static func isContinuationByte(_ byte: UInt8) -> Bool {
    byte & 0xC0 == 0x80
  }
}
