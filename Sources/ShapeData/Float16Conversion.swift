/// Conversions from the 16-bit floating-point formats stored in tensor files to `Float`.
///
/// Both conversions are exact: every binary16 and every bfloat16 value, including subnormals,
/// infinities and NaNs, has a `Float` with the same value. NaN payloads are kept in the high
/// mantissa bits, so a signalling NaN stays a NaN (its quiet bit is not set here).
public enum Float16Conversion {
  /// Converts IEEE 754 binary16 bits (1 sign, 5 exponent and 10 mantissa bits) to `Float`.
  public static func float(fromBinary16 bits: UInt16) -> Float {
    let sign = UInt32(bits & 0x8000) << 16
    let exponent = Int(bits >> 10) & 0x1F
    let mantissa = UInt32(bits & 0x03FF)

    switch exponent {
    case 0:
      // Subnormal or zero: the value is mantissa × 2^-24. Float represents it exactly because
      // the mantissa has at most 10 bits and scaling by a power of two is exact.
      let magnitude = Float(mantissa) * Float(sign: .plus, exponent: -24, significand: 1)
      return sign == 0 ? magnitude : -magnitude
    case 0x1F:
      // Infinity when the mantissa is zero, NaN otherwise.
      return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13))
    default:
      // Normal: rebias the exponent from 15 to 127 and widen the mantissa from 10 to 23 bits.
      let floatExponent = UInt32(exponent - 15 + 127) << 23
      return Float(bitPattern: sign | floatExponent | (mantissa << 13))
    }
  }

  /// Converts bfloat16 bits, the high half of a `Float`'s bit pattern, to `Float`.
  public static func float(fromBFloat16 bits: UInt16) -> Float {
    Float(bitPattern: UInt32(bits) << 16)
  }
}
