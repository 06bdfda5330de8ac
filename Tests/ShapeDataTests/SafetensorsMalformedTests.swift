import ShapeData
import Testing

/// Damaged copies of valid files: every one must parse or throw, never trap.
@Suite struct SafetensorsMalformedTests {
  static let valid: [UInt8] = {
    let header = """
      {"__metadata__": {"k": "v"},
       "a": {"dtype": "F16", "shape": [2], "data_offsets": [0, 4]},
       "b": {"dtype": "F32", "shape": [1, 1], "data_offsets": [4, 8]}}
      """
    return SafetensorsTestFile.bytes(header: header, buffer: [0, 0x3C, 0, 0xBC, 0, 0, 0x80, 0x3F])
  }()

  @Test func everyTruncationIsRejected() {
    for length in 0..<Self.valid.count {
      #expect(throws: SafetensorsError.self, "length \(length)") {
        try SafetensorsFile(bytes: Array(Self.valid.prefix(length)))
      }
    }
  }

  @Test func everyByteValueAtEveryPositionParsesOrThrows() throws {
    var accepted = 0
    for position in Self.valid.indices {
      for value in [0x00, 0x22, 0x2C, 0x5D, 0x7B, 0x7D, 0xFF] as [UInt8] {
        var bytes = Self.valid
        bytes[position] = value
        guard let file = try? SafetensorsFile(bytes: bytes) else { continue }
        accepted += 1
        for entry in file.entries {
          _ = try? file.floats(for: entry)
        }
      }
    }
    // Changing buffer bytes keeps the file valid, so some variants must be accepted.
    #expect(accepted > 0)
  }
}
