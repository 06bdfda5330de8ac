import ShapeData
import Testing

@Suite struct IDXReaderTests {
  @Test func imagesArray() throws {
    let pixels = (0..<12).map { UInt8($0 * 20) }
    let bytes = IDXTestFile.bytes(dimensions: [3, 2, 2], data: pixels)
    let array = try IDXReader.parseUncompressed(bytes)
    #expect(array.type == .unsignedByte)
    #expect(array.dimensions == [3, 2, 2])
    #expect(array.data == pixels)
  }

  @Test(arguments: [
    (UInt8(0x09), IDXElementType.signedByte, 1), (0x0B, .short, 2), (0x0C, .int, 4),
    (0x0D, .float, 4), (0x0E, .double, 8),
  ])
  func otherElementTypes(code: UInt8, type: IDXElementType, size: Int) throws {
    let data = [UInt8](repeating: 7, count: 5 * size)
    let array = try IDXReader.parseUncompressed(
      IDXTestFile.bytes(typeCode: code, dimensions: [5], data: data))
    #expect(array.type == type)
    #expect(array.type.byteSize == size)
    #expect(array.data.count == 5 * size)
  }

  @Test func largeDimensionIsBigEndian() throws {
    let data = [UInt8](repeating: 1, count: 0x0102)
    let array = try IDXReader.parseUncompressed(IDXTestFile.bytes(dimensions: [0x0102], data: data))
    #expect(array.dimensions == [258])
  }

  @Test func zeroDimensionWithHugeOthers() throws {
    let bytes = IDXTestFile.bytes(dimensions: [.max, .max, .max, 0], data: [])
    let array = try IDXReader.parseUncompressed(bytes)
    #expect(array.data.isEmpty)
  }

  @Test func dimensionProductOverflow() {
    let dimensions: [UInt32] = [.max, .max, .max]
    let big = Int(UInt32.max)
    #expect(throws: IDXError.sizeOverflow(dimensions: [big, big, big])) {
      try IDXReader.parseUncompressed(IDXTestFile.bytes(dimensions: dimensions, data: [1]))
    }
  }

  @Test func byteSizeOverflowForDoubles() {
    // 2^31 × 2^30 elements fit in Int, but 8 bytes each do not.
    let dimensions: [UInt32] = [1 << 31, 1 << 30]
    #expect(throws: IDXError.sizeOverflow(dimensions: [1 << 31, 1 << 30])) {
      try IDXReader.parseUncompressed(
        IDXTestFile.bytes(typeCode: 0x0E, dimensions: dimensions, data: []))
    }
  }

  @Test func truncatedHeaders() {
    #expect(throws: IDXError.truncatedHeader(byteCount: 3, headerLength: 4)) {
      try IDXReader.parseUncompressed([0, 0, 8])
    }
    #expect(throws: IDXError.truncatedHeader(byteCount: 10, headerLength: 16)) {
      try IDXReader.parseUncompressed([0, 0, 8, 3, 0, 0, 0, 1, 0, 0])
    }
  }

  @Test func invalidMagic() {
    #expect(throws: IDXError.invalidMagic(firstBytes: [0x1F, 0x8B])) {
      try IDXReader.parseUncompressed([0x1F, 0x8B, 8, 0])
    }
  }

  @Test func unknownElementType() {
    #expect(throws: IDXError.unknownElementType(code: 0x0A)) {
      try IDXReader.parseUncompressed(IDXTestFile.bytes(typeCode: 0x0A, dimensions: [1], data: [1]))
    }
  }

  @Test func dataSizeMismatch() {
    #expect(throws: IDXError.dataSizeMismatch(expectedBytes: 8, actualBytes: 7)) {
      try IDXReader.parseUncompressed(
        IDXTestFile.bytes(dimensions: [2, 2, 2], data: [UInt8](repeating: 0, count: 7)))
    }
    #expect(throws: IDXError.dataSizeMismatch(expectedBytes: 8, actualBytes: 9)) {
      try IDXReader.parseUncompressed(
        IDXTestFile.bytes(typeCode: 0x0C, dimensions: [2], data: [UInt8](repeating: 0, count: 9)))
    }
  }
}
