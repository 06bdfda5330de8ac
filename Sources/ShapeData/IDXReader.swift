/// A reader of IDX files, the format of the original MNIST distribution.
///
/// The header is two zero bytes, an element type byte, a dimension count byte, then one
/// big-endian `UInt32` size per dimension. The elements follow in row-major order.
public enum IDXReader {
  /// Parses an IDX file, decompressing it first when it starts with the gzip magic number.
  ///
  /// - Throws: `IDXError.decompression` for a damaged gzip stream or one over
  ///   `limits.maxDecompressedBytes`, and the errors of `parseUncompressed(_:)`.
  public static func parse(
    _ bytes: [UInt8], limits: DataLimits = .standard
  ) throws(IDXError) -> IDXArray {
    guard Gzip.isGzip(bytes) else { return try parseUncompressed(bytes) }
    let decompressed: [UInt8]
    do {
      decompressed = try Gzip.decompress(bytes, limits: limits)
    } catch {
      throw .decompression(error)
    }
    return try parseUncompressed(decompressed)
  }

  /// Parses IDX bytes that are not compressed.
  ///
  /// - Throws: `IDXError` for a truncated or invalid header, dimensions whose byte size
  ///   overflows, or a data size that differs from the dimensions.
  public static func parseUncompressed(_ bytes: [UInt8]) throws(IDXError) -> IDXArray {
    guard bytes.count >= 4 else {
      throw .truncatedHeader(byteCount: bytes.count, headerLength: 4)
    }
    guard bytes[0] == 0, bytes[1] == 0 else { throw .invalidMagic(firstBytes: Array(bytes[0..<2])) }
    guard let type = IDXElementType(rawValue: bytes[2]) else {
      throw .unknownElementType(code: bytes[2])
    }
    let rank = Int(bytes[3])
    let headerLength = 4 + 4 * rank
    guard bytes.count >= headerLength else {
      throw .truncatedHeader(byteCount: bytes.count, headerLength: headerLength)
    }

    let dimensions = (0..<rank).map { readBigEndianUInt32(bytes, at: 4 + 4 * $0) }
    // A zero dimension makes the product zero even when the other factors would overflow.
    var byteCount = dimensions.contains(0) ? 0 : type.byteSize
    for size in dimensions where byteCount != 0 {
      let (product, overflow) = byteCount.multipliedReportingOverflow(by: size)
      guard !overflow else { throw .sizeOverflow(dimensions: dimensions) }
      byteCount = product
    }
    let available = bytes.count - headerLength
    guard byteCount == available else {
      throw .dataSizeMismatch(expectedBytes: byteCount, actualBytes: available)
    }
    return IDXArray(type: type, dimensions: dimensions, data: Array(bytes[headerLength...]))
  }

  private static func readBigEndianUInt32(_ bytes: [UInt8], at offset: Int) -> Int {
    var value = 0
    for position in 0..<4 {
      value = value << 8 | Int(bytes[offset + position])
    }
    return value
  }
}
