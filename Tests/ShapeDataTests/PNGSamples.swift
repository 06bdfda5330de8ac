import ShapeData

/// Builders of small PNG files for tests of malformed input.
enum PNGSamples {
  static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

  static func bigEndian(_ value: UInt32) -> [UInt8] {
    [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
  }

  /// Returns a chunk with its length and a correct CRC.
  static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
    let typeAndData = Array(type.utf8) + data
    return bigEndian(UInt32(data.count)) + typeAndData + bigEndian(CRC32.checksum(typeAndData))
  }

  static func header(
    width: UInt32, height: UInt32, bitDepth: UInt8 = 8, colorType: UInt8 = 0,
    compression: UInt8 = 0, filter: UInt8 = 0, interlace: UInt8 = 0
  ) -> [UInt8] {
    let data = bigEndian(width) + bigEndian(height)
      + [bitDepth, colorType, compression, filter, interlace]
    return chunk("IHDR", data)
  }

  /// Returns a zlib stream that stores `data` in one uncompressed block.
  static func zlibStored(_ data: [UInt8]) -> [UInt8] {
    let length = UInt16(data.count)
    let complement = ~length
    return [0x78, 0x01, 0x01, UInt8(length & 0xFF), UInt8(length >> 8),
      UInt8(complement & 0xFF), UInt8(complement >> 8)]
      + data + bigEndian(Adler32.checksum(data))
  }

  static func file(_ chunks: [[UInt8]]) -> [UInt8] {
    signature + chunks.joined()
  }

  /// A 3x2 8-bit gray image whose scanlines use filter type None.
  static let grayRows: [UInt8] = [0, 10, 20, 30, 0, 40, 50, 60]

  static func grayFile(rows: [UInt8] = grayRows) -> [UInt8] {
    file([
      header(width: 3, height: 2), chunk("IDAT", zlibStored(rows)), chunk("IEND", []),
    ])
  }
}
