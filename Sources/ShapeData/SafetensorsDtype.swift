/// The element types that safetensors files declare, with their sizes.
enum SafetensorsDtype {
  /// The byte size of each dtype of the safetensors format that has a whole-byte size.
  ///
  /// Sub-byte dtypes (such as F4 and F6 variants) are not listed, so files using them are
  /// rejected as having an unknown dtype.
  static let byteSizes: [String: Int] = [
    "BOOL": 1, "U8": 1, "I8": 1, "F8_E5M2": 1, "F8_E4M3": 1, "F8_E8M0": 1,
    "I16": 2, "U16": 2, "F16": 2, "BF16": 2,
    "I32": 4, "U32": 4, "F32": 4,
    "I64": 8, "U64": 8, "F64": 8,
  ]
}
