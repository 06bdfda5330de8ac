import ShapeData

/// libFuzzer entry: decompresses the bytes as a raw DEFLATE stream.
///
/// The 4 MiB output limit keeps each run fast; the decoder checks it as it writes, so a
/// stream that expands past it still runs the limit's code path.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInflate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = try? Inflate.decompress(bytes, limits: DataLimits(maxDecompressedBytes: 4 << 20))
  return 0
}
