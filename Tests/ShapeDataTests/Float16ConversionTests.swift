import ShapeData
import Testing

@Suite struct Float16ConversionTests {
  @Test func binary16SpecialValues() {
    #expect(Float16Conversion.float(fromBinary16: 0x3C00) == 1)
    #expect(Float16Conversion.float(fromBinary16: 0xC000) == -2)
    #expect(Float16Conversion.float(fromBinary16: 0x7BFF) == 65504)
    #expect(Float16Conversion.float(fromBinary16: 0x0400) == 0x1p-14)
    #expect(Float16Conversion.float(fromBinary16: 0x0001) == 0x1p-24)
    #expect(Float16Conversion.float(fromBinary16: 0x03FF) == 1023 * 0x1p-24)
    #expect(Float16Conversion.float(fromBinary16: 0x8001) == -0x1p-24)
    #expect(Float16Conversion.float(fromBinary16: 0x7C00) == .infinity)
    #expect(Float16Conversion.float(fromBinary16: 0xFC00) == -.infinity)
    #expect(Float16Conversion.float(fromBinary16: 0x7E00).isNaN)
    #expect(Float16Conversion.float(fromBinary16: 0x7C01).isNaN)
  }

  @Test func binary16SignedZeros() {
    let positive = Float16Conversion.float(fromBinary16: 0x0000)
    let negative = Float16Conversion.float(fromBinary16: 0x8000)
    #expect(positive == 0)
    #expect(positive.sign == .plus)
    #expect(negative == 0)
    #expect(negative.sign == .minus)
  }

  @Test func binary16MatchesStandardLibraryForEveryPattern() {
    var mismatches: [UInt16] = []
    for bits in UInt16.min...UInt16.max {
      let expected = Float(Float16(bitPattern: bits))
      let actual = Float16Conversion.float(fromBinary16: bits)
      let same = expected.isNaN ? actual.isNaN : actual.bitPattern == expected.bitPattern
      if !same { mismatches.append(bits) }
    }
    #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
  }

  @Test func bfloat16Values() {
    #expect(Float16Conversion.float(fromBFloat16: 0x3F80) == 1)
    #expect(Float16Conversion.float(fromBFloat16: 0xC0A0) == -5)
    #expect(Float16Conversion.float(fromBFloat16: 0x0001) == 0x1p-133)
    #expect(Float16Conversion.float(fromBFloat16: 0x7F80) == .infinity)
    #expect(Float16Conversion.float(fromBFloat16: 0xFF80) == -.infinity)
    #expect(Float16Conversion.float(fromBFloat16: 0x7FC0).isNaN)
    #expect(Float16Conversion.float(fromBFloat16: 0x8000).sign == .minus)
  }
}
