import ShapeDiagnostics
import ShapeSource

extension LayerInstance {
  /// Returns the edit that adds `argument=value` to the constructor call, before its closing
  /// parenthesis, or nil when the call does not end with one. A comma separates it from the
  /// arguments before it, unless the call has none or already ends with a trailing comma.
  public func insertionEdit(argument: String, value: String, in source: SourceFile) -> TextEdit? {
    let end = callRange.end
    guard end > callRange.start, source.bytes.indices.contains(end - 1),
      source.bytes[end - 1] == UInt8(ascii: ")")
    else { return nil }
    var before = end - 2
    while before > callRange.start, [0x20, 0x09, 0x0A, 0x0D].contains(source.bytes[before]) {
      before -= 1
    }
    let last = before >= callRange.start ? source.bytes[before] : UInt8(ascii: "(")
    let needsComma = last != UInt8(ascii: ",") && last != UInt8(ascii: "(")
    return TextEdit(range: .at(end - 1), replacement: "\(needsComma ? ", " : "")\(argument)=\(value)")
  }
}
