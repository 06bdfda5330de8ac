import ShapeData

/// libFuzzer entry: parses the bytes as a digit CSV file with the label first and last.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = try? DigitCSV.parse(bytes)
  _ = try? DigitCSV.parse(bytes, labelColumn: .last)
  return 0
}
