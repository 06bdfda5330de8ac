import Testing

@testable import ShapeTensor

@Suite("TorchGenerator")
struct TorchGeneratorTests {
  @Test("first output for seed 5489")
  func firstOutputOfDefaultSeed() {
    var generator = TorchGenerator(seed: 5489)
    #expect(generator.nextUInt32() == 3_499_211_612)
  }

  @Test("10000th output for seed 5489")
  func tenThousandthOutput() {
    // The C++ standard fixes this value for std::mt19937 default-seeded with 5489.
    var generator = TorchGenerator(seed: 5489)
    for _ in 1..<10_000 {
      _ = generator.nextUInt32()
    }
    #expect(generator.nextUInt32() == 4_123_659_995)
  }

  @Test("seed uses only the low 32 bits")
  func seedHighBitsIgnored() {
    var low = TorchGenerator(seed: 42)
    var high = TorchGenerator(seed: 42 + (1 << 32))
    for _ in 0..<1_300 {
      #expect(low.nextUInt32() == high.nextUInt32())
    }
  }

  @Test("negative Python seed wraps to 2^64 - 1")
  func negativeSeed() {
    var negative = TorchGenerator(seed: UInt64(bitPattern: -1))
    var allOnes = TorchGenerator(seed: 0xffff_ffff)
    #expect(negative.nextUInt32() == allOnes.nextUInt32())
  }

  @Test("different seeds give different streams")
  func differentSeeds() {
    var first = TorchGenerator(seed: 0)
    var second = TorchGenerator(seed: 1)
    #expect(first.nextUInt32() != second.nextUInt32())
  }
}
