import ShapeData
import Testing

/// Checks of single header entries: dtype, shape, offsets and how ranges tile the buffer.
@Suite struct SafetensorsEntryTests {
  private func load(_ header: String, bufferLength: Int) throws(SafetensorsError) {
    let buffer = [UInt8](repeating: 0, count: bufferLength)
    _ = try SafetensorsFile(bytes: SafetensorsTestFile.bytes(header: header, buffer: buffer))
  }

  @Test func unknownDtype() {
    let header = #"{"t": {"dtype": "F128", "shape": [1], "data_offsets": [0, 16]}}"#
    #expect(throws: SafetensorsError.unknownDtype(tensor: "t", dtype: "F128")) {
      try load(header, bufferLength: 16)
    }
  }

  @Test(arguments: [
    #"{"t": {"shape": [1], "data_offsets": [0, 4]}}"#,
    #"{"t": {"dtype": 4, "shape": [1], "data_offsets": [0, 4]}}"#,
    #"{"t": 5}"#,
  ])
  func missingOrMistypedDtype(header: String) {
    #expect(throws: SafetensorsError.invalidField(tensor: "t", field: "dtype")) {
      try load(header, bufferLength: 4)
    }
  }

  @Test func missingOffsets() {
    let header = #"{"t": {"dtype": "F32", "shape": [1]}}"#
    #expect(throws: SafetensorsError.invalidField(tensor: "t", field: "data_offsets")) {
      try load(header, bufferLength: 4)
    }
  }

  @Test(arguments: ["[-1]", "[1.5]", "[\"2\"]", "[1e2]", "[99999999999999999999]"])
  func invalidShape(shape: String) {
    let header = #"{"t": {"dtype": "F32", "shape": "# + shape + #", "data_offsets": [0, 4]}}"#
    #expect(throws: SafetensorsError.invalidShape(tensor: "t")) {
      try load(header, bufferLength: 4)
    }
  }

  @Test(arguments: ["[4, 0]", "[-1, 4]", "[0]", "[0, 4, 8]", "[0, 18446744073709551616]"])
  func invalidOffsets(offsets: String) {
    let header = #"{"t": {"dtype": "U8", "shape": [4], "data_offsets": "# + offsets + "}}"
    #expect(throws: SafetensorsError.invalidOffsets(tensor: "t")) {
      try load(header, bufferLength: 4)
    }
  }

  @Test func offsetsPastEnd() {
    let header = #"{"t": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}"#
    #expect(throws: SafetensorsError.offsetsPastEnd(tensor: "t", end: 8, bufferLength: 4)) {
      try load(header, bufferLength: 4)
    }
  }

  @Test func shapeSizeMismatch() {
    let header = #"{"t": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 20]}}"#
    let expected = SafetensorsError.sizeMismatch(tensor: "t", expectedBytes: 24, offsetBytes: 20)
    #expect(throws: expected) {
      try load(header, bufferLength: 20)
    }
  }

  @Test func elementCountOverflow() {
    let big = Int.max / 2
    let header = #"{"t": {"dtype": "F32", "shape": ["# + "\(big), 4], \"data_offsets\": [0, 4]}}"
    #expect(throws: SafetensorsError.elementCountOverflow(tensor: "t", shape: [big, 4])) {
      try load(header, bufferLength: 4)
    }
  }

  @Test func byteSizeOverflowWithSmallElementCount() {
    // Int.max / 4 + 1 elements fit in Int, but their F32 byte size does not.
    let count = Int.max / 4 + 1
    let header = #"{"t": {"dtype": "F32", "shape": ["# + "\(count)], \"data_offsets\": [0, 4]}}"
    #expect(throws: SafetensorsError.elementCountOverflow(tensor: "t", shape: [count])) {
      try load(header, bufferLength: 4)
    }
  }

  @Test func overlappingTensors() {
    let header = """
      {"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]},
       "b": {"dtype": "F32", "shape": [1], "data_offsets": [4, 8]}}
      """
    #expect(throws: SafetensorsError.overlappingTensors(first: "a", second: "b")) {
      try load(header, bufferLength: 8)
    }
  }

  @Test func identicalRangesOverlap() {
    let header = """
      {"b": {"dtype": "U8", "shape": [4], "data_offsets": [0, 4]},
       "a": {"dtype": "U8", "shape": [4], "data_offsets": [0, 4]}}
      """
    let error = #expect(throws: SafetensorsError.self) {
      try load(header, bufferLength: 4)
    }
    guard case .overlappingTensors? = error else {
      Issue.record("expected overlappingTensors, got \(String(describing: error))")
      return
    }
  }

  @Test func gapBetweenTensors() {
    let header = """
      {"a": {"dtype": "U8", "shape": [2], "data_offsets": [0, 2]},
       "b": {"dtype": "U8", "shape": [2], "data_offsets": [3, 5]}}
      """
    #expect(throws: SafetensorsError.gap(begin: 2, end: 3)) {
      try load(header, bufferLength: 5)
    }
  }

  @Test func gapAtStartAndEnd() {
    let late = #"{"a": {"dtype": "U8", "shape": [2], "data_offsets": [1, 3]}}"#
    #expect(throws: SafetensorsError.gap(begin: 0, end: 1)) {
      try load(late, bufferLength: 3)
    }
    let early = #"{"a": {"dtype": "U8", "shape": [2], "data_offsets": [0, 2]}}"#
    #expect(throws: SafetensorsError.gap(begin: 2, end: 6)) {
      try load(early, bufferLength: 6)
    }
    #expect(throws: SafetensorsError.gap(begin: 0, end: 1)) {
      try load("{}", bufferLength: 1)
    }
  }

  @Test func descriptionsAreOneLowercaseLine() {
    let errors: [SafetensorsError] = [
      .fileTooShort(byteCount: 1), .headerPastEnd(headerLength: 9, availableBytes: 1),
      .headerTooLarge(headerLength: 9, limit: 1), .headerNotUTF8,
      .invalidJSON(offset: 1, expected: "a value"), .nestingTooDeep(offset: 1, limit: 64),
      .duplicateKey(key: "a"), .headerNotObject, .invalidMetadata(key: nil),
      .invalidField(tensor: "t", field: "shape"), .unknownDtype(tensor: "t", dtype: "X"),
      .invalidShape(tensor: "t"), .elementCountOverflow(tensor: "t", shape: [1]),
      .invalidOffsets(tensor: "t"), .sizeMismatch(tensor: "t", expectedBytes: 1, offsetBytes: 2),
      .offsetsPastEnd(tensor: "t", end: 2, bufferLength: 1),
      .overlappingTensors(first: "a", second: "b"), .gap(begin: 0, end: 1),
      .unsupportedDtype(tensor: "t", dtype: "I8"), .entryNotInFile(tensor: "t"),
    ]
    for error in errors {
      let text = error.description
      #expect(!text.contains("\n"), "\(text)")
      #expect(text.first?.isUppercase == false, "\(text)")
      #expect(!text.hasSuffix("."), "\(text)")
    }
  }
}
