/// The CRC-32 of ISO 3309 and ITU-T V.42 (reflected polynomial 0xEDB88320), as used by
/// gzip and PNG.
public enum CRC32 {
  /// Computes the CRC-32 of `bytes`.
  public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
    update(0, with: bytes)
  }

  /// Extends a CRC-32 `crc` of earlier bytes with `bytes`; start from 0.
  public static func update(_ crc: UInt32, with bytes: some Sequence<UInt8>) -> UInt32 {
    let fast = bytes.withContiguousStorageIfAvailable { buffer in update(crc, buffer: buffer) }
    if let fast { return fast }
    var value = ~crc
    for byte in bytes {
      value = table[Int((value ^ UInt32(byte)) & 0xFF)] ^ (value >> 8)
    }
    return ~value
  }

  static func update(_ crc: UInt32, buffer: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var value = ~crc
    let table = self.table
    for byte in buffer {
      value = table[Int((value ^ UInt32(byte)) & 0xFF)] ^ (value >> 8)
    }
    return ~value
  }

  static let table: [UInt32] = (0..<256).map { index in
    var value = UInt32(index)
    for _ in 0..<8 {
      value = (value & 1) != 0 ? (value >> 1) ^ 0xEDB8_8320 : value >> 1
    }
    return value
  }
}

/// The Adler-32 checksum of RFC 1950, as used by zlib.
public enum Adler32 {
  /// Computes the Adler-32 of `bytes`.
  public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
    update(1, with: bytes)
  }

  /// Extends an Adler-32 `adler` of earlier bytes with `bytes`; start from 1.
  public static func update(_ adler: UInt32, with bytes: some Sequence<UInt8>) -> UInt32 {
    let fast = bytes.withContiguousStorageIfAvailable { buffer in update(adler, buffer: buffer) }
    if let fast { return fast }
    return update(adler, buffer: Array(bytes))
  }

  static func update(_ adler: UInt32, buffer: [UInt8]) -> UInt32 {
    buffer.withUnsafeBufferPointer { update(adler, buffer: $0) }
  }

  static func update(_ adler: UInt32, buffer: UnsafeBufferPointer<UInt8>) -> UInt32 {
    let modulus: UInt32 = 65521
    // 5552 is the largest run for which s2 cannot overflow UInt32 before the reduction.
    let maxRun = 5552
    var s1 = adler & 0xFFFF
    var s2 = adler >> 16
    var start = 0
    while start < buffer.count {
      let end = min(start + maxRun, buffer.count)
      for index in start..<end {
        s1 &+= UInt32(buffer[index])
        s2 &+= s1
      }
      s1 %= modulus
      s2 %= modulus
      start = end
    }
    return (s2 << 16) | s1
  }
}
