/// A validated safetensors file: tensor names, dtypes, shapes and their bytes.
///
/// The file starts with an 8-byte little-endian header length N, then N bytes of JSON mapping
/// tensor names to `{"dtype", "shape", "data_offsets": [begin, end]}` plus an optional
/// `"__metadata__"` object of strings, then the byte buffer that the offsets index into.
public struct SafetensorsFile: Sendable {
  /// One tensor's description from the header.
  public struct Entry: Sendable, Equatable {
    /// The tensor's name, such as `linear_1.weight`.
    public var name: String
    /// The dtype as the header spells it, such as `F32`.
    public var dtype: String
    /// The size of each dimension.
    public var shape: [Int]
    /// The tensor's bytes as offsets into the whole file, not into the buffer.
    public var byteRange: Range<Int>

    /// Creates an entry.
    public init(name: String, dtype: String, shape: [Int], byteRange: Range<Int>) {
      self.name = name
      self.dtype = dtype
      self.shape = shape
      self.byteRange = byteRange
    }
  }

  /// The largest header length accepted, 100 MiB. Headers of real model files take a few
  /// kilobytes, and the limit bounds the memory spent on a hostile one.
  public static let maxHeaderLength = 100 << 20

  /// The tensors, sorted by name.
  public var entries: [Entry]
  /// The string pairs of the header's `__metadata__` object, empty when it has none.
  public var metadata: [String: String]

  /// The whole file, which entry byte ranges index into.
  let bytes: [UInt8]

  /// Parses and validates a whole safetensors file.
  ///
  /// Checks the header length against the file and `maxHeaderLength`, the JSON syntax (duplicate
  /// keys included), each entry's dtype, shape and offsets, and that the tensors' byte ranges
  /// cover the buffer exactly, without overlaps or gaps.
  ///
  /// - Throws: `SafetensorsError` naming the first problem found.
  public init(bytes: [UInt8]) throws(SafetensorsError) {
    let headerLength = try Self.headerLength(of: bytes)
    let bufferStart = 8 + headerLength
    let headerBytes = Array(bytes[8..<bufferStart])
    guard String(validating: headerBytes, as: UTF8.self) != nil else { throw .headerNotUTF8 }
    guard case .object(let members) = try SafetensorsJSONParser.parse(headerBytes) else {
      throw .headerNotObject
    }

    let bufferLength = bytes.count - bufferStart
    var entries: [Entry] = []
    var metadata: [String: String] = [:]
    for (key, value) in members {
      if key == "__metadata__" {
        metadata = try Self.parseMetadata(value)
        continue
      }
      var entry = try Self.parseEntry(name: key, value: value, bufferLength: bufferLength)
      let begin = entry.byteRange.lowerBound + bufferStart
      let end = entry.byteRange.upperBound + bufferStart
      entry.byteRange = begin..<end
      entries.append(entry)
    }
    try Self.checkCoverage(entries, bufferStart: bufferStart, bufferLength: bufferLength)

    self.entries = entries.sorted { $0.name < $1.name }
    self.metadata = metadata
    self.bytes = bytes
  }

  /// Returns the entry named `name`, or nil when the file has no such tensor.
  public func entry(named name: String) -> Entry? {
    entries.first { $0.name == name }
  }

  /// Reads the header length field and checks it against the file size and the limit.
  private static func headerLength(of bytes: [UInt8]) throws(SafetensorsError) -> Int {
    guard bytes.count >= 8 else { throw .fileTooShort(byteCount: bytes.count) }
    var length: UInt64 = 0
    for position in 0..<8 {
      length |= UInt64(bytes[position]) << (8 * UInt64(position))
    }
    let available = bytes.count - 8
    guard length <= UInt64(available) else {
      throw .headerPastEnd(headerLength: length, availableBytes: available)
    }
    guard length <= UInt64(maxHeaderLength) else {
      throw .headerTooLarge(headerLength: length, limit: maxHeaderLength)
    }
    return Int(length)
  }

  private static func parseMetadata(
    _ value: SafetensorsJSONValue
  ) throws(SafetensorsError) -> [String: String] {
    guard case .object(let members) = value else { throw .invalidMetadata(key: nil) }
    var metadata: [String: String] = [:]
    for (key, member) in members {
      guard case .string(let text) = member else { throw .invalidMetadata(key: key) }
      metadata[key] = text
    }
    return metadata
  }
}
