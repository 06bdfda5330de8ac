/// The conversion of unfiltered PNG scanlines to 8-bit gray, matching Pillow 13.0.0's
/// `Image.open(file).convert("L")`, which was checked on every color type and bit depth.
///
/// Pillow's rules, found by experiment and checked by the committed test images:
/// - RGB to gray is `(r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16`, the ITU-R 601-2
///   luma weights 0.299, 0.587 and 0.114 in 16-bit fixed point with rounding. Palette
///   entries and RGBA pixels use the same formula, and alpha is dropped.
/// - 16-bit samples of color types 2, 4 and 6 keep their most significant byte.
/// - 16-bit gray (Pillow mode I;16) is clamped: values above 255 become 255, not scaled.
/// - 1-, 2- and 4-bit gray is scaled to 0...255 by 255, 85 and 17.
struct PNGGrayConverter {
  let header: PNGHeader
  /// The gray value of each palette entry, 256 entries long.
  private let paletteGray: [UInt8]
  private let paletteCount: Int

  init(header: PNGHeader, palette: [UInt8]) {
    self.header = header
    paletteCount = palette.count / 3
    var gray = [UInt8](repeating: 0, count: 256)
    for entry in 0..<min(paletteCount, 256) {
      gray[entry] = Self.luma(palette[3 * entry], palette[3 * entry + 1], palette[3 * entry + 2])
    }
    paletteGray = gray
  }

  /// Returns Pillow's gray value of an 8-bit RGB color.
  @inline(__always)
  static func luma(_ red: UInt8, _ green: UInt8, _ blue: UInt8) -> UInt8 {
    let weighted = UInt32(red) * 19595 + UInt32(green) * 38470 + UInt32(blue) * 7471
    return UInt8(truncatingIfNeeded: (weighted + 0x8000) >> 16)
  }

  /// Converts the `columns` pixels of the unfiltered scanline at `data[rowStart...]` and
  /// stores them at `pixels[outputStart]`, `pixels[outputStart + outputStep]` and so on.
  ///
  /// The preconditions check that the scanline and every output index lie inside the
  /// buffers. Every index below stays within those ranges, which is why the loops may use
  /// unchecked buffer pointer access.
  func convertRow(
    _ data: UnsafeBufferPointer<UInt8>, rowStart: Int, columns: Int,
    into pixels: UnsafeMutableBufferPointer<UInt8>, outputStart: Int, outputStep: Int
  ) throws(PNGError) {
    guard columns > 0 else { return }
    precondition(rowStart >= 0 && rowStart <= data.count - header.rowBytes(pixelCount: columns))
    precondition(outputStart >= 0 && outputStep >= 1)
    precondition(outputStart + (columns - 1) * outputStep < pixels.count)
    let bytesPerSample = header.bitDepth == 16 ? 2 : 1
    let channels = header.channels
    switch header.colorType {
    case 0 where header.bitDepth < 8:
      let scale = 255 / ((1 << header.bitDepth) - 1)
      for column in 0..<columns {
        let sample = packedSample(data, rowStart: rowStart, column: column)
        pixels[outputStart + column * outputStep] = UInt8(truncatingIfNeeded: sample * scale)
      }
    case 0 where header.bitDepth == 16:
      for column in 0..<columns {
        let index = rowStart + 2 * column
        let sample = Int(data[index]) << 8 | Int(data[index + 1])
        pixels[outputStart + column * outputStep] = UInt8(truncatingIfNeeded: min(sample, 255))
      }
    case 0, 4:
      // The gray sample, or its most significant byte, is the first byte of each pixel.
      let pixelBytes = channels * bytesPerSample
      for column in 0..<columns {
        pixels[outputStart + column * outputStep] = data[rowStart + column * pixelBytes]
      }
    case 3:
      try convertPaletteRow(
        data, rowStart: rowStart, columns: columns, into: pixels, outputStart: outputStart,
        outputStep: outputStep)
    default:
      let pixelBytes = channels * bytesPerSample
      for column in 0..<columns {
        let index = rowStart + column * pixelBytes
        let gray = Self.luma(
          data[index], data[index + bytesPerSample], data[index + 2 * bytesPerSample])
        pixels[outputStart + column * outputStep] = gray
      }
    }
  }

  private func convertPaletteRow(
    _ data: UnsafeBufferPointer<UInt8>, rowStart: Int, columns: Int,
    into pixels: UnsafeMutableBufferPointer<UInt8>, outputStart: Int, outputStep: Int
  ) throws(PNGError) {
    for column in 0..<columns {
      let index = packedSample(data, rowStart: rowStart, column: column)
      guard index < paletteCount else {
        throw .paletteIndexOutOfRange(index: index, paletteSize: paletteCount)
      }
      pixels[outputStart + column * outputStep] = paletteGray[index]
    }
  }

  /// Returns sample `column` of a scanline of one-sample pixels of at most 8 bits, which
  /// PNG packs from the most significant bit of each byte.
  @inline(__always)
  private func packedSample(
    _ data: UnsafeBufferPointer<UInt8>, rowStart: Int, column: Int
  ) -> Int {
    let depth = header.bitDepth
    if depth == 8 { return Int(data[rowStart + column]) }
    let bitOffset = column * depth
    let byte = Int(data[rowStart + bitOffset >> 3])
    let shift = 8 - depth - (bitOffset & 7)
    return (byte >> shift) & ((1 << depth) - 1)
  }
}
