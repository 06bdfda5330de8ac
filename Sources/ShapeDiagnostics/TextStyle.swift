/// Terminal decoration for rendered text: plain, or ANSI colours.
public struct TextStyle: Sendable {
  /// The part of a diagnostic that a piece of text plays.
  public enum Role: Sendable {
    case location, error, warning, note, message, caret, fixIt, heading, success
  }

  /// Whether ANSI escape sequences are emitted.
  public var usesColor: Bool

  public init(usesColor: Bool) {
    self.usesColor = usesColor
  }

  public static let plain = TextStyle(usesColor: false)
  public static let ansi = TextStyle(usesColor: true)

  /// Wraps `text` in the escape sequences for `role`, or returns it unchanged without colour.
  public func apply(_ role: Role, to text: String) -> String {
    guard usesColor else { return text }
    let code: String
    switch role {
    case .location, .message, .heading: code = "1"
    case .error: code = "1;31"
    case .warning: code = "1;35"
    case .note: code = "1;36"
    case .caret, .success: code = "1;32"
    case .fixIt: code = "1;34"
    }
    return "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }

  /// Decides whether to colour a stream, following the `NO_COLOR` convention: colour only when
  /// the stream is a terminal, `NO_COLOR` is unset or empty, and `TERM` is not `dumb`.
  public static func automatic(isTerminal: Bool, environment: [String: String]) -> TextStyle {
    let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    let dumb = environment["TERM"] == "dumb"
    return TextStyle(usesColor: isTerminal && !noColor && !dumb)
  }
}
