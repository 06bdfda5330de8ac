import Testing

@testable import ShapeTensor

/// Inputs of the reference table; the expected rows below are PyTorch 2.13 CPU float32 results
/// for these inputs.
private let sampleInputs: [Float] = [
  -20, -8, -3.5, -1, -0.5, -1e-3, 0, 1e-3, 0.25, 0.5, 1, 2.5, 3.5, 8, 20,
]

private let referenceRows: [(Activation, [Float])] = [
  (
    .sigmoid,
    [
      2.0611537e-09, 0.00033535014, 0.02931223, 0.26894143, 0.37754068, 0.49975002, 0.5,
      0.50025, 0.5621765, 0.62245935, 0.7310586, 0.9241418, 0.97068775, 0.99966466, 1.0,
    ]
  ),
  (
    .tanh,
    [
      -1.0, -0.99999976, -0.9981779, -0.7615942, -0.46211717, -0.0009999997, 0.0,
      0.0009999997, 0.24491866, 0.46211717, 0.7615942, 0.9866143, 0.9981779, 0.99999976, 1.0,
    ]
  ),
  (
    .gelu,
    [
      -0.0, -0.0, -0.00081433356, -0.15865526, -0.15426877, -0.00049960107, 0.0, 0.000500399,
      0.14967658, 0.34573123, 0.8413447, 2.4844759, 3.4991856, 8.0, 20.0,
    ]
  ),
  (
    .geluTanh,
    [
      -0.0, -0.0, -0.0006161481, -0.158808, -0.154286, -0.00049960107, 0.0, 0.000500399,
      0.14967535, 0.345714, 0.841192, 2.4849157, 3.4993837, 8.0, 20.0,
    ]
  ),
  (
    .silu,
    [
      -4.1223075e-08, -0.002682801, -0.10259281, -0.26894143, -0.18877034, -0.00049975, 0.0,
      0.00050025, 0.14054413, 0.31122968, 0.7310586, 2.3103545, 3.3974073, 7.9973173, 20.0,
    ]
  ),
  (
    .leakyRelu(negativeSlope: 0.2),
    [
      -4.0, -1.6, -0.7, -0.2, -0.1, -0.00020000001, 0.0, 0.001, 0.25, 0.5, 1.0, 2.5, 3.5, 8.0,
      20.0,
    ]
  ),
]

@Suite("Activation")
struct ActivationTests {
  @Test("matches PyTorch reference values", arguments: 0..<6)
  func matchesPyTorch(row: Int) {
    let (activation, expected) = referenceRows[row]
    let output = Tensor(shape: [3, 5], scalars: sampleInputs).applying(activation)
    #expect(output.shape == [3, 5])
    for (index, value) in output.scalars.enumerated() {
      // 1e-6 absolute, widened by 1e-7 relative for the outputs near 20 whose ulp is 2e-6.
      let tolerance = 1e-6 + 1e-7 * abs(expected[index])
      #expect(abs(value - expected[index]) <= tolerance, "\(activation) of \(sampleInputs[index])")
    }
  }

  @Test("relu keeps NaN and negative zero")
  func reluSpecialValues() {
    let input = Tensor(shape: [6], scalars: [.nan, -0.0, 0, -.infinity, .infinity, -1e30])
    let output = input.relu().scalars
    #expect(output[0].isNaN)
    #expect(output[1].bitPattern == (-0.0 as Float).bitPattern)
    #expect(output[2].bitPattern == 0)
    #expect(output[3] == 0)
    #expect(output[4] == .infinity)
    #expect(output[5] == 0)
  }

  @Test("leaky relu special values")
  func leakyReluSpecialValues() {
    let input = Tensor(shape: [4], scalars: [.nan, -0.0, -.infinity, -1e30])
    let output = input.leakyRelu().scalars
    #expect(output[0].isNaN)
    #expect(output[1].bitPattern == (-0.0 as Float).bitPattern)
    #expect(output[2] == -.infinity)
    // PyTorch 2.13 gives -9.99999944e27, the Float32 product -1e30 · 0.01.
    #expect(output[3] == Float(-1e30) * Float(0.01))
  }

  @Test("sigmoid saturates without NaN")
  func sigmoidExtremes() {
    let input = Tensor(shape: [6], scalars: [-1e30, -100, -.infinity, 100, 1e30, .infinity])
    #expect(input.sigmoid().scalars == [0, 0, 0, 1, 1, 1])
    #expect(Tensor(shape: [1], scalars: [.nan]).sigmoid().scalars[0].isNaN)
  }

  @Test("silu and gelu at large magnitudes")
  func siluAndGeluExtremes() {
    let input = Tensor(shape: [4], scalars: [-100, 100, -1e30, 1e30])
    #expect(input.silu().scalars == [-0.0, 100, -0.0, 1e30])
    #expect(input.gelu().scalars == [-0.0, 100, -0.0, 1e30])
    #expect(input.gelu(tanhApproximation: true).scalars == [-0.0, 100, -0.0, 1e30])
    // PyTorch 2.13 also gives NaN here, because -∞ / ∞ and -∞ · 0 are NaN.
    #expect(Activation.silu(-.infinity).isNaN)
    #expect(Activation.gelu(-.infinity).isNaN)
  }

  @Test("tanh saturates")
  func tanhExtremes() {
    let input = Tensor(shape: [4], scalars: [-.infinity, -50, 50, .infinity])
    #expect(input.tanh().scalars == [-1, -1, 1, 1])
  }

  @Test("identity returns the input")
  func identity() {
    let input = Tensor(shape: [2, 2], scalars: [.nan, -0.0, 3, -.infinity])
    let output = input.applying(.identity)
    #expect(output.shape == [2, 2])
    #expect(output.scalars.map(\.bitPattern) == input.scalars.map(\.bitPattern))
  }

  @Test("empty tensor stays empty")
  func emptyTensor() {
    let input = Tensor(shape: [0, 3], scalars: [])
    #expect(input.sigmoid().shape == [0, 3])
    #expect(input.relu().scalars.isEmpty)
  }
}
