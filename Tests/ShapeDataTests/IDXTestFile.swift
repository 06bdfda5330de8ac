/// Builds IDX file bytes for tests.
enum IDXTestFile {
  /// Returns the magic number for `typeCode`, the big-endian dimension sizes, then `data`.
  static func bytes(typeCode: UInt8 = 0x08, dimensions: [UInt32], data: [UInt8]) -> [UInt8] {
    var bytes: [UInt8] = [0, 0, typeCode, UInt8(dimensions.count)]
    for size in dimensions {
      bytes += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: size >> $0) }
    }
    return bytes + data
  }
}
