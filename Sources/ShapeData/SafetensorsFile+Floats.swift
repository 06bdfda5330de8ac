extension SafetensorsFile {
  /// Converts a tensor's elements to `Float` in row-major order.
  ///
  /// F32, F16 and BF16 convert exactly and F64 rounds to the nearest `Float`, ties to even;
  /// doubles beyond `Float`'s range become infinities.
  ///
  /// - Throws: `SafetensorsError.unsupportedDtype` for other dtypes, and `entryNotInFile` when
  ///   `entry` was not read from this file.
  public func floats(for entry: Entry) throws(SafetensorsError) -> [Float] {
    guard let elementSize = SafetensorsDtype.byteSizes[entry.dtype],
      entries.contains(entry)
    else {
      throw .entryNotInFile(tensor: entry.name)
    }
    let count = entry.byteRange.count / elementSize
    let start = entry.byteRange.lowerBound
    switch entry.dtype {
    case "F32":
      return (0..<count).map { Float(bitPattern: UInt32(readLittleEndian(start + 4 * $0, 4))) }
    case "F16":
      return (0..<count).map {
        Float16Conversion.float(fromBinary16: UInt16(readLittleEndian(start + 2 * $0, 2)))
      }
    case "BF16":
      return (0..<count).map {
        Float16Conversion.float(fromBFloat16: UInt16(readLittleEndian(start + 2 * $0, 2)))
      }
    case "F64":
      return (0..<count).map { Float(Double(bitPattern: readLittleEndian(start + 8 * $0, 8))) }
    default:
      throw .unsupportedDtype(tensor: entry.name, dtype: entry.dtype)
    }
  }

  /// Reads `width` bytes at `offset` as a little-endian unsigned integer.
  private func readLittleEndian(_ offset: Int, _ width: Int) -> UInt64 {
    var value: UInt64 = 0
    for position in 0..<width {
      value |= UInt64(bytes[offset + position]) << (8 * UInt64(position))
    }
    return value
  }
}
