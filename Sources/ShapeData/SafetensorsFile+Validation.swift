extension SafetensorsFile {
  /// Parses one tensor's header entry, with its byte range still relative to the buffer.
  static func parseEntry(
    name: String, value: SafetensorsJSONValue, bufferLength: Int
  ) throws(SafetensorsError) -> Entry {
    guard case .object(let fields) = value else {
      throw .invalidField(tensor: name, field: "dtype")
    }
    func field(_ key: String) -> SafetensorsJSONValue? {
      fields.first { $0.key == key }?.value
    }

    guard case .string(let dtype)? = field("dtype") else {
      throw .invalidField(tensor: name, field: "dtype")
    }
    guard let elementSize = SafetensorsDtype.byteSizes[dtype] else {
      throw .unknownDtype(tensor: name, dtype: dtype)
    }
    guard case .array(let dimensions)? = field("shape") else {
      throw .invalidField(tensor: name, field: "shape")
    }
    let shape = try parseShape(dimensions, tensor: name)
    let byteRange = try parseOffsets(field("data_offsets"), tensor: name)

    var byteCount = elementSize
    for size in shape {
      let (product, overflow) = byteCount.multipliedReportingOverflow(by: size)
      guard !overflow else { throw .elementCountOverflow(tensor: name, shape: shape) }
      byteCount = product
    }
    guard byteCount == byteRange.count else {
      throw .sizeMismatch(tensor: name, expectedBytes: byteCount, offsetBytes: byteRange.count)
    }
    guard byteRange.upperBound <= bufferLength else {
      throw .offsetsPastEnd(tensor: name, end: byteRange.upperBound, bufferLength: bufferLength)
    }
    return Entry(name: name, dtype: dtype, shape: shape, byteRange: byteRange)
  }

  private static func parseShape(
    _ dimensions: [SafetensorsJSONValue], tensor: String
  ) throws(SafetensorsError) -> [Int] {
    var shape: [Int] = []
    for dimension in dimensions {
      guard let size = dimension.intValue, size >= 0 else { throw .invalidShape(tensor: tensor) }
      shape.append(size)
    }
    return shape
  }

  private static func parseOffsets(
    _ value: SafetensorsJSONValue?, tensor: String
  ) throws(SafetensorsError) -> Range<Int> {
    guard case .array(let offsets)? = value else {
      throw .invalidField(tensor: tensor, field: "data_offsets")
    }
    guard offsets.count == 2, let begin = offsets[0].intValue, let end = offsets[1].intValue,
      begin >= 0, begin <= end
    else {
      throw .invalidOffsets(tensor: tensor)
    }
    return begin..<end
  }

  /// Checks that the byte ranges, sorted by start, tile the buffer with no overlap and no gap.
  ///
  /// Empty tensors take no bytes, so they may share an offset with a neighbour.
  static func checkCoverage(
    _ entries: [Entry], bufferStart: Int, bufferLength: Int
  ) throws(SafetensorsError) {
    let sorted = entries.sorted { left, right in
      let leftBounds = (left.byteRange.lowerBound, left.byteRange.upperBound)
      return leftBounds < (right.byteRange.lowerBound, right.byteRange.upperBound)
    }
    var covered = 0
    var previous: Entry?
    for entry in sorted {
      let begin = entry.byteRange.lowerBound - bufferStart
      if begin < covered, let previous {
        throw .overlappingTensors(first: previous.name, second: entry.name)
      }
      if begin > covered {
        throw .gap(begin: covered, end: begin)
      }
      covered = entry.byteRange.upperBound - bufferStart
      if !entry.byteRange.isEmpty {
        previous = entry
      }
    }
    guard covered == bufferLength else { throw .gap(begin: covered, end: bufferLength) }
  }
}
