import Foundation

/// An element-wise activation function, computed in Float32 with the formulas PyTorch's CPU
/// kernels use.
///
/// `exp`, `erf` and `tanh` come from the C library, while PyTorch 2.13 uses SLEEF's vectorized
/// versions, so transcendental results may differ from PyTorch's by an ulp or two.
public enum Activation: Sendable, Equatable {
  /// f(x) = x.
  case identity
  /// f(x) = max(x, 0), returning `x` unchanged for NaN and −0 as `torch.relu` does.
  case relu
  /// f(x) = x for x > 0, and `negativeSlope` · x otherwise, as `torch.nn.LeakyReLU` computes it.
  /// PyTorch's default slope is 0.01.
  case leakyRelu(negativeSlope: Float)
  /// f(x) = 1 / (1 + e⁻ˣ), which tends to 0 and 1 without overflow to NaN.
  case sigmoid
  /// The hyperbolic tangent.
  case tanh
  /// f(x) = x · ½ · (1 + erf(x / √2)), GELU in its exact form (`approximate='none'`).
  case gelu
  /// f(x) = ½ · x · (1 + tanh(√(2/π) · (x + 0.044715 · x³))), GELU with
  /// `approximate='tanh'`.
  case geluTanh
  /// f(x) = x / (1 + e⁻ˣ), also called swish.
  case silu

  /// Applies the function to one value.
  public func callAsFunction(_ x: Float) -> Float {
    switch self {
    case .identity:
      return x
    case .relu:
      // `x < 0` is false for NaN and for −0, which PyTorch both returns unchanged.
      return x < 0 ? 0 : x
    case .leakyRelu(let negativeSlope):
      return x > 0 ? x : x * negativeSlope
    case .sigmoid:
      return 1 / (1 + Foundation.exp(-x))
    case .tanh:
      return Foundation.tanh(x)
    case .gelu:
      return Activation.geluExact(x)
    case .geluTanh:
      return Activation.geluTanhApproximation(x)
    case .silu:
      return x / (1 + Foundation.exp(-x))
    }
  }

  /// Returns exact GELU in the operation order of PyTorch's scalar CPU kernel.
  ///
  /// NOTE: PyTorch 2.13's vectorized kernel returns NaN for +∞ in tensors of 8 or more
  /// elements (and +∞ for smaller tensors). This function returns +∞.
  private static func geluExact(_ x: Float) -> Float {
    let inverseSquareRootOfTwo: Float = 0.707_106_781_186_547_524_4
    return x * 0.5 * (1 + Foundation.erf(x * inverseSquareRootOfTwo))
  }

  /// Returns the tanh approximation of GELU in the operation order of PyTorch's CPU kernel.
  private static func geluTanhApproximation(_ x: Float) -> Float {
    let beta: Float = 0.797_884_560_802_865_355_9  // √(2/π)
    let kappa: Float = 0.044_715
    let cube = x * x * x
    let inner = beta * (x + kappa * cube)
    return 0.5 * x * (1 + Foundation.tanh(inner))
  }
}

extension Tensor {
  /// Returns a tensor of the same shape with `activation` applied to each element.
  public func applying(_ activation: Activation) -> Tensor {
    if activation == .identity { return self }
    return Tensor(shape: shape, scalars: scalars.map { activation($0) })
  }

  /// Returns `torch.relu` of each element.
  public func relu() -> Tensor { applying(.relu) }

  /// Returns `torch.nn.functional.leaky_relu` of each element with `negativeSlope`.
  public func leakyRelu(negativeSlope: Float = 0.01) -> Tensor {
    applying(.leakyRelu(negativeSlope: negativeSlope))
  }

  /// Returns the logistic sigmoid of each element.
  public func sigmoid() -> Tensor { applying(.sigmoid) }

  /// Returns the hyperbolic tangent of each element.
  public func tanh() -> Tensor { applying(.tanh) }

  /// Returns GELU of each element, exact or with the tanh approximation.
  public func gelu(tanhApproximation: Bool = false) -> Tensor {
    applying(tanhApproximation ? .geluTanh : .gelu)
  }

  /// Returns SiLU (x · sigmoid(x)) of each element.
  public func silu() -> Tensor { applying(.silu) }
}
