import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Well-formedness checks of XML documents with Foundation's `XMLParser`.
enum XMLCheck {
  /// Parses `text` and returns the parser's error description, or nil when it is well-formed.
  static func problem(in text: String) throws -> String? {
    let parser = XMLParser(data: Data(text.utf8))
    return parser.parse() ? nil : parser.parserError.map { "\($0)" } ?? "parse failed"
  }

  /// Reads the width and height of the root element's `viewBox`.
  static func viewBoxSize(_ svg: String) -> (width: Double, height: Double)? {
    guard let start = svg.range(of: "viewBox=\"") else { return nil }
    let rest = svg[start.upperBound...]
    guard let end = rest.firstIndex(of: "\"") else { return nil }
    let numbers = rest[..<end].split(separator: " ").compactMap { Double($0) }
    guard numbers.count == 4 else { return nil }
    return (numbers[2], numbers[3])
  }
}
