/// A 32-bit Mersenne Twister (MT19937) random number generator, seeded and stepped the way
/// PyTorch's default CPU generator seeds and steps its engine.
///
/// PyTorch seeds its CPU engine from the low 32 bits of the 64-bit seed given to
/// `torch.manual_seed`, so seeds that differ only above bit 31 give the same stream. Checked
/// against PyTorch 2.13: `manual_seed(42)` and `manual_seed(42 + 2**32)` give equal draws, and
/// `manual_seed(-1)` (stored as 2⁶⁴ − 1) equals `manual_seed(0xffff_ffff)`.
public struct TorchGenerator: Sendable {
  private static let stateCount = 624
  private static let shift = 397
  private static let matrixA: UInt32 = 0x9908_b0df
  private static let upperMask: UInt32 = 0x8000_0000
  private static let lowerMask: UInt32 = 0x7fff_ffff

  private var state: [UInt32]
  private var index: Int
  /// The second value of the last double-precision Box–Muller pair, which PyTorch's generator
  /// keeps for the next normal draw; `torch.manual_seed` clears it.
  var cachedNormal: Double?

  /// Creates a generator in the state `torch.manual_seed(seed)` leaves the CPU generator in.
  ///
  /// Only the low 32 bits of `seed` take part, as in PyTorch. A negative Python seed `s`
  /// corresponds to `UInt64(bitPattern: Int64(s))`.
  public init(seed: UInt64) {
    var state = [UInt32](repeating: 0, count: TorchGenerator.stateCount)
    state[0] = UInt32(truncatingIfNeeded: seed)
    for position in 1..<TorchGenerator.stateCount {
      let previous = state[position - 1]
      // The standard MT19937 initialization, in arithmetic modulo 2³².
      state[position] = 1_812_433_253 &* (previous ^ (previous >> 30))
        &+ UInt32(truncatingIfNeeded: position)
    }
    self.state = state
    self.index = TorchGenerator.stateCount
  }

  /// Returns the next 32-bit output of the generator, as PyTorch's `random()` on the CPU does.
  public mutating func nextUInt32() -> UInt32 {
    if index >= TorchGenerator.stateCount {
      regenerate()
    }
    var value = state[index]
    index += 1

    // Tempering.
    value ^= value >> 11
    value ^= (value << 7) & 0x9d2c_5680
    value ^= (value << 15) & 0xefc6_0000
    value ^= value >> 18
    return value
  }

  /// Returns 64 bits from two 32-bit outputs, the first in the high half, as PyTorch's
  /// `random64()` on the CPU does.
  public mutating func nextUInt64() -> UInt64 {
    let high = UInt64(nextUInt32())
    let low = UInt64(nextUInt32())
    return high << 32 | low
  }

  /// Replaces all 624 state words by the next block of the recurrence.
  private mutating func regenerate() {
    let count = TorchGenerator.stateCount
    state.withUnsafeMutableBufferPointer { words in
      for position in 0..<count {
        let next = position + 1 == count ? 0 : position + 1
        var far = position + TorchGenerator.shift
        if far >= count { far -= count }
        let mixed = (words[position] & TorchGenerator.upperMask)
          | (words[next] & TorchGenerator.lowerMask)
        var word = words[far] ^ (mixed >> 1)
        if mixed & 1 != 0 { word ^= TorchGenerator.matrixA }
        words[position] = word
      }
    }
    index = 0
  }
}
