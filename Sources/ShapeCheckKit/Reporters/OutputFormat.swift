/// The output formats of `check`; `shapes` takes `text` and `json`.
public enum OutputFormat: String, Sendable, CaseIterable {
  /// Compiler-style diagnostics with source snippets, for people.
  case text
  /// One versioned JSON document, described in docs/schemas/check.schema.json.
  case json
  /// SARIF 2.1.0, for code-scanning services.
  case sarif
  /// GitHub Actions workflow commands, which annotate pull requests.
  case github

  /// The names accepted by `--format`, for help text and error messages.
  public static let names = allCases.map(\.rawValue).joined(separator: ", ")
}
