import ShapeData
import Testing

@Suite struct SafetensorsFileTests {
  /// Returns a file with one tensor of each float dtype, an I32 tensor and metadata.
  private static func allDtypesFile() throws -> SafetensorsFile {
    let f32 = SafetensorsTestFile.littleEndian([Float(1.5).bitPattern, Float(-2).bitPattern])
    let f16 = SafetensorsTestFile.littleEndian([UInt16(0x3C00), 0x0001, 0xFC00])
    let bf16 = SafetensorsTestFile.littleEndian([UInt16(0x3F80), 0xC0A0])
    let f64 = SafetensorsTestFile.littleEndian([(0.1 as Double).bitPattern, (1e300).bitPattern])
    let i32 = SafetensorsTestFile.littleEndian([Int32(7)])
    let header = """
      {"__metadata__": {"format": "pt"},
       "w32": {"dtype": "F32", "shape": [1, 2], "data_offsets": [0, 8]},
       "w16": {"dtype": "F16", "shape": [3], "data_offsets": [8, 14]},
       "wb16": {"dtype": "BF16", "shape": [2], "data_offsets": [14, 18]},
       "w64": {"dtype": "F64", "shape": [2], "data_offsets": [18, 34]},
       "count": {"dtype": "I32", "shape": [], "data_offsets": [34, 38]}}
      """
    let bytes = SafetensorsTestFile.bytes(header: header, buffer: f32 + f16 + bf16 + f64 + i32)
    return try SafetensorsFile(bytes: bytes)
  }

  @Test func validFileListsEntriesByName() throws {
    let file = try Self.allDtypesFile()
    #expect(file.entries.map(\.name) == ["count", "w16", "w32", "w64", "wb16"])
    #expect(file.metadata == ["format": "pt"])
    let w32 = try #require(file.entry(named: "w32"))
    #expect(w32.shape == [1, 2])
    #expect(w32.dtype == "F32")
    #expect(w32.byteRange.count == 8)
    #expect(file.entry(named: "missing") == nil)
  }

  @Test func floatsOfEachDtype() throws {
    let file = try Self.allDtypesFile()
    #expect(try file.floats(for: #require(file.entry(named: "w32"))) == [1.5, -2])
    #expect(try file.floats(for: #require(file.entry(named: "w16"))) == [1, 0x1p-24, -.infinity])
    #expect(try file.floats(for: #require(file.entry(named: "wb16"))) == [1, -5])
    #expect(try file.floats(for: #require(file.entry(named: "w64"))) == [Float(0.1), .infinity])
  }

