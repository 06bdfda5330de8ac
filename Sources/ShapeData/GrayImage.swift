/// An 8-bit grayscale image in row-major order.
public struct GrayImage: Sendable, Equatable {
  /// The number of columns.
  public var width: Int
  /// The number of rows.
  public var height: Int
  /// The `width * height` pixel values, row after row, 0 black and 255 white.
  public var pixels: [UInt8]

  /// Creates an image from its size and row-major pixels.
  public init(width: Int, height: Int, pixels: [UInt8]) {
    self.width = width
    self.height = height
    self.pixels = pixels
  }
}
