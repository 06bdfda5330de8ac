/// Limits that protect against hostile files; readers check them before any large allocation.
public struct DataLimits: Sendable {
  /// The maximum number of bytes that one decompression call may produce.
  public var maxDecompressedBytes: Int
  /// The maximum number of pixels (width * height) that one decoded image may have.
  public var maxImagePixels: Int

  /// Creates limits; the defaults allow 256 MiB of decompressed output and 50 million pixels.
  public init(maxDecompressedBytes: Int = 256 << 20, maxImagePixels: Int = 50_000_000) {
    self.maxDecompressedBytes = maxDecompressedBytes
    self.maxImagePixels = maxImagePixels
  }

  /// The default limits: 256 MiB of decompressed output and 50 million pixels per image.
  public static let standard = DataLimits()
}
