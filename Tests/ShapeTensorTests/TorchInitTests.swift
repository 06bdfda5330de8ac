import Testing

@testable import ShapeTensor

/// Values made by PyTorch 2.15 (and again by 2.13) after `torch.manual_seed(42)`, as Float32
/// bit patterns, with the element's row-major index in its tensor.
private typealias QuotedValues = [(index: Int, bits: UInt32)]

/// Checks that `tensor` contains `expected` at each quoted row-major index, bit for bit.
private func expectBits(
  _ tensor: Tensor?, shape: [Int], _ expected: QuotedValues,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard let tensor else {
    Issue.record("missing tensor", sourceLocation: sourceLocation)
    return
  }
  #expect(tensor.shape == shape, sourceLocation: sourceLocation)
  for (index, bits) in expected {
    guard index < tensor.count else {
      let message = "index \(index) outside \(tensor.count) elements"
      Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
      continue
    }
    let actual = tensor.scalars[index].bitPattern
    #expect(actual == bits, "element \(index)", sourceLocation: sourceLocation)
  }
}

@Suite("TorchInit")
struct TorchInitTests {
  @Test("bounds match Python's double arithmetic")
  func boundsMatchPython() {
    // Python: math.sqrt(3.0) * (math.sqrt(2.0 / (1 + math.sqrt(5)**2)) / math.sqrt(fan_in)).
    #expect(TorchInit.kaimingUniformBound(fanIn: 784) == Double("0x1.2492492492492p-5"))
    #expect(TorchInit.kaimingUniformBound(fanIn: 25) == Double("0x1.9999999999999p-3"))
    #expect(TorchInit.kaimingUniformBound(fanIn: 150) == Double("0x1.4e6fdf33cf031p-4"))
    #expect(TorchInit.kaimingUniformBound(fanIn: 1) == Double("0x1.fffffffffffffp-1"))
    #expect(TorchInit.kaimingUniformBound(fanIn: 10, a: 0) == Double("0x1.8c97ef43f7247p-1"))
    #expect(TorchInit.biasBound(fanIn: 25) == Double("0x1.999999999999ap-3"))
    #expect(TorchInit.biasBound(fanIn: 150) == Double("0x1.4e6fdf33cf032p-4"))
    #expect(TorchInit.biasBound(fanIn: 400) == 0.05)
  }

  @Test("bounds are zero for empty fan-in")
  func boundsForEmptyFanIn() {
    #expect(TorchInit.kaimingUniformBound(fanIn: 0) == 0)
    #expect(TorchInit.kaimingUniformBound(fanIn: -3) == 0)
    #expect(TorchInit.biasBound(fanIn: 0) == 0)
  }

  @Test("fan-in of weight shapes")
  func fanInOfWeightShapes() {
    #expect(TorchInit.fanIn(weightShape: [30, 784]) == 784)
    #expect(TorchInit.fanIn(weightShape: [16, 6, 5, 5]) == 150)
    #expect(TorchInit.fanIn(weightShape: [4, 0]) == 0)
    #expect(TorchInit.fanIn(weightShape: [30]) == nil)
    #expect(TorchInit.fanIn(weightShape: []) == nil)
    #expect(TorchInit.fanIn(weightShape: [2, -1]) == nil)
    #expect(TorchInit.fanIn(weightShape: [1, Int.max, 2]) == nil)
  }

