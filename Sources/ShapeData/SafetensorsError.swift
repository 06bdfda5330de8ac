/// A reason a safetensors file was rejected or a tensor could not be read.
public enum SafetensorsError: Error, Equatable, CustomStringConvertible {
  /// The file is shorter than the 8-byte header length field.
  case fileTooShort(byteCount: Int)
  /// The header length field exceeds the bytes that follow it.
  case headerPastEnd(headerLength: UInt64, availableBytes: Int)
  /// The header length field exceeds `SafetensorsFile.maxHeaderLength`.
  case headerTooLarge(headerLength: UInt64, limit: Int)
  /// The header bytes are not valid UTF-8.
  case headerNotUTF8
  /// The header is not valid JSON. `offset` counts bytes from the start of the header.
  case invalidJSON(offset: Int, expected: String)
  /// The JSON nests arrays and objects deeper than the parser accepts.
  case nestingTooDeep(offset: Int, limit: Int)
  /// An object in the header has the same key twice.
  case duplicateKey(key: String)
  /// The header's top-level value is not an object.
  case headerNotObject
  /// The `__metadata__` value is not an object whose values are all strings.
  case invalidMetadata(key: String?)
  /// A tensor's entry lacks a field or has one of the wrong JSON type.
  case invalidField(tensor: String, field: String)
  /// A tensor's dtype is not a safetensors dtype.
  case unknownDtype(tensor: String, dtype: String)
  /// A tensor's shape contains a value that is not a non-negative integer.
  case invalidShape(tensor: String)
  /// The product of a tensor's shape, or its byte size, overflows `Int`.
  case elementCountOverflow(tensor: String, shape: [Int])
  /// A tensor's `data_offsets` are negative, too large for `Int`, or begin after they end.
  case invalidOffsets(tensor: String)
  /// A tensor's byte size from its shape and dtype differs from its `data_offsets` length.
  case sizeMismatch(tensor: String, expectedBytes: Int, offsetBytes: Int)
  /// A tensor's data ends past the end of the byte buffer.
  case offsetsPastEnd(tensor: String, end: Int, bufferLength: Int)
  /// Two tensors' byte ranges overlap.
  case overlappingTensors(first: String, second: String)
  /// Bytes of the buffer that no tensor covers, as offsets relative to the buffer's start.
  case gap(begin: Int, end: Int)
  /// The tensor's dtype has no conversion to `Float`.
  case unsupportedDtype(tensor: String, dtype: String)
  /// The entry passed to `floats(for:)` does not describe bytes of this file.
  case entryNotInFile(tensor: String)

  /// A lowercase one-line explanation naming the problem and where it is.
  public var description: String {
    switch self {
    case .fileTooShort(let byteCount):
      return "file of \(byteCount) bytes is too short for the 8-byte header length"
    case .headerPastEnd(let headerLength, let availableBytes):
      return "header length \(headerLength) exceeds the \(availableBytes) bytes that follow it"
    case .headerTooLarge(let headerLength, let limit):
      return "header length \(headerLength) exceeds the limit of \(limit) bytes"
    case .headerNotUTF8:
      return "header is not valid UTF-8"
    case .invalidJSON(let offset, let expected):
      return "invalid JSON in header at byte \(offset): expected \(expected)"
    case .nestingTooDeep(let offset, let limit):
      return "header nests arrays and objects deeper than \(limit) levels at byte \(offset)"
    case .duplicateKey(let key):
      return "duplicate key '\(key)' in header"
    case .headerNotObject:
      return "header is not a JSON object"
    case .invalidMetadata(let key):
      if let key {
        return "metadata value for '\(key)' is not a string"
      }
      return "'__metadata__' is not an object"
    case .invalidField(let tensor, let field):
      return "tensor '\(tensor)': field '\(field)' is missing or has the wrong type"
    case .unknownDtype(let tensor, let dtype):
      return "tensor '\(tensor)': unknown dtype '\(dtype)'"
    case .invalidShape(let tensor):
      return "tensor '\(tensor)': shape must be an array of non-negative integers"
    case .elementCountOverflow(let tensor, let shape):
      return "tensor '\(tensor)': byte size of shape \(shape) overflows"
    case .invalidOffsets(let tensor):
      return "tensor '\(tensor)': data_offsets must be two non-negative integers, begin <= end"
    case .sizeMismatch(let tensor, let expectedBytes, let offsetBytes):
      return "tensor '\(tensor)': shape and dtype need \(expectedBytes) bytes "
        + "but data_offsets span \(offsetBytes)"
    case .offsetsPastEnd(let tensor, let end, let bufferLength):
      return "tensor '\(tensor)': data ends at \(end), past the buffer of \(bufferLength) bytes"
    case .overlappingTensors(let first, let second):
      return "tensors '\(first)' and '\(second)' overlap"
    case .gap(let begin, let end):
      return "buffer bytes \(begin)..<\(end) belong to no tensor"
    case .unsupportedDtype(let tensor, let dtype):
      return "tensor '\(tensor)': dtype '\(dtype)' cannot be converted to float32"
    case .entryNotInFile(let tensor):
      return "tensor '\(tensor)' does not describe data in this file"
    }
  }
}
