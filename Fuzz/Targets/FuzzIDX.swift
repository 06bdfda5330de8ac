import ShapeData

/// libFuzzer entry: parses the bytes as an IDX file, plain or gzip-compressed, and splits
/// the array into labeled images as `run` does for an images file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIDX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard let array = try? IDXReader.parse(bytes) else { return 0 }
  _ = try? IDXReader.labeledImages(images: array, labels: nil, source: "fuzz", limit: 64)
  return 0
}