  @Test("MLP 784-30-1 matches PyTorch seed 42")
  func simpleNetSeed42() throws {
    var generator = TorchGenerator(seed: 42)
    let first = try #require(
      TorchInit.defaultParameters(weightShape: [30, 784], biasCount: 30, generator: &generator))
    let second = try #require(
      TorchInit.defaultParameters(weightShape: [1, 30], biasCount: 1, generator: &generator))

    expectBits(
      first.weight, shape: [30, 784],
      [
        (0, 0x3cdf_aea1), (1, 0x3cf2_d62c), (2, 0xbc09_1537), (783, 0x3c5c_ae58),
        (784, 0xbc9a_1bda), (4321, 0xba46_8c01), (11759, 0xba04_8d6e), (11760, 0xbc76_296a),
        (17000, 0x3c47_2433), (23000, 0x3d00_6893), (23518, 0xbc1b_e6b7),
        (23519, 0xbbae_9477),
      ])
    expectBits(
      first.bias, shape: [30],
      [(0, 0x3c89_1eae), (1, 0xbd04_e355), (14, 0xbc24_9260), (28, 0x3c0c_5945), (29, 0xbb53_ef01)]
    )
    expectBits(
      second.weight, shape: [1, 30],
      [(0, 0xbd72_f2c9), (7, 0xbd79_262d), (15, 0xbd80_c2af), (29, 0xbd97_9cfd)])
    expectBits(second.bias, shape: [1], [(0, 0xbc61_b6e7)])
  }

  @Test("LeNet conv and linear layers match PyTorch seed 42")
  func lenetSeed42() throws {
    // Conv2d(1, 6, 5), Conv2d(6, 16, 5), then Linear(400, 120), Linear(120, 84), Linear(84, 10).
    // BatchNorm2d between them draws nothing.
    var generator = TorchGenerator(seed: 42)
    typealias Layer = (weightShape: [Int], expectedWeight: QuotedValues, expectedBias: QuotedValues)
    let layers: [Layer] = [
      ([6, 1, 5, 5], [(0, 0x3e1c_93d7), (75, 0xbe20_3a65), (149, 0xbe22_63f5)],
       [(0, 0x3d4e_2a73), (5, 0xbe16_5025)]),
      ([16, 6, 5, 5], [(0, 0x3d32_bd83), (1234, 0xbcf2_7e0e), (2399, 0xbd69_1132)],
       [(0, 0xbb62_3b3f), (15, 0x3d31_ec6d)]),
      ([120, 400], [(0, 0xba21_f333), (47999, 0x3ce6_3ee7)],
       [(0, 0xbce8_4d3d), (119, 0xbd1a_4e63)]),
      ([84, 120], [(0, 0x3bcf_00fa), (10079, 0x3c8c_1f78)], [(83, 0xbd15_063f)]),
      ([10, 84], [(0, 0xbcad_ef2c), (839, 0x3b67_b9a9)], [(0, 0x3ddb_18bb), (9, 0x3cc1_e9a7)]),
    ]
    for layer in layers {
      let outputs = layer.weightShape[0]
      let parameters = try #require(
        TorchInit.defaultParameters(
          weightShape: layer.weightShape, biasCount: outputs, generator: &generator))
      expectBits(parameters.weight, shape: layer.weightShape, layer.expectedWeight)
      expectBits(parameters.bias, shape: [outputs], layer.expectedBias)
    }
  }

  @Test("bias-free layer skips the bias draws")
  func biasFreeLayer() throws {
    var withoutBias = TorchGenerator(seed: 42)
    let first = try #require(
      TorchInit.defaultParameters(weightShape: [30, 784], biasCount: nil, generator: &withoutBias))
    #expect(first.bias == nil)
    // The next layer's weight now starts where linear_1.bias started in the seed-42 stream.
    let next = TorchInit.uniform(count: 1, from: -1, to: 1, generator: &withoutBias)
    var reference = TorchGenerator(seed: 42)
    _ = TorchInit.uniform(count: 30 * 784, from: -1, to: 1, generator: &reference)
    #expect(next == TorchInit.uniform(count: 1, from: -1, to: 1, generator: &reference))
  }

  @Test("invalid weight shapes return nil")
  func invalidWeightShapes() {
    var generator = TorchGenerator(seed: 0)
    #expect(
      TorchInit.defaultParameters(weightShape: [5], biasCount: 5, generator: &generator) == nil)
    #expect(
      TorchInit.defaultParameters(weightShape: [5, 2], biasCount: -1, generator: &generator) == nil)
    #expect(
      TorchInit.defaultParameters(
        weightShape: [Int.max, 2, 2], biasCount: nil, generator: &generator) == nil)
  }

  @Test("empty fan-in gives +0 bias as PyTorch")
  func emptyFanInBias() throws {
    // nn.Linear(0, 3) in PyTorch 2.13: the bias bound is the integer 0, so the bias is all +0.0.
    var generator = TorchGenerator(seed: 42)
    let parameters = try #require(
      TorchInit.defaultParameters(weightShape: [3, 0], biasCount: 3, generator: &generator))
    #expect(parameters.weight.count == 0)
    let bias = try #require(parameters.bias)
    #expect(bias.scalars.map(\.bitPattern) == [0, 0, 0])
  }

  /// `torch.manual_seed(7); torch.empty(24).uniform_(0.1, 0.7)` on PyTorch 2.13, x86-64.
  private static let fusedUniform: [UInt32] = [
    0x3ed7_8738, 0x3e60_8b70, 0x3efd_b5b7, 0x3efc_ff26, 0x3e75_68a0, 0x3eb5_c763,
    0x3e65_a237, 0x3ef4_a7ae, 0x3ea3_6cd4, 0x3f1c_5ad5, 0x3f1c_eb55, 0x3edc_7281,
    0x3e8b_5123, 0x3e65_29a2, 0x3ebb_ee84, 0x3ea1_9298, 0x3f08_401c, 0x3e13_487a,
    0x3f2e_9464, 0x3e28_9fc1, 0x3f21_35c2, 0x3eb2_206c, 0x3f0d_e7b2, 0x3f04_541d,
  ]

  /// The same call with `ATEN_CPU_CAPABILITY=default`; elements 14, 19 and 23 differ.
  private static let separateUniform: [UInt32] = [
    0x3ed7_8738, 0x3e60_8b70, 0x3efd_b5b7, 0x3efc_ff26, 0x3e75_68a0, 0x3eb5_c763,
    0x3e65_a237, 0x3ef4_a7ae, 0x3ea3_6cd4, 0x3f1c_5ad5, 0x3f1c_eb55, 0x3edc_7281,
    0x3e8b_5123, 0x3e65_29a2, 0x3ebb_ee83, 0x3ea1_9298, 0x3f08_401c, 0x3e13_487a,
    0x3f2e_9464, 0x3e28_9fc2, 0x3f21_35c2, 0x3eb2_206c, 0x3f0d_e7b2, 0x3f04_541e,
  ]

  @Test("asymmetric uniform with fused rounding")
  func asymmetricFused() {
    var generator = TorchGenerator(seed: 7)
    let values = TorchInit.uniform(count: 24, from: 0.1, to: 0.7, generator: &generator)
    #expect(values.map(\.bitPattern) == Self.fusedUniform)
  }

  @Test("asymmetric uniform with separate rounding")
  func asymmetricSeparate() {
    var generator = TorchGenerator(seed: 7)
    let values = TorchInit.uniform(
      count: 24, from: 0.1, to: 0.7, generator: &generator, arithmetic: .separateRounding)
    #expect(values.map(\.bitPattern) == Self.separateUniform)
  }

  @Test("one-ulp range never returns the upper bound")
  func oneUlpRange() {
    // PyTorch 2.13 returns 1.0 for every element of uniform_(1.0, 1.0000001).
    for arithmetic in [TorchUniformArithmetic.fusedMultiplyAdd, .separateRounding] {
      var generator = TorchGenerator(seed: 7)
      let values = TorchInit.uniform(
        count: 200, from: 1.0, to: 1.0000001, generator: &generator, arithmetic: arithmetic)
      #expect(values.allSatisfy { $0 == 1.0 })
    }
  }

  @Test("rounding up to the upper bound returns the lower")
  func roundingToUpperBound() {
    // x = 1 − 2⁻²⁴ gives 1 + x, which rounds to 2 in Float32, so PyTorch returns 1.
    for arithmetic in [TorchUniformArithmetic.fusedMultiplyAdd, .separateRounding] {
      let largest = TorchInit.uniformValue(
        draw: 0xffff_ffff, lower: 1, upper: 2, arithmetic: arithmetic)
      #expect(largest == 1)
      let belowLargest = TorchInit.uniformValue(
        draw: 0x00ff_fffe, lower: 1, upper: 2, arithmetic: arithmetic)
      #expect(belowLargest == 2 - 0x1p-23)
    }
    // With a symmetric range the largest draw stays below the upper bound.
    let symmetric = TorchInit.uniformValue(
      draw: 0x00ff_ffff, lower: -1, upper: 1, arithmetic: .fusedMultiplyAdd)
    #expect(symmetric == 1 - 0x1p-23)
  }

  @Test("uniform consumes one draw per element")
  func oneDrawPerElement() {
    var drawn = TorchGenerator(seed: 3)
    _ = TorchInit.uniform(count: 700, from: -2, to: 5, generator: &drawn)
    var raw = TorchGenerator(seed: 3)
    for _ in 0..<700 {
      _ = raw.nextUInt32()
    }
    #expect(drawn.nextUInt32() == raw.nextUInt32())
  }

  @Test("uniform with no elements draws nothing")
  func emptyUniform() {
    var generator = TorchGenerator(seed: 3)
    #expect(TorchInit.uniform(count: 0, from: 0, to: 1, generator: &generator).isEmpty)
    #expect(TorchInit.uniform(count: -5, from: 0, to: 1, generator: &generator).isEmpty)
    var fresh = TorchGenerator(seed: 3)
    #expect(generator.nextUInt32() == fresh.nextUInt32())
  }
}
