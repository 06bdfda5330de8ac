/// Renders the difference between two versions of a file in the unified format of `diff -u`,
/// which `patch` and `git apply` accept.
public enum UnifiedDiff {
  /// The number of unchanged lines shown around each change.
  public static let contextLines = 3

  /// Renders the diff of `old` and `new` under the names `a/PATH` and `b/PATH`; empty when
  /// the bytes are equal.
  ///
  /// Lines that differ are found position by position inside the part between the common
  /// leading and trailing lines, which is exact for the fixes of `check --fix` because they
  /// never add or remove a line. When the line counts differ, that whole middle part is shown
  /// as removed and added, which is correct but not minimal.
  public static func render(old: [UInt8], new: [UInt8], path: String) -> String {
    guard old != new else { return "" }
    let oldLines = lines(of: old)
    let newLines = lines(of: new)
    var output = "--- a/\(path)\n+++ b/\(path)\n"
    for hunk in hunks(oldLines, newLines) {
      output += render(hunk, oldLines, newLines)
    }
    return output
  }

  /// A changed stretch: removed old lines and added new lines, by index.
  private struct Change {
    var old: Range<Int>
    var new: Range<Int>
  }

  /// Lines with their endings, so that a missing final newline is visible.
  private static func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var result: [ArraySlice<UInt8>] = []
    var start = 0
    for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      result.append(bytes[start...index])
      start = index + 1
    }
    if start < bytes.count { result.append(bytes[start...]) }
    return result
  }

  private static func changes(_ old: [ArraySlice<UInt8>], _ new: [ArraySlice<UInt8>]) -> [Change] {
    var prefix = 0
    while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < old.count - prefix, suffix < new.count - prefix,
      old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
    {
      suffix += 1
    }
    let oldMiddle = prefix..<(old.count - suffix)
    let newMiddle = prefix..<(new.count - suffix)
    guard oldMiddle.count == newMiddle.count else {
      return [Change(old: oldMiddle, new: newMiddle)]
    }
    return oldMiddle.filter { old[$0] != new[$0] }.map {
      Change(old: $0..<($0 + 1), new: $0..<($0 + 1))
    }
  }

  /// Groups changes whose context would touch or overlap into hunks of changes.
  private static func hunks(_ old: [ArraySlice<UInt8>], _ new: [ArraySlice<UInt8>]) -> [[Change]] {
    var result: [[Change]] = []
    for change in changes(old, new) {
      if let last = result.last?.last,
        change.old.lowerBound - last.old.upperBound <= 2 * contextLines
      {
        result[result.count - 1].append(change)
      } else {
        result.append([change])
      }
    }
    return result
  }

  private static func render(
    _ hunk: [Change], _ old: [ArraySlice<UInt8>], _ new: [ArraySlice<UInt8>]
  )
    -> String
  {
    guard let first = hunk.first, let last = hunk.last else { return "" }
    let oldStart = max(first.old.lowerBound - contextLines, 0)
    let oldEnd = min(last.old.upperBound + contextLines, old.count)
    let offset = first.new.lowerBound - first.old.lowerBound
    let newStart = oldStart + offset
    let newEnd = oldEnd + (last.new.upperBound - last.old.upperBound)
    var body = ""
    var position = oldStart
    for change in hunk {
      for index in position..<change.old.lowerBound { body += line(" ", old[index]) }
      for index in change.old { body += line("-", old[index]) }
      for index in change.new { body += line("+", new[index]) }
      position = change.old.upperBound
    }
    for index in position..<oldEnd { body += line(" ", old[index]) }
    let header =
      "@@ -\(range(oldStart, oldEnd - oldStart)) +\(range(newStart, newEnd - newStart)) @@\n"
    return header + body
  }

  /// Formats a hunk range as `diff -u` writes it: the 1-based start, and the count unless it
  /// is 1.
  private static func range(_ start: Int, _ count: Int) -> String {
    switch count {
    case 0: return "\(start),0"
    case 1: return "\(start + 1)"
    default: return "\(start + 1),\(count)"
    }
  }

  private static func line(_ marker: String, _ bytes: ArraySlice<UInt8>) -> String {
    // The check is on bytes because Swift treats "\r\n" as one Character.
    let text = String(decoding: bytes, as: UTF8.self)
    guard bytes.last == UInt8(ascii: "\n") else {
      return marker + text + "\n\\ No newline at end of file\n"
    }
    return marker + text
  }
}
