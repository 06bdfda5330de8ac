/// An error in a DEFLATE, zlib or gzip stream. Offsets count bytes from the start of the input.
public enum DecompressionError: Error, Equatable, CustomStringConvertible {
  /// The input ended before the stream did.
  case truncatedInput(offset: Int)
  /// A block header has the reserved block type 3.
  case invalidBlockType(offset: Int)
  /// A stored block's LEN is not the one's complement of its NLEN.
  case invalidStoredBlockLength(length: Int, complement: Int, offset: Int)
  /// The code lengths of a dynamic block do not describe a valid Huffman code.
  case invalidHuffmanTable(problem: HuffmanTableProblem, offset: Int)
  /// The bits at the offset match no code, or match a reserved literal/length or distance code.
  case invalidCode(offset: Int)
  /// A match refers to data before the start of the output.
  case distanceTooFarBack(distance: Int, available: Int, offset: Int)
  /// The output would grow past `DataLimits.maxDecompressedBytes`.
  case outputExceedsLimit(limit: Int)
  /// The Adler-32 or CRC-32 of the output differs from the one stored in the stream.
  case checksumMismatch(expected: UInt32, actual: UInt32)
  /// The gzip ISIZE field differs from the output length modulo 2^32.
  case lengthMismatch(expected: UInt32, actual: UInt32)
  /// The zlib header fails its FCHECK test, names a method other than DEFLATE, or a window
  /// larger than 32 KiB.
  case invalidZlibHeader(offset: Int)
  /// The zlib header sets FDICT, and preset dictionaries are not supported.
  case presetDictionaryNotSupported
  /// The gzip member at the offset has a bad magic number, method or reserved flag bits.
  case invalidGzipHeader(offset: Int)
  /// The gzip header CRC (FHCRC) differs from the CRC of the header bytes.
  case headerChecksumMismatch(expected: UInt16, actual: UInt16)
  /// Bytes that are neither a gzip member nor zero padding follow the last gzip member.
  case trailingData(offset: Int)

  /// A one-line lowercase description of the error.
  public var description: String {
    switch self {
    case .truncatedInput(let offset):
      return "truncated input: the compressed stream ends at byte \(offset) before its end"
    case .invalidBlockType(let offset):
      return "invalid deflate block type 3 at byte \(offset)"
    case .invalidStoredBlockLength(let length, let complement, let offset):
      return "invalid stored block length at byte \(offset): len \(length) "
        + "is not the complement of nlen \(complement)"
    case .invalidHuffmanTable(let problem, let offset):
      return "invalid huffman table at byte \(offset): \(problem)"
    case .invalidCode(let offset):
      return "invalid huffman code at byte \(offset)"
    case .distanceTooFarBack(let distance, let available, let offset):
      return "invalid distance at byte \(offset): \(distance) is too far back, "
        + "only \(available) bytes were output"
    case .outputExceedsLimit(let limit):
      return "decompressed output exceeds the limit of \(limit) bytes"
    case .checksumMismatch(let expected, let actual):
      return "checksum mismatch: stream stores \(hex(expected)), data has \(hex(actual))"
    case .lengthMismatch(let expected, let actual):
      return "gzip length mismatch: isize is \(expected), output length mod 2^32 is \(actual)"
    case .invalidZlibHeader(let offset):
      return "invalid zlib header at byte \(offset)"
    case .presetDictionaryNotSupported:
      return "zlib stream needs a preset dictionary, which is not supported"
    case .invalidGzipHeader(let offset):
      return "invalid gzip header at byte \(offset)"
    case .headerChecksumMismatch(let expected, let actual):
      return "gzip header crc mismatch: header stores \(expected), header bytes give \(actual)"
    case .trailingData(let offset):
      return "unexpected data after the last gzip member at byte \(offset)"
    }
  }
}

/// A reason why a list of code lengths does not form a usable Huffman code.
public enum HuffmanTableProblem: Error, Equatable, Sendable, CustomStringConvertible {
  /// More codes of some lengths than the code space has room for.
  case overSubscribed
  /// Unused code space, where RFC 1951 allows none.
  case incomplete
  /// HLIT above 286 or HDIST above 30.
  case tooManyCodes
  /// A repeat code (16) appears before any code length.
  case repeatWithoutPreviousLength
  /// A repeat code runs past the number of code lengths in the header.
  case repeatPastEnd
  /// The literal/length code has no end-of-block code (symbol 256).
  case missingEndOfBlock

  /// A short lowercase description of the problem.
  public var description: String {
    switch self {
    case .overSubscribed: return "code lengths are over-subscribed"
    case .incomplete: return "code lengths are incomplete"
    case .tooManyCodes: return "too many literal/length or distance codes"
    case .repeatWithoutPreviousLength: return "repeat code without a previous length"
    case .repeatPastEnd: return "repeat code runs past the end of the code lengths"
    case .missingEndOfBlock: return "no code for end-of-block"
    }
  }
}

func hex(_ value: UInt32) -> String {
  let digits = String(value, radix: 16)
  return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}
