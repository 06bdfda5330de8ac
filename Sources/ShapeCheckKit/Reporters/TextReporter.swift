import ShapeDiagnostics

/// Renders a `CheckRun` in the compiler format of `DiagnosticRenderer`, file after file.
///
/// Input failures and the summary are not part of this output: the command prints them on
/// standard error in every format.
public enum TextReporter {
  /// The diagnostics of every checked file, sorted by file, line, column and code.
  public static func render(_ run: CheckRun, style: TextStyle = .plain) -> String {
    let renderer = DiagnosticRenderer(style: style)
    return run.files.map { renderer.render($0.diagnostics, in: $0.source) }.joined()
  }
}
