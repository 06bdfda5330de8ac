/// A decoder of PNG files into 8-bit grayscale images.
public enum PNGDecoder {
  /// Decodes a PNG file of any color type, bit depth and interlace method into the gray
  /// image that Pillow's `Image.open(file).convert("L")` gives. Alpha and tRNS are dropped.
  ///
  /// The header is checked against `limits` before any image-sized allocation, and the
  /// image data may not decompress to more bytes than the header implies.
  public static func decodeGrayscale(
    _ bytes: [UInt8], limits: DataLimits = .standard
  ) throws(PNGError) -> GrayImage {
    try bytes.withUnsafeBufferPointer { (file) throws(PNGError) -> GrayImage in
      let chunks = try PNGChunks(file, limits: limits)
      let header = chunks.header
      guard let expectedSize = header.imageDataSize() else {
        throw .imageDataExceedsLimit(size: Int.max, limit: limits.maxDecompressedBytes)
      }
      var data = try inflateImageData(file, ranges: chunks.imageDataRanges, size: expectedSize)
      let converter = PNGGrayConverter(header: header, palette: chunks.palette)
      var pixels = [UInt8](repeating: 0, count: header.width * header.height)
      var passStart = 0
      var rowNumber = 0
      for pass in Adam7Pass.passes(interlaced: header.isInterlaced) {
        let (columns, rows) = pass.size(width: header.width, height: header.height)
        guard columns > 0, rows > 0 else { continue }
        let rowBytes = header.rowBytes(pixelCount: columns)
        try PNGFilter.unfilter(
          &data, start: passStart, rowCount: rows, rowBytes: rowBytes,
          stride: header.filterStride, firstRowNumber: rowNumber)
        try convertRows(
          data, passStart: passStart, pass: pass, columns: columns, rows: rows,
          converter: converter, into: &pixels)
        passStart += rows * (rowBytes + 1)
        rowNumber += rows
      }
      return GrayImage(width: header.width, height: header.height, pixels: pixels)
    }
  }

  /// Converts the unfiltered scanlines of one pass, which start at `data[passStart]`.
  private static func convertRows(
    _ data: [UInt8], passStart: Int, pass: Adam7Pass, columns: Int, rows: Int,
    converter: PNGGrayConverter, into pixels: inout [UInt8]
  ) throws(PNGError) {
    let header = converter.header
    let rowBytes = header.rowBytes(pixelCount: columns)
    try data.withUnsafeBufferPointer { (source) throws(PNGError) in
      try pixels.withUnsafeMutableBufferPointer { (target) throws(PNGError) in
        for row in 0..<rows {
          let y = pass.startRow + row * pass.rowStep
          try converter.convertRow(
            source, rowStart: passStart + row * (rowBytes + 1) + 1, columns: columns,
            into: target, outputStart: y * header.width + pass.startColumn,
            outputStep: pass.columnStep)
        }
      }
    }
  }

  /// Decompresses the zlib stream split over the IDAT chunks into exactly `size` bytes.
  private static func inflateImageData(
    _ file: UnsafeBufferPointer<UInt8>, ranges: [Range<Int>], size: Int
  ) throws(PNGError) -> [UInt8] {
    let data: [UInt8]
    do {
      if ranges.count == 1, let range = ranges.first {
        let stream = UnsafeBufferPointer(rebasing: file[range])
        data = try Zlib.decompress(stream, limit: size, capacityHint: size)
      } else {
        var joined: [UInt8] = []
        for range in ranges {
          joined.append(contentsOf: file[range])
        }
        data = try joined.withUnsafeBufferPointer { (stream) throws(DecompressionError) in
          try Zlib.decompress(stream, limit: size, capacityHint: size)
        }
      }
    } catch .outputExceedsLimit {
      throw .imageDataTooLong(expected: size)
    } catch {
      throw .invalidImageData(error)
    }
    guard data.count == size else {
      throw .imageDataTooShort(expected: size, actual: data.count)
    }
    return data
  }
}
