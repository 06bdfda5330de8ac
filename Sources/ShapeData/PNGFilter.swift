/// The reversal of PNG scanline filtering (filter method 0, five filter types).
enum PNGFilter {
  /// Unfilters `rowCount` scanlines of `rowBytes` bytes each, in place, starting at `start`.
  ///
  /// Each scanline is a filter type byte followed by `rowBytes` filtered bytes. The bytes
  /// from `start` to `start + rowCount * (rowBytes + 1)` must lie inside `data`. The filter
  /// type bytes are left in place, so the image bytes of row r start at
  /// `start + r * (rowBytes + 1) + 1`.
  static func unfilter(
    _ data: inout [UInt8], start: Int, rowCount: Int, rowBytes: Int, stride: Int,
    firstRowNumber: Int
  ) throws(PNGError) {
    let lineBytes = rowBytes + 1
    for row in 0..<rowCount {
      let lineStart = start + row * lineBytes
      let current = lineStart + 1
      // The first row has no previous row, which the filters treat as all zeros.
      let previous = row == 0 ? nil : current - lineBytes
      let filterType = Int(data[lineStart])
      switch filterType {
      case 0:
        break
      case 1:
        for index in stride..<max(stride, rowBytes) {
          data[current + index] &+= data[current + index - stride]
        }
      case 2:
        if let previous {
          for index in 0..<rowBytes {
            data[current + index] &+= data[previous + index]
          }
        }
      case 3:
        unfilterAverage(
          &data, current: current, previous: previous, rowBytes: rowBytes, stride: stride)
      case 4:
        unfilterPaeth(
          &data, current: current, previous: previous, rowBytes: rowBytes, stride: stride)
      default:
        throw .invalidFilterType(filterType: filterType, row: firstRowNumber + row)
      }
    }
  }

  private static func unfilterAverage(
    _ data: inout [UInt8], current: Int, previous: Int?, rowBytes: Int, stride: Int
  ) {
    for index in 0..<rowBytes {
      let left = index >= stride ? Int(data[current + index - stride]) : 0
      let up = previous.map { Int(data[$0 + index]) } ?? 0
      data[current + index] &+= UInt8(truncatingIfNeeded: (left + up) >> 1)
    }
  }

  private static func unfilterPaeth(
    _ data: inout [UInt8], current: Int, previous: Int?, rowBytes: Int, stride: Int
  ) {
    for index in 0..<rowBytes {
      let hasLeft = index >= stride
      let left = hasLeft ? Int(data[current + index - stride]) : 0
      let up = previous.map { Int(data[$0 + index]) } ?? 0
      let upperLeft = hasLeft ? previous.map { Int(data[$0 + index - stride]) } ?? 0 : 0
      data[current + index] &+= UInt8(truncatingIfNeeded: paethPredictor(left, up, upperLeft))
    }
  }

  /// Returns whichever of left, up and upper-left is closest to left + up - upperLeft,
  /// preferring left, then up, on ties, as the PNG specification defines.
  @inline(__always)
  static func paethPredictor(_ left: Int, _ up: Int, _ upperLeft: Int) -> Int {
    let estimate = left + up - upperLeft
    let distanceLeft = abs(estimate - left)
    let distanceUp = abs(estimate - up)
    let distanceUpperLeft = abs(estimate - upperLeft)
    if distanceLeft <= distanceUp && distanceLeft <= distanceUpperLeft { return left }
    return distanceUp <= distanceUpperLeft ? up : upperLeft
  }
}
