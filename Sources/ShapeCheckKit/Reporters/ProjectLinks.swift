import ShapeDiagnostics

/// Addresses of the project's public documentation, for SARIF rules.
public enum ProjectLinks {
  /// The project's home page.
  /// NOTE: the public repository address is not decided yet; change it here when it is.
  public static let repository = "https://github.com/shapecheck/shapecheck"

  /// The section of docs/diagnostics.md that documents `code`.
  public static func documentation(of code: DiagnosticCode) -> String {
    "\(repository)/blob/main/docs/diagnostics.md#\(code.documentationAnchor)"
  }
}

extension DiagnosticCode {
  /// The anchor that GitHub's Markdown renderer gives a heading that contains only the id:
  /// lowercase, with every character other than letters, digits, `-` and `_` dropped, so
  /// `shape.feature-mismatch` becomes `shapefeature-mismatch`.
  public var documentationAnchor: String {
    String(id.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
  }
}
