import ShapeData

/// libFuzzer entry: decompresses the bytes as a gzip file of one or more members.
///
/// The 4 MiB output limit keeps each run fast; the decoder checks it as it writes, so a
/// stream that expands past it still runs the limit's code path.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGzip(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = try? Gzip.decompress(bytes, limits: DataLimits(maxDecompressedBytes: 4 << 20))
  return 0
}
