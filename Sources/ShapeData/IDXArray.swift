/// The element type code of an IDX file, the third byte of its magic number.
public enum IDXElementType: UInt8, Sendable, Equatable {
  /// Unsigned 8-bit integers, as in the MNIST image and label files.
  case unsignedByte = 0x08
  /// Signed 8-bit integers.
  case signedByte = 0x09
  /// Big-endian signed 16-bit integers.
  case short = 0x0B
  /// Big-endian signed 32-bit integers.
  case int = 0x0C
  /// Big-endian IEEE 754 binary32.
  case float = 0x0D
  /// Big-endian IEEE 754 binary64.
  case double = 0x0E

  /// The size of one element in bytes.
  public var byteSize: Int {
    switch self {
    case .unsignedByte, .signedByte: return 1
    case .short: return 2
    case .int, .float: return 4
    case .double: return 8
    }
  }
}

/// An n-dimensional array read from an IDX file, with its elements as stored.
public struct IDXArray: Sendable, Equatable {
  /// The element type from the magic number.
  public var type: IDXElementType
  /// The size of each dimension, outermost first; `[count, rows, columns]` for MNIST images.
  public var dimensions: [Int]
  /// The elements in row-major order as the file stores them, multi-byte types big-endian.
  public var data: [UInt8]

  /// Creates an array; `data.count` should be the product of `dimensions` times the type's size.
  public init(type: IDXElementType, dimensions: [Int], data: [UInt8]) {
    self.type = type
    self.dimensions = dimensions
    self.data = data
  }
}
