/// A reason an IDX file was rejected.
public enum IDXError: Error, Equatable, CustomStringConvertible {
  /// The file ends inside the 4-byte magic number or the dimension sizes.
  case truncatedHeader(byteCount: Int, headerLength: Int)
  /// The magic number does not start with two zero bytes.
  case invalidMagic(firstBytes: [UInt8])
  /// The type byte of the magic number is not one of the IDX element types.
  case unknownElementType(code: UInt8)
  /// The product of the dimensions, or the data size in bytes, overflows `Int`.
  case sizeOverflow(dimensions: [Int])
  /// The bytes after the header differ from what the dimensions and element type need.
  case dataSizeMismatch(expectedBytes: Int, actualBytes: Int)
  /// The array is not 3-dimensional unsigned bytes, so it cannot hold images.
  case notImages(type: IDXElementType, dimensions: [Int])
  /// The array is not 1-dimensional unsigned bytes, so it cannot hold labels.
  case notLabels(type: IDXElementType, dimensions: [Int])
  /// The images and labels files hold different numbers of items.
  case labelCountMismatch(images: Int, labels: Int)
  /// The gzip-compressed file could not be decompressed.
  case decompression(DecompressionError)

  /// A lowercase one-line explanation naming the problem.
  public var description: String {
    switch self {
    case .truncatedHeader(let byteCount, let headerLength):
      return "file of \(byteCount) bytes ends inside the \(headerLength)-byte IDX header"
    case .invalidMagic(let firstBytes):
      let hex = firstBytes.map { String($0, radix: 16) }.joined(separator: " ")
      return "invalid IDX magic number: starts with bytes \(hex), expected 0 0"
    case .unknownElementType(let code):
      return "unknown IDX element type 0x\(String(code, radix: 16))"
    case .sizeOverflow(let dimensions):
      return "IDX dimensions \(dimensions) describe more bytes than fit in memory"
    case .dataSizeMismatch(let expectedBytes, let actualBytes):
      return "IDX dimensions need \(expectedBytes) data bytes, but the file has \(actualBytes)"
    case .notImages(let type, let dimensions):
      return "expected images of unsigned bytes with 3 dimensions, found \(type) \(dimensions)"
    case .notLabels(let type, let dimensions):
      return "expected labels of unsigned bytes with 1 dimension, found \(type) \(dimensions)"
    case .labelCountMismatch(let images, let labels):
      return "\(images) images but \(labels) labels"
    case .decompression(let error):
      return "gzip: \(error)"
    }
  }
}
