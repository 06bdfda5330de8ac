import Foundation
import Testing

/// Reads a file under Tests/ShapeDataTests/Inputs, which the package copies into the bundle.
func inputBytes(_ relativePath: String) throws -> [UInt8] {
  let root = try #require(Bundle.module.resourceURL)
  let url = root.appendingPathComponent("Inputs").appendingPathComponent(relativePath)
  return [UInt8](try Data(contentsOf: url))
}

/// A writer of DEFLATE bit streams, for building streams that no compressor would emit.
struct BitWriter {
  private(set) var bytes: [UInt8] = []
  private var bitCount = 0

  /// Appends `count` bits of `value`, least significant bit first, as DEFLATE header
  /// fields and extra bits are stored.
  mutating func write(_ value: Int, bits count: Int) {
    for index in 0..<count {
      if bitCount % 8 == 0 { bytes.append(0) }
      if (value >> index) & 1 == 1 {
        bytes[bytes.count - 1] |= UInt8(1 << (bitCount % 8))
      }
      bitCount += 1
    }
  }

  /// Appends a Huffman code of `count` bits, most significant bit first.
  mutating func writeCode(_ code: Int, bits count: Int) {
    for index in stride(from: count - 1, through: 0, by: -1) {
      write((code >> index) & 1, bits: 1)
    }
  }

  /// Appends the fixed-Huffman code (RFC 1951 3.2.6) of a literal/length symbol.
  mutating func writeFixedLiteral(_ symbol: Int) {
    switch symbol {
    case 0...143: writeCode(0x30 + symbol, bits: 8)
    case 144...255: writeCode(0x190 + symbol - 144, bits: 9)
    case 256...279: writeCode(symbol - 256, bits: 7)
    default: writeCode(0xC0 + symbol - 280, bits: 8)
    }
  }
}
