import ShapeDiagnostics
import ShapeInference
import ShapeLayers
import ShapeSource
import ShapeSymbolic

/// Applies text edits to a file's bytes, leaving every byte outside the edited ranges as it was.
public enum SourceEditor {
  /// Returns `bytes` with every edit applied, or nil when an edit lies outside the bytes or two
  /// edits overlap. Two insertions at one offset count as overlapping, because their order
  /// would be a guess.
  public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> [UInt8]? {
    let sorted = edits.sorted { $0.range < $1.range }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var position = 0
    var previous: TextEdit?
    for edit in sorted {
      guard edit.range.start >= position, edit.range.end <= bytes.count else { return nil }
      if let previous, previous.range.isEmpty, edit.range.start == previous.range.start {
        return nil
      }
      output.append(contentsOf: bytes[position..<edit.range.start])
      output.append(contentsOf: Array(edit.replacement.utf8))
      position = edit.range.end
      previous = edit
    }
    output.append(contentsOf: bytes[position...])
    return output
  }

  /// Decides whether two edits touch a common byte or are insertions at one offset.
  public static func overlap(_ lhs: TextEdit, _ rhs: TextEdit) -> Bool {
    if lhs.range.isEmpty || rhs.range.isEmpty {
      return lhs.range.start == rhs.range.start
        || (lhs.range.start > rhs.range.start && lhs.range.start < rhs.range.end)
        || (rhs.range.start > lhs.range.start && rhs.range.start < lhs.range.end)
    }
    return lhs.range.start < rhs.range.end && rhs.range.start < lhs.range.end
  }

  /// Returns the edit that sets a constant to `value`: its written value, one element of a written
  /// tuple of integers, or `argument=value` inserted before the call's closing parenthesis.
  public static func edit(setting symbol: String, to value: Int, in analysis: ModelAnalysis)
    -> TextEdit?
  {
    guard let definition = analysis.definitions[Symbol(symbol)]
    else { return nil }
    guard let layerName = definition.layerName,
      let layer = analysis.layers.first(where: { $0.name == layerName })
    else {
      return TextEdit(range: definition.range, replacement: String(value))
    }
    let (argument, element) = argumentAndElement(of: symbol, layerName: layerName)
    guard let range = layer.argumentRanges[argument] else {
      return layer.insertionEdit(
        argument: argument, value: omittedValue(layer.sizes(argument), element: element, value: value),
        in: analysis.source)
    }
    guard let element else { return TextEdit(range: range, replacement: String(value)) }
    if let ranges = elementRanges(in: range, of: analysis.source) {
      // An element written with names, as `k` in `(k, 3)`, is not replaced.
      guard ranges.indices.contains(element),
        isIntegerLiteral(analysis.source.text(in: ranges[element]))
      else { return nil }
      return TextEdit(range: ranges[element], replacement: String(value))
    }
    // One integer written for every element, as in `kernel_size=3`: a single element replaces
    // it, and several become a tuple in which only `element` changes.
    guard isIntegerLiteral(analysis.source.text(in: range)), let sizes = layer.sizes(argument),
      sizes.indices.contains(element)
    else { return nil }
    let replacement = sizes.count == 1 ? String(value) : omittedValue(sizes, element: element, value: value)
    return TextEdit(range: range, replacement: replacement)
  }

  /// Decides whether `text` is a decimal integer literal, with a minus sign or not.
  private static func isIntegerLiteral(_ text: String) -> Bool {
    let digits = text.utf8.first == UInt8(ascii: "-") ? text.utf8.dropFirst() : text.utf8[...]
    return !digits.isEmpty && digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
  }

  /// Splits a layer constant such as `conv.stride[1]` into its argument, `stride`, and the
  /// element, 1, which is nil for a constant without brackets such as `conv.groups`.
  static func argumentAndElement(of symbol: String, layerName: String) -> (argument: String, element: Int?) {
    let argument = String(symbol.dropFirst(layerName.count + 1))
    guard let bracket = argument.firstIndex(of: "["), argument.hasSuffix("]") else {
      return (argument, nil)
    }
    let element = Int(argument[argument.index(after: bracket)..<argument.index(before: argument.endIndex)])
    return (String(argument[..<bracket]), element)
  }

  /// Returns the text of an omitted argument with one element set: the whole tuple of its
  /// default values with that element replaced, such as `(2, 1)` for `stride[0]`, so the other
  /// elements keep their values.
  private static func omittedValue(_ defaults: [Int]?, element: Int?, value: Int) -> String {
    guard let element, var values = defaults, values.indices.contains(element) else {
      return String(value)
    }
    values[element] = value
    return "(" + values.map(String.init).joined(separator: ", ") + (values.count == 1 ? ",)" : ")")
  }

  /// Returns the ranges of the elements of a tuple or list, such as `(28, 28)` or `(k, 3)`,
  /// split at the commas outside nested brackets. Returns nil for any other text, and for a
  /// tuple that contains a comment or a string.
  static func elementRanges(in range: SourceRange, of source: SourceFile) -> [SourceRange]? {
    let bytes = source.bytes
    guard range.start >= 0, range.end <= bytes.count, range.end - range.start >= 2 else {
      return nil
    }
    let open = bytes[range.start]
    let close = bytes[range.end - 1]
    guard
      (open == UInt8(ascii: "(") && close == UInt8(ascii: ")"))
        || (open == UInt8(ascii: "[") && close == UInt8(ascii: "]"))
    else { return nil }
    var ranges: [SourceRange] = []
    var depth = 0
    var elementStart = range.start + 1
    for offset in (range.start + 1)..<(range.end - 1) {
      switch bytes[offset] {
      case UInt8(ascii: "("), UInt8(ascii: "["):
        depth += 1
      case UInt8(ascii: ")"), UInt8(ascii: "]"):
        depth -= 1
        guard depth >= 0 else { return nil }
      case UInt8(ascii: ",") where depth == 0:
        guard let element = trimmed(elementStart..<offset, in: bytes) else { return nil }
        ranges.append(element)
        elementStart = offset + 1
      case UInt8(ascii: "#"), UInt8(ascii: "'"), UInt8(ascii: "\""):
        return nil
      default:
        continue
      }
    }
    guard depth == 0 else { return nil }
    // A trailing comma, as in `(3,)`, leaves nothing after it.
    if let last = trimmed(elementStart..<(range.end - 1), in: bytes) { ranges.append(last) }
    return ranges
  }

  /// Returns `span` without the whitespace around it, or nil when nothing is left.
  private static func trimmed(_ span: Range<Int>, in bytes: [UInt8]) -> SourceRange? {
    let isSpace = { (byte: UInt8) in [0x20, 0x09, 0x0A, 0x0D].contains(byte) }
    var lower = span.lowerBound
    var upper = span.upperBound
    while lower < upper, isSpace(bytes[lower]) { lower += 1 }
    while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
    return lower < upper ? SourceRange(start: lower, end: upper) : nil
  }
}
