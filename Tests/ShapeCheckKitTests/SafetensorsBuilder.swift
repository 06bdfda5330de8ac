import ShapeData

/// Builds a safetensors file of float32 tensors in memory.
func safetensors(_ tensors: [(name: String, shape: [Int], values: [Float])]) throws -> SafetensorsFile {
  var header: [String] = []
  var data: [UInt8] = []
  for tensor in tensors {
    let start = data.count
    for value in tensor.values {
      withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
    }
    let shape = tensor.shape.map(String.init).joined(separator: ",")
    header.append(
      "\"\(tensor.name)\":{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(start),\(data.count)]}")
  }
  var json = Array("{\(header.joined(separator: ","))}".utf8)
  while json.count % 8 != 0 { json.append(UInt8(ascii: " ")) }
  var bytes: [UInt8] = []
  withUnsafeBytes(of: UInt64(json.count).littleEndian) { bytes.append(contentsOf: $0) }
  return try SafetensorsFile(bytes: bytes + json + data)
}
