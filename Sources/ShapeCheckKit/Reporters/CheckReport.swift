import ShapeDiagnostics

extension CheckRun {
  /// The standard output of `check` in `format`. `style` applies to the text format only.
  public func rendered(as format: OutputFormat, style: TextStyle, toolVersion: String) -> String {
    switch format {
    case .text: TextReporter.render(self, style: style)
    case .json: JSONReporter.render(self)
    case .sarif: SARIFReporter.render(self, toolVersion: toolVersion)
    case .github: GitHubReporter.render(self)
    }
  }
}
