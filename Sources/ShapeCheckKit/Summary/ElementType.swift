/// The element type of tensors in memory estimates, as `torch.dtype` names it.
public enum ElementType: String, Sendable, CaseIterable {
  case float32
  case float16
  case bfloat16
  case float64
  case int8

  /// The size of one element in bytes.
  public var byteCount: Int {
    switch self {
    case .float64: 8
    case .float32: 4
    case .float16, .bfloat16: 2
    case .int8: 1
    }
  }
}
