import ShapeData

/// libFuzzer entry: decompresses the bytes as a zlib stream.
///
/// The 4 MiB output limit keeps each run fast; the decoder checks it as it writes, so a
/// stream that expands past it still runs the limit's code path.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzZlib(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = try? Zlib.decompress(bytes, limits: DataLimits(maxDecompressedBytes: 4 << 20))
  return 0
}
