/// An error in a PNG file. Offsets count bytes from the start of the file.
public enum PNGError: Error, Equatable, CustomStringConvertible {
  /// The file does not start with the 8-byte PNG signature.
  case invalidSignature
  /// The file ends inside the chunk that starts at the offset.
  case truncatedFile(offset: Int)
  /// A chunk length is above 2^31 - 1.
  case invalidChunkLength(length: UInt32, offset: Int)
  /// A chunk type contains bytes other than ASCII letters.
  case invalidChunkType(offset: Int)
  /// The CRC stored after a chunk differs from the CRC of its type and data.
  case chunkChecksumMismatch(chunk: String, offset: Int, expected: UInt32, actual: UInt32)
  /// The first chunk is not IHDR.
  case missingHeader
  /// The IHDR chunk does not have 13 bytes of data.
  case invalidHeaderLength(length: Int)
  /// Width or height is 0 or above 2^31 - 1.
  case invalidDimensions(width: UInt32, height: UInt32)
  /// The bit depth is not allowed for the color type.
  case invalidColorTypeAndBitDepth(colorType: Int, bitDepth: Int)
  /// The compression method is not 0 (zlib).
  case unsupportedCompressionMethod(Int)
  /// The filter method is not 0 (adaptive filtering with five types).
  case unsupportedFilterMethod(Int)
  /// The interlace method is neither 0 (none) nor 1 (Adam7).
  case invalidInterlaceMethod(Int)
  /// Width * height exceeds `DataLimits.maxImagePixels`.
  case imageTooLarge(width: Int, height: Int, limit: Int)
  /// The image data size exceeds `DataLimits.maxDecompressedBytes`.
  case imageDataExceedsLimit(size: Int, limit: Int)
  /// A chunk appears where the PNG specification forbids it: a second IHDR or PLTE,
  /// PLTE after IDAT, or PLTE in a grayscale image.
  case misplacedChunk(chunk: String, offset: Int)
  /// A chunk with an unknown type has the critical bit set.
  case unknownCriticalChunk(chunk: String, offset: Int)
  /// The PLTE chunk is empty, not a multiple of 3 bytes, or has more entries than the
  /// bit depth can index.
  case invalidPalette(length: Int)
  /// A palette image (color type 3) has no PLTE chunk before its image data.
  case missingPalette
  /// An IDAT chunk follows a different chunk that follows an earlier IDAT chunk.
  case nonConsecutiveImageData(offset: Int)
  /// The file has no IDAT chunk.
  case missingImageData
  /// The file ends without an IEND chunk.
  case missingEnd
  /// The zlib stream of the image data is invalid.
  case invalidImageData(DecompressionError)
  /// The image data decompresses to fewer bytes than the header requires.
  case imageDataTooShort(expected: Int, actual: Int)
  /// The image data decompresses to more bytes than the header requires.
  case imageDataTooLong(expected: Int)
  /// A scanline starts with a filter type byte above 4.
  case invalidFilterType(filterType: Int, row: Int)
  /// A pixel refers to a palette entry that the PLTE chunk does not have.
  case paletteIndexOutOfRange(index: Int, paletteSize: Int)

  /// A one-line lowercase description of the error.
  public var description: String {
    switch self {
    case .invalidSignature:
      return "not a png file: the 8-byte png signature is missing"
    case .truncatedFile(let offset):
      return "truncated png file: the chunk at byte \(offset) ends past the end of the file"
    case .invalidChunkLength(let length, let offset):
      return "invalid png chunk length \(length) at byte \(offset)"
    case .invalidChunkType(let offset):
      return "invalid png chunk type at byte \(offset): not four ascii letters"
    case .chunkChecksumMismatch(let chunk, let offset, let expected, let actual):
      return "crc mismatch in png chunk \(chunk) at byte \(offset): "
        + "file stores \(hex(expected)), data gives \(hex(actual))"
    case .missingHeader:
      return "invalid png file: the first chunk is not IHDR"
    case .invalidHeaderLength(let length):
      return "invalid png IHDR length \(length), expected 13"
    case .invalidDimensions(let width, let height):
      return "invalid png size \(width)x\(height): each side must be 1 to 2147483647"
    case .invalidColorTypeAndBitDepth(let colorType, let bitDepth):
      return "invalid png color type \(colorType) with bit depth \(bitDepth)"
    case .unsupportedCompressionMethod(let method):
      return "unsupported png compression method \(method)"
    case .unsupportedFilterMethod(let method):
      return "unsupported png filter method \(method)"
    case .invalidInterlaceMethod(let method):
      return "invalid png interlace method \(method)"
    case .imageTooLarge(let width, let height, let limit):
      return "png image \(width)x\(height) exceeds the limit of \(limit) pixels"
    case .imageDataExceedsLimit(let size, let limit):
      return "png image data of \(size) bytes exceeds the limit of \(limit) bytes"
    case .misplacedChunk(let chunk, let offset):
      return "misplaced png chunk \(chunk) at byte \(offset)"
    case .unknownCriticalChunk(let chunk, let offset):
      return "unknown critical png chunk \(chunk) at byte \(offset)"
    case .invalidPalette(let length):
      return "invalid png palette of \(length) bytes"
    case .missingPalette:
      return "missing png palette: color type 3 needs a PLTE chunk before IDAT"
    case .nonConsecutiveImageData(let offset):
      return "png IDAT chunk at byte \(offset) does not follow the previous IDAT chunk"
    case .missingImageData:
      return "missing png image data: no IDAT chunk"
    case .missingEnd:
      return "missing png IEND chunk at the end of the file"
    case .invalidImageData(let error):
      return "invalid png image data: \(error)"
    case .imageDataTooShort(let expected, let actual):
      return "png image data too short: \(actual) bytes, expected \(expected)"
    case .imageDataTooLong(let expected):
      return "png image data too long: more than the expected \(expected) bytes"
    case .invalidFilterType(let filterType, let row):
      return "invalid png filter type \(filterType) in scanline \(row)"
    case .paletteIndexOutOfRange(let index, let paletteSize):
      return "png palette index \(index) out of range for \(paletteSize) entries"
    }
  }
}
