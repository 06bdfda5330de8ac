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

  /// Extends `crc` with `buffer`, eight bytes per step by the slicing-by-8 method: table k
  /// gives the CRC contribution of a byte followed by k zero bytes.
  static func update(_ crc: UInt32, buffer: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var value = ~crc
    var index = 0
    slicedTables.withUnsafeBufferPointer { tables in
      // Every table index below is a byte value plus k * 256 for k in 0...7, inside the
      // 2048 entries, so the unchecked buffer access stays in bounds.
      while index <= buffer.count &- 8 {
        let low = value ^ (UInt32(buffer[index]) | UInt32(buffer[index + 1]) << 8
          | UInt32(buffer[index + 2]) << 16 | UInt32(buffer[index + 3]) << 24)
        let high = UInt32(buffer[index + 4]) | UInt32(buffer[index + 5]) << 8
          | UInt32(buffer[index + 6]) << 16 | UInt32(buffer[index + 7]) << 24
        value = tables[7 * 256 + Int(low & 0xFF)] ^ tables[6 * 256 + Int((low >> 8) & 0xFF)]
          ^ tables[5 * 256 + Int((low >> 16) & 0xFF)] ^ tables[4 * 256 + Int(low >> 24)]
          ^ tables[3 * 256 + Int(high & 0xFF)] ^ tables[2 * 256 + Int((high >> 8) & 0xFF)]
          ^ tables[256 + Int((high >> 16) & 0xFF)] ^ tables[Int(high >> 24)]
        index += 8
      }
      while index < buffer.count {
        value = tables[Int((value ^ UInt32(buffer[index])) & 0xFF)] ^ (value >> 8)
        index += 1
      }
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

  /// Eight 256-entry tables in one array; table k starts at k * 256 and table 0 is `table`.
  static let slicedTables: [UInt32] = {
    var tables = table + [UInt32](repeating: 0, count: 7 * 256)
    for slice in 1..<8 {
      for byte in 0..<256 {
        let previous = tables[(slice - 1) * 256 + byte]
        tables[slice * 256 + byte] = (previous >> 8) ^ table[Int(previous & 0xFF)]
      }
    }
    return tables
  }()
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
