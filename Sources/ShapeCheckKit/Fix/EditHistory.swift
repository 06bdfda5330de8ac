import ShapeDiagnostics
import ShapeSource

/// The batches of edits that turned a file into an edited copy, in the order they were
/// applied, so that a position in a later version can be traced back to the original file.
struct EditHistory {
  let original: SourceFile
  /// Each batch is a set of edits that do not overlap and were applied together to one version.
  private(set) var batches: [[TextEdit]] = []

  init(original: SourceFile) {
    self.original = original
  }

  /// The number of versions after the original.
  var versionCount: Int { batches.count }

  mutating func record(_ batch: [TextEdit]) {
    batches.append(batch.sorted { $0.range < $1.range })
  }

  /// Returns the offset in the original file of byte `offset` of version `version`, where 0
  /// is the original. A position inside replaced text maps to the start of what it replaced.
  func originalOffset(of offset: Int, inVersion version: Int) -> Int {
    var position = offset
    for batch in batches.prefix(max(0, version)).reversed() {
      position = Self.offsetBefore(position, batch: batch)
    }
    return position
  }

  /// Returns the place in the original file of byte `offset` of the latest version.
  func originalLocation(ofLatest offset: Int) -> SourceLocation {
    original.location(of: originalOffset(of: offset, inVersion: versionCount))
  }

  /// Maps an offset of the text after `batch` to the text before it.
  private static func offsetBefore(_ offset: Int, batch: [TextEdit]) -> Int {
    // How far the text after the edits seen so far has moved from the text before them.
    var shift = 0
    for edit in batch {
      let start = edit.range.start + shift
      let end = start + edit.replacement.utf8.count
      if offset < start { return offset - shift }
      if offset < end { return edit.range.start }
      shift += edit.replacement.utf8.count - (edit.range.end - edit.range.start)
    }
    return offset - shift
  }
}
