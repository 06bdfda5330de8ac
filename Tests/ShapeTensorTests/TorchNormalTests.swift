import Testing

@testable import ShapeTensor

@Suite("TorchInit.normal")
struct TorchNormalTests {
  /// `torch.manual_seed(3); torch.empty(21).normal_()` on PyTorch 2.13 with
  /// `ATEN_CPU_CAPABILITY=default`: 16 values from the Float32 path, then the last 16 redrawn.
  private static let defaultCapabilityBits: [UInt32] = [
    0xbd9c_f7b1, 0x3eb8_4264, 0xbf48_3240, 0x3d92_7d22, 0x3f2a_32eb, 0x3f05_ae0c, 0xbe2a_d005,
    0x3d59_398d, 0x3ecf_28ab, 0x3f1c_7e23, 0x3f42_a8f2, 0xbd09_cd85, 0xbeb0_8f91, 0x3eeb_19b3,
    0x401b_edee, 0xbe16_54e2, 0x3ef8_60dc, 0x3e52_28f6, 0x3ead_4676, 0x3fad_270b, 0x3ebf_4d23,
  ]

  /// The same call with PyTorch's AVX-512 build, whose vectorized log and sine differ in the
  /// last bits.
  private static let vectorizedValues: [Float] = [
    -0.07664429, 0.35988152, -0.7820168, 0.071527734, 0.6648394, 0.522187, -0.16680916,
    0.0530334, 0.40460715, 0.61129963, 0.7603904, -0.033643261, -0.34484532, 0.45918044,
    2.436397, -0.14680818, 0.4851140, 0.20523438, 0.3384282, 1.352754, 0.37363538,
  ]

  @Test("Float32 path matches PyTorch DEFAULT bits")
  func floatPathBits() {
    var generator = TorchGenerator(seed: 3)
    let values = TorchInit.normal(count: 21, mean: 0, std: 1, generator: &generator)
    #expect(values.map(\.bitPattern) == Self.defaultCapabilityBits)
  }

  @Test("Float32 path is close to vectorized PyTorch")
  func floatPathCloseToVectorized() {
    var generator = TorchGenerator(seed: 3)
    let values = TorchInit.normal(count: 21, mean: 0, std: 1, generator: &generator)
    for (index, value) in values.enumerated() {
      let expected = Self.vectorizedValues[index]
      #expect(abs(value - expected) <= 2e-6, "element \(index)")
    }
  }

  @Test("Float32 path with mean and std")
  func floatPathMeanAndStd() {
    // torch.manual_seed(3); torch.empty(40).normal_(0.5, 2.0), first 8, any CPU capability.
    let expected: [UInt32] = [
      0x3eb1_8428, 0x3f9c_2132, 0xbf88_3240, 0x3f24_9f48, 0x3fea_32eb, 0xbd96_a6e8,
      0x406f_6e35, 0xc02c_60ee,
    ]
    var generator = TorchGenerator(seed: 3)
    let values = TorchInit.normal(count: 40, mean: 0.5, std: 2, generator: &generator)
    #expect(values.count == 40)
    #expect(Array(values.prefix(8)).map(\.bitPattern) == expected)
  }

  @Test("Double path for small tensors")
  func doublePathBits() {
    // torch.manual_seed(3); torch.empty(5).normal_(0.5, 2.0) on PyTorch 2.13.
    let expected: [UInt32] = [0x4006_d1c0, 0x3f59_83c3, 0x3f2d_8e89, 0xbf3a_393f, 0x3f17_a53a]
    var generator = TorchGenerator(seed: 3)
    let values = TorchInit.normal(count: 5, mean: 0.5, std: 2, generator: &generator)
    #expect(values.map(\.bitPattern) == expected)
  }

  @Test("Double path keeps the pair's second value")
  func cachedSecondValue() {
    var split = TorchGenerator(seed: 3)
    let first = TorchInit.normal(count: 3, mean: 0, std: 1, generator: &split)
    let second = TorchInit.normal(count: 3, mean: 0, std: 1, generator: &split)
    var whole = TorchGenerator(seed: 3)
    let joined = TorchInit.normal(count: 6, mean: 0, std: 1, generator: &whole)
    #expect(first + second == joined)
    // Three values use two pairs, so four 64-bit draws, which are eight 32-bit draws.
    var raw = TorchGenerator(seed: 3)
    for _ in 0..<8 {
      _ = raw.nextUInt32()
    }
    var afterThree = TorchGenerator(seed: 3)
    _ = TorchInit.normal(count: 3, mean: 0, std: 1, generator: &afterThree)
    #expect(afterThree.nextUInt32() == raw.nextUInt32())
  }

  @Test("Float32 path draws count plus tail")
  func floatPathDrawCount() {
    // 21 values: 21 draws for the fill, then 16 more for the redrawn tail.
    var generator = TorchGenerator(seed: 5)
    _ = TorchInit.normal(count: 21, mean: 0, std: 1, generator: &generator)
    var raw = TorchGenerator(seed: 5)
    for _ in 0..<37 {
      _ = raw.nextUInt32()
    }
    #expect(generator.nextUInt32() == raw.nextUInt32())
  }

  @Test("zero std gives the mean")
  func zeroStd() {
    var generator = TorchGenerator(seed: 1)
    #expect(TorchInit.normal(count: 20, mean: 1.5, std: 0, generator: &generator).allSatisfy {
      $0 == 1.5
    })
    #expect(TorchInit.normal(count: 3, mean: -2, std: 0, generator: &generator) == [-2, -2, -2])
  }

  @Test("normal values are finite", arguments: [16, 31, 64, 1_000])
  func finiteValues(count: Int) {
    var generator = TorchGenerator(seed: 9)
    let values = TorchInit.normal(count: count, mean: 0, std: 1, generator: &generator)
    #expect(values.count == count)
    #expect(values.allSatisfy { $0.isFinite })
  }

  @Test("empty count draws nothing")
  func emptyCount() {
    var generator = TorchGenerator(seed: 1)
    #expect(TorchInit.normal(count: 0, mean: 0, std: 1, generator: &generator).isEmpty)
    var fresh = TorchGenerator(seed: 1)
    #expect(generator.nextUInt32() == fresh.nextUInt32())
  }
}
