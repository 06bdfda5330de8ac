import ShapeData

/// libFuzzer entry: parses the bytes as a safetensors file and converts every entry to
/// Float32 values, as `run --weights` does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSafetensors(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard let file = try? SafetensorsFile(bytes: bytes) else { return 0 }
  for entry in file.entries {
    _ = try? file.floats(for: entry)
  }
  return 0
}
