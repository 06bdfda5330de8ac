import Foundation

/// The rounding of the affine step `x · (to − from) + from` in PyTorch's CPU `uniform_` kernel
/// for float32.
///
/// PyTorch compiles that kernel once per CPU capability. Its AVX2 and AVX-512 builds contract the
/// step into one fused multiply-add, while its DEFAULT build (chosen on CPUs without AVX2, or with
/// `ATEN_CPU_CAPABILITY=default`) rounds the product and the sum separately. Checked with PyTorch
/// 2.13 on x86-64; symmetric bounds such as those of `nn.Linear` still give different bits in
/// about half the elements.
public enum TorchUniformArithmetic: Sendable, Equatable {
  /// One rounding, as the AVX2 and AVX-512 builds compute it.
  case fusedMultiplyAdd
  /// A rounding after the product and another after the sum, as the DEFAULT build computes it.
  case separateRounding
}

/// PyTorch's default parameter initialization for `nn.Linear` and `nn.Conv*d`, reproduced bit
/// for bit on the CPU.
///
/// The bounds follow `torch.nn.init` (Python, double precision) step by step. The draws follow
/// `torch.Tensor.uniform_` for float32, which takes one 32-bit output of the generator per element
/// in row-major order and scales its low 24 bits by 2⁻²⁴ to get `x` in [0, 1).
public enum TorchInit {
  /// Returns the bound of `kaiming_uniform_(tensor, a: a)` with the default `fan_in` mode and
  /// `leaky_relu` nonlinearity, in the order PyTorch's Python code computes it.
  ///
  /// The steps are gain = √(2 / (1 + a²)), std = gain / √fanIn, bound = √3 · std. With the default
  /// a = √5, a² is 5.000000000000001 in double precision, as in Python. Returns 0 when `fanIn` is
  /// not positive, where PyTorch leaves the zero-element tensor untouched.
  public static func kaimingUniformBound(fanIn: Int, a: Double = 5.0.squareRoot()) -> Double {
    guard fanIn > 0 else { return 0 }
    let gain = (2.0 / (1 + a * a)).squareRoot()
    let standardDeviation = gain / Double(fanIn).squareRoot()
    return 3.0.squareRoot() * standardDeviation
  }

  /// Returns the bias bound 1 / √fanIn of `nn.Linear` and `nn.Conv*d`, or 0 when `fanIn` is not
  /// positive, as PyTorch does.
  public static func biasBound(fanIn: Int) -> Double {
    guard fanIn > 0 else { return 0 }
    return 1 / Double(fanIn).squareRoot()
  }

  /// Returns the `fan_in` PyTorch computes for a weight of `shape`: `shape[1]` times the product
  /// of the dimensions after it, or nil when the rank is below 2 or the product overflows.
  public static func fanIn(weightShape shape: [Int]) -> Int? {
    guard shape.count >= 2, shape.allSatisfy({ $0 >= 0 }) else { return nil }
    return Tensor.elementCount(of: Array(shape.dropFirst()))
  }

  /// Fills `count` Float32 values from U(from, to) exactly as `torch.Tensor.uniform_` does on the
  /// CPU, taking one draw from `generator` per value.
  ///
  /// The bounds are first rounded to Float32. Each value is `x · (to − from) + from` in Float32
  /// with `x` = (draw & 0xFF_FFFF) · 2⁻²⁴, rounded as `arithmetic` selects. Rounding can reach
  /// `to` when the range is not wide against |to|, as in U(1, 2) for x = 1 − 2⁻²⁴. PyTorch then
  /// returns `from` to keep the range half open, and so does this function. Returns an empty
  /// array when `count` is not positive.
  ///
  /// - Precondition: `from` and `to` are finite and `from <= to`; PyTorch raises an error
  ///   otherwise.
  public static func uniform(
    count: Int, from: Double, to: Double, generator: inout TorchGenerator,
    arithmetic: TorchUniformArithmetic = .fusedMultiplyAdd
  ) -> [Float] {
    precondition(from.isFinite && to.isFinite, "uniform bounds must be finite: \(from), \(to)")
    precondition(from <= to, "uniform expects from <= to, got from=\(from) to=\(to)")
    guard count > 0 else { return [] }

    let lower = Float(from)
    let upper = Float(to)
    var values = [Float]()
    values.reserveCapacity(count)
    for _ in 0..<count {
      let draw = generator.nextUInt32()
      values.append(uniformValue(draw: draw, lower: lower, upper: upper, arithmetic: arithmetic))
    }
    return values
  }

  /// Returns the value PyTorch's float32 `uniform_` computes from one 32-bit `draw` for the
  /// bounds `lower` and `upper`, already rounded to Float32.
  static func uniformValue(
    draw: UInt32, lower: Float, upper: Float, arithmetic: TorchUniformArithmetic
  ) -> Float {
    let x = Float(draw & 0xff_ffff) * (1.0 / 16_777_216)
    let range = upper - lower
    var value: Float
    switch arithmetic {
    case .fusedMultiplyAdd:
      value = lower.addingProduct(x, range)
    case .separateRounding:
      let product = x * range
      value = product + lower
    }
    if value == upper { value = lower }
    return value
  }

  /// Draws the weight and bias that `reset_parameters` of `nn.Linear` and `nn.Conv*d` draw:
  /// the weight from `kaiming_uniform_(a: √5)`, then `biasCount` bias values from
  /// U(−1/√fan_in, 1/√fan_in), with fan_in taken from `weightShape`.
  ///
  /// Pass `biasCount: nil` for a layer built with `bias=False`, and the number of output
  /// channels otherwise. Returns nil when `weightShape` has rank below 2, a negative dimension
  /// or an element count that overflows, or when `biasCount` is negative.
  public static func defaultParameters(
    weightShape: [Int], biasCount: Int?, generator: inout TorchGenerator,
    arithmetic: TorchUniformArithmetic = .fusedMultiplyAdd
  ) -> (weight: Tensor, bias: Tensor?)? {
    guard let fan = fanIn(weightShape: weightShape),
      let weightCount = Tensor.elementCount(of: weightShape)
    else { return nil }
    if let biasCount, biasCount < 0 { return nil }

    let weightBound = kaimingUniformBound(fanIn: fan)
    let weightValues = uniform(
      count: weightCount, from: -weightBound, to: weightBound, generator: &generator,
      arithmetic: arithmetic)
    let weight = Tensor(shape: weightShape, scalars: weightValues)
    guard let biasCount else { return (weight, nil) }

    // With fan_in 0 PyTorch's bound is the Python integer 0, whose negation is +0.0, not -0.0.
    let bound = biasBound(fanIn: fan)
    let lower = bound == 0 ? 0 : -bound
    let biasValues = uniform(
      count: biasCount, from: lower, to: bound, generator: &generator, arithmetic: arithmetic)
    return (weight, Tensor(shape: [biasCount], scalars: biasValues))
  }
}