  @Test func floatsRejectsIntegerDtype() throws {
    let file = try Self.allDtypesFile()
    let entry = try #require(file.entry(named: "count"))
    #expect(throws: SafetensorsError.unsupportedDtype(tensor: "count", dtype: "I32")) {
      try file.floats(for: entry)
    }
  }

  @Test func floatsRejectsForeignEntry() throws {
    let file = try Self.allDtypesFile()
    let entry = SafetensorsFile.Entry(name: "w32", dtype: "F32", shape: [9], byteRange: 0..<36)
    #expect(throws: SafetensorsError.entryNotInFile(tensor: "w32")) {
      try file.floats(for: entry)
    }
  }

  @Test func emptyHeaderAndBufferIsValid() throws {
    let file = try SafetensorsFile(bytes: SafetensorsTestFile.bytes(header: "{}  "))
    #expect(file.entries.isEmpty)
    #expect(file.metadata.isEmpty)
  }

  @Test func emptyTensorsMayShareOffsets() throws {
    let header = """
      {"a": {"dtype": "F32", "shape": [0, 5], "data_offsets": [0, 0]},
       "b": {"dtype": "U8", "shape": [2], "data_offsets": [0, 2]},
       "c": {"dtype": "F64", "shape": [0], "data_offsets": [2, 2]}}
      """
    let file = try SafetensorsFile(
      bytes: SafetensorsTestFile.bytes(header: header, buffer: [1, 2]))
    #expect(file.entries.count == 3)
    #expect(try file.floats(for: #require(file.entry(named: "a"))).isEmpty)
  }

  @Test func escapedNamesAreDecoded() throws {
    let header =
      #"{"a\u00e9\ud83d\ude00\n": {"dtype": "U8", "shape": [1], "data_offsets": [0, 1]}}"#
    let file = try SafetensorsFile(bytes: SafetensorsTestFile.bytes(header: header, buffer: [9]))
    #expect(file.entries.map(\.name) == ["aé😀\n"])
  }

  @Test func fileShorterThanLengthField() {
    #expect(throws: SafetensorsError.fileTooShort(byteCount: 3)) {
      try SafetensorsFile(bytes: [1, 2, 3])
    }
  }

  @Test func headerLengthOfMaxUInt64() {
    let bytes = SafetensorsTestFile.lengthField(.max) + Array("{}".utf8)
    #expect(throws: SafetensorsError.headerPastEnd(headerLength: .max, availableBytes: 2)) {
      try SafetensorsFile(bytes: bytes)
    }
  }

  @Test func headerLengthPastEnd() {
    let bytes = SafetensorsTestFile.lengthField(10) + Array("{}".utf8)
    #expect(throws: SafetensorsError.headerPastEnd(headerLength: 10, availableBytes: 2)) {
      try SafetensorsFile(bytes: bytes)
    }
  }

  @Test func headerLengthOverLimit() {
    let length = UInt64(SafetensorsFile.maxHeaderLength + 1)
    var bytes = SafetensorsTestFile.lengthField(length)
    bytes += [UInt8](repeating: 0x20, count: Int(length))
    let expected = SafetensorsError.headerTooLarge(
      headerLength: length, limit: SafetensorsFile.maxHeaderLength)
    #expect(throws: expected) {
      try SafetensorsFile(bytes: bytes)
    }
  }

  @Test func headerNotUTF8() {
    let bytes = SafetensorsTestFile.lengthField(3) + [0x7B, 0xFF, 0x7D]
    #expect(throws: SafetensorsError.headerNotUTF8) {
      try SafetensorsFile(bytes: bytes)
    }
  }

  @Test(arguments: [
    ("", 0), ("{", 1), ("{\"a\" 1}", 5), ("{\"a\": 01}", 7), ("[1,]", 3), ("{} x", 3),
    ("{\"a\": tru}", 9), ("{\"a\": \"\\x\"}", 8), ("{\"a\": \"\\ud800\"}", 13),
    ("{\"a\": \"\u{01}\"}", 7), ("{\"a\": 1.}", 8), ("{,}", 1),
  ])
  func invalidJSON(header: String, offset: Int) throws {
    let error = #expect(throws: SafetensorsError.self) {
      try SafetensorsFile(bytes: SafetensorsTestFile.bytes(header: header))
    }
    guard case .invalidJSON(let actualOffset, _)? = error else {
      Issue.record("expected invalidJSON, got \(String(describing: error))")
      return
    }
    #expect(actualOffset == offset)
  }

  @Test func headerNotObject() {
    #expect(throws: SafetensorsError.headerNotObject) {
      try SafetensorsFile(bytes: SafetensorsTestFile.bytes(header: "[1, 2]"))
    }
  }

  @Test func deepNestingRejected() {
    let header = "{\"a\": " + String(repeating: "[", count: 100_000)
    #expect(throws: SafetensorsError.nestingTooDeep(offset: 69, limit: 64)) {
      try SafetensorsFile(bytes: SafetensorsTestFile.bytes(header: header))
    }
  }

  @Test func duplicateKeyRejected() {
    let header = """
      {"a": {"dtype": "U8", "shape": [1], "data_offsets": [0, 1]},
       "a": {"dtype": "U8", "shape": [1], "data_offsets": [1, 2]}}
      """
    #expect(throws: SafetensorsError.duplicateKey(key: "a")) {
      try SafetensorsFile(bytes: SafetensorsTestFile.bytes(header: header, buffer: [1, 2]))
    }
  }

  @Test func invalidMetadataRejected() {
    #expect(throws: SafetensorsError.invalidMetadata(key: "n")) {
      try SafetensorsFile(bytes: SafetensorsTestFile.bytes(header: #"{"__metadata__": {"n": 1}}"#))
    }
    #expect(throws: SafetensorsError.invalidMetadata(key: nil)) {
      try SafetensorsFile(bytes: SafetensorsTestFile.bytes(header: #"{"__metadata__": []}"#))
    }
  }
}
