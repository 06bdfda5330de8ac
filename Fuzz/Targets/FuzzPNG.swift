import ShapeData

/// libFuzzer entry: decodes the bytes as a PNG file into a grayscale image.
///
/// A pixel limit of one million keeps each run fast; the decoder checks the limit before
/// it allocates, so the limit's value does not change which code paths run.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPNG(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let limits = DataLimits(maxDecompressedBytes: 16 << 20, maxImagePixels: 1_000_000)
  _ = try? PNGDecoder.decodeGrayscale(bytes, limits: limits)
  return 0
}
