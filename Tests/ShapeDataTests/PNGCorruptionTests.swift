import ShapeData
import Testing

/// Damaged PNG files whose chunk CRCs are repaired, so the damage reaches the header,
/// palette and image data checks instead of stopping at the CRC check.
@Suite struct PNGCorruptionTests {
  /// Returns the byte ranges of each chunk's type and data, which its CRC covers.
  private func chunkRanges(_ bytes: [UInt8]) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var offset = 8
    while bytes.count - offset >= 12 {
      let length = bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
      ranges.append((offset + 4)..<(offset + 8 + length))
      offset += 12 + length
    }
    return ranges
  }

  private func repairCRC(_ bytes: inout [UInt8], _ range: Range<Int>) {
    let crc = CRC32.checksum(bytes[range])
    for index in 0..<4 {
      bytes[range.upperBound + index] = UInt8(truncatingIfNeeded: crc >> (24 - 8 * index))
    }
  }

  @Test(arguments: ["type0_depth1_adam7", "type3_depth4", "type6_depth16_adam7", "type2_depth8"])
  func damagedFilesNeverCrash(name: String) throws {
    let original = try inputBytes("png/\(name).png")
    let ranges = chunkRanges(original)
    var generator = SplitMix64(seed: 7)
    var failures = 0
    for _ in 0..<400 {
      var damaged = original
      let range = ranges[Int(generator.next() % UInt64(ranges.count - 1))]
      guard !range.isEmpty else { continue }
      for _ in 0..<2 {
        let index = range.lowerBound + 4 + Int(generator.next() % UInt64(max(1, range.count - 4)))
        if index < range.upperBound {
          damaged[index] ^= UInt8(truncatingIfNeeded: generator.next() | 1)
        }
      }
      repairCRC(&damaged, range)
      do {
        let image = try PNGDecoder.decodeGrayscale(damaged)
        #expect(image.pixels.count == image.width * image.height)
      } catch {
        failures += 1
        #expect(!error.description.isEmpty)
      }
    }
    // Most random damage must be detected; a few flips land in unused or tolerant bits.
    #expect(failures > 0)
  }
}
