import Foundation

extension TorchInit {
  /// Fills `count` Float32 values from N(mean, std²) as `torch.Tensor.normal_` does on the CPU
  /// for a contiguous float32 tensor, which is how `nn.Embedding` initializes its weight.
  ///
  /// PyTorch has two paths. From 16 elements on it fills the tensor with uniform Float32 draws
  /// and turns each block of 16 into normals with the Box–Muller transform in Float32. When
  /// `count` is not a multiple of 16, it then redraws the last 16 elements and transforms them
  /// again.
  /// Below 16 elements it draws pairs of 53-bit uniforms and transforms them in Double, keeping
  /// the second normal of each pair in `generator` for the next draw. `arithmetic` selects how
  /// `value · std + mean` is rounded, as for `uniform`.
  ///
  /// NOTE: the Float32 path matches PyTorch 2.13 bit for bit only with its DEFAULT CPU
  /// capability, which calls the C library's `logf`, `sinf` and `cosf`. Its AVX2 and AVX-512
  /// builds use vectorized approximations instead, and 1,000 values drawn with seed 3 differed
  /// from them by up to 1.2e-6. The Double path matched both builds bit for bit.
  ///
  /// - Precondition: `mean` and `std` are finite and `std >= 0`; PyTorch raises an error
  ///   otherwise.
  public static func normal(
    count: Int, mean: Double, std: Double, generator: inout TorchGenerator,
    arithmetic: TorchUniformArithmetic = .fusedMultiplyAdd
  ) -> [Float] {
    precondition(mean.isFinite && std.isFinite, "normal: mean and std must be finite")
    precondition(std >= 0, "normal expects std >= 0, got \(std)")
    guard count > 0 else { return [] }
    if count < 16 {
      return (0..<count).map { _ in
        Float(doubleNormal(mean: mean, std: std, generator: &generator, arithmetic: arithmetic))
      }
    }

    var values = (0..<count).map { _ in unitUniform(&generator) }
    let transform = BoxMullerBlock(
      mean: Float(mean), std: Float(std), arithmetic: arithmetic)
    var start = 0
    while start + 16 <= count {
      transform.apply(to: &values, start: start)
      start += 16
    }
    if count % 16 != 0 {
      let tailStart = count - 16
      for index in tailStart..<count {
        values[index] = unitUniform(&generator)
      }
      transform.apply(to: &values, start: tailStart)
    }
    return values
  }

  /// Returns one uniform Float32 in [0, 1) as `uniform_real_distribution<float>(0, 1)` does.
  private static func unitUniform(_ generator: inout TorchGenerator) -> Float {
    Float(generator.nextUInt32() & 0xff_ffff) * (1.0 / 16_777_216)
  }

  /// Returns one normal value as `at::normal_distribution<double>` does, using and refilling
  /// the generator's cached second value of a Box–Muller pair.
  private static func doubleNormal(
    mean: Double, std: Double, generator: inout TorchGenerator,
    arithmetic: TorchUniformArithmetic
  ) -> Double {
    let standard: Double
    if let cached = generator.cachedNormal {
      generator.cachedNormal = nil
      standard = cached
    } else {
      let mask: UInt64 = (1 << 53) - 1
      let scale = 1.0 / 9_007_199_254_740_992  // 2⁻⁵³
      let u1 = Double(generator.nextUInt64() & mask) * scale
      let u2 = Double(generator.nextUInt64() & mask) * scale
      let radius = (-2.0 * Foundation.log1p(-u2)).squareRoot()
      let theta = 2.0 * Double.pi * u1
      generator.cachedNormal = radius * Foundation.sin(theta)
      standard = radius * Foundation.cos(theta)
    }
    switch arithmetic {
    case .fusedMultiplyAdd:
      return mean.addingProduct(standard, std)
    case .separateRounding:
      return standard * std + mean
    }
  }
}

/// The Float32 Box–Muller step PyTorch's `normal_fill_16` applies to 16 uniform values: the
/// first 8 give u1 and the last 8 give u2, and each pair turns into two normals in place.
private struct BoxMullerBlock {
  var mean: Float
  var std: Float
  var arithmetic: TorchUniformArithmetic

  /// Transforms `values[start..<start + 16]` in place.
  func apply(to values: inout [Float], start: Int) {
    for offset in 0..<8 {
      // 1 − u maps [0, 1) to (0, 1], so the logarithm stays finite.
      let u1 = 1 - values[start + offset]
      let u2 = values[start + offset + 8]
      let radius = (-2 * Foundation.log(u1)).squareRoot()
      // PyTorch multiplies by π in Double and rounds the angle to Float32.
      let theta = Float(2.0 * Double.pi * Double(u2))
      values[start + offset] = scaled(radius * Foundation.cos(theta))
      values[start + offset + 8] = scaled(radius * Foundation.sin(theta))
    }
  }

  /// Returns `standard · std + mean`, rounded as `arithmetic` selects.
  private func scaled(_ standard: Float) -> Float {
    switch arithmetic {
    case .fusedMultiplyAdd:
      return mean.addingProduct(standard, std)
    case .separateRounding:
      return standard * std + mean
    }
  }
}
