/// The validated contents of a PNG IHDR chunk.
struct PNGHeader: Equatable {
  let width: Int
  let height: Int
  let bitDepth: Int
  /// 0 gray, 2 RGB, 3 palette, 4 gray and alpha, 6 RGBA.
  let colorType: Int
  let isInterlaced: Bool

  /// The largest width or height that the PNG specification allows.
  static let maxDimension: UInt32 = 0x7FFF_FFFF

  /// Parses and validates the 13 bytes of IHDR data.
  init(_ data: UnsafeBufferPointer<UInt8>) throws(PNGError) {
    guard data.count == 13 else {
      throw .invalidHeaderLength(length: data.count)
    }
    let width = readBigEndian32(data, at: 0)
    let height = readBigEndian32(data, at: 4)
    guard (1...Self.maxDimension).contains(width), (1...Self.maxDimension).contains(height) else {
      throw .invalidDimensions(width: width, height: height)
    }
    let bitDepth = Int(data[8])
    let colorType = Int(data[9])
    let allowedDepths: [Int]
    switch colorType {
    case 0: allowedDepths = [1, 2, 4, 8, 16]
    case 3: allowedDepths = [1, 2, 4, 8]
    case 2, 4, 6: allowedDepths = [8, 16]
    default: allowedDepths = []
    }
    guard allowedDepths.contains(bitDepth) else {
      throw .invalidColorTypeAndBitDepth(colorType: colorType, bitDepth: bitDepth)
    }
    guard data[10] == 0 else { throw .unsupportedCompressionMethod(Int(data[10])) }
    guard data[11] == 0 else { throw .unsupportedFilterMethod(Int(data[11])) }
    guard data[12] <= 1 else { throw .invalidInterlaceMethod(Int(data[12])) }

    self.width = Int(width)
    self.height = Int(height)
    self.bitDepth = bitDepth
    self.colorType = colorType
    self.isInterlaced = data[12] == 1
  }

  /// The number of samples per pixel.
  var channels: Int {
    switch colorType {
    case 2: return 3
    case 4: return 2
    case 6: return 4
    default: return 1
    }
  }

  /// The distance in bytes to the corresponding byte of the previous pixel, used by the
  /// Sub, Average and Paeth filters; 1 for pixels smaller than a byte.
  var filterStride: Int {
    max(1, channels * bitDepth / 8)
  }

  /// Returns the bytes of one scanline of `pixelCount` pixels, without the filter byte.
  /// With `pixelCount` at most 2^31 - 1 and at most 64 bits per pixel this cannot overflow.
  func rowBytes(pixelCount: Int) -> Int {
    (pixelCount * channels * bitDepth + 7) / 8
  }

  /// Returns the decompressed image data size, filter bytes included, or nil on overflow.
  func imageDataSize() -> Int? {
    var total = 0
    for pass in Adam7Pass.passes(interlaced: isInterlaced) {
      let (columns, rows) = pass.size(width: width, height: height)
      guard columns > 0, rows > 0 else { continue }
      let lineBytes = rowBytes(pixelCount: columns) + 1
      let (passSize, overflow) = rows.multipliedReportingOverflow(by: lineBytes)
      guard !overflow else { return nil }
      let (sum, sumOverflow) = total.addingReportingOverflow(passSize)
      guard !sumOverflow else { return nil }
      total = sum
    }
    return total
  }
}

/// One of the seven passes of Adam7 interlacing, or the single pass of a plain image.
struct Adam7Pass {
  let startColumn: Int
  let startRow: Int
  let columnStep: Int
  let rowStep: Int

  static let whole = Adam7Pass(startColumn: 0, startRow: 0, columnStep: 1, rowStep: 1)

  /// The seven Adam7 passes in file order, from the PNG specification.
  static let adam7 = [
    Adam7Pass(startColumn: 0, startRow: 0, columnStep: 8, rowStep: 8),
    Adam7Pass(startColumn: 4, startRow: 0, columnStep: 8, rowStep: 8),
    Adam7Pass(startColumn: 0, startRow: 4, columnStep: 4, rowStep: 8),
    Adam7Pass(startColumn: 2, startRow: 0, columnStep: 4, rowStep: 4),
    Adam7Pass(startColumn: 0, startRow: 2, columnStep: 2, rowStep: 4),
    Adam7Pass(startColumn: 1, startRow: 0, columnStep: 2, rowStep: 2),
    Adam7Pass(startColumn: 0, startRow: 1, columnStep: 1, rowStep: 2),
  ]

  static func passes(interlaced: Bool) -> [Adam7Pass] {
    interlaced ? adam7 : [whole]
  }

  /// Returns the number of columns and rows of this pass; either may be 0.
  func size(width: Int, height: Int) -> (columns: Int, rows: Int) {
    let columns = width > startColumn ? (width - startColumn + columnStep - 1) / columnStep : 0
    let rows = height > startRow ? (height - startRow + rowStep - 1) / rowStep : 0
    return (columns, rows)
  }
}

func readBigEndian32(_ data: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt32 {
  UInt32(data[offset]) << 24 | UInt32(data[offset + 1]) << 16
    | UInt32(data[offset + 2]) << 8 | UInt32(data[offset + 3])
}
