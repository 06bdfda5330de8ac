import ShapeDiagnostics
import ShapeSource

/// Parses model files. Placeholder until the real parser lands.
public enum Parser {
  /// Parses `source` into a syntax tree, reporting every syntax error as a diagnostic.
  public static func parse(_ source: SourceFile) -> SyntaxTree {
    SyntaxTree(source: source, statements: [], comments: [], diagnostics: [])
  }
}
