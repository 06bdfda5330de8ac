/// A half-open range of UTF-8 byte offsets into one source file.
public struct SourceRange: Hashable, Sendable, Comparable {
  public var start: Int
  public var end: Int

  public init(start: Int, end: Int) {
    self.start = start
    self.end = max(start, end)
  }

  /// Returns an empty range at `offset`, for an insertion point.
  public static func at(_ offset: Int) -> SourceRange {
    SourceRange(start: offset, end: offset)
  }

  /// Returns the smallest range covering both.
  public func union(_ other: SourceRange) -> SourceRange {
    SourceRange(start: min(start, other.start), end: max(end, other.end))
  }

  public var isEmpty: Bool { start == end }

  public static func < (lhs: SourceRange, rhs: SourceRange) -> Bool {
    (lhs.start, lhs.end) < (rhs.start, rhs.end)
  }
}

/// A resolved position: UTF-8 offset, 1-based line and 1-based UTF-8 byte column.
public struct SourceLocation: Hashable, Sendable {
  public var offset: Int
  public var line: Int
  public var column: Int

  public init(offset: Int, line: Int, column: Int) {
    self.offset = offset
    self.line = line
    self.column = column
  }
}
