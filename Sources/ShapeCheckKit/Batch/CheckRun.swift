import ShapeDiagnostics
import ShapeSource

/// A path that could not be checked, with the message to print for it.
public struct InputFailure: Error, Sendable, Hashable {
  /// The file, folder or configuration file that failed.
  public var path: String
  /// A complete message that starts with the path, such as `a.nn: no such file`.
  public var message: String

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  init(_ error: InputError, path: String) {
    self.init(path: path, message: error.description)
  }
}

/// One model file's final diagnostics: suppressions applied and disabled codes removed.
public struct CheckedFile: Sendable {
  public var source: SourceFile
  /// Sorted by line, column and code.
  public var diagnostics: [Diagnostic]
  /// Whether warnings in this file fail the check, from its configuration or the command line.
  public var warningsAsErrors: Bool

  public init(source: SourceFile, diagnostics: [Diagnostic], warningsAsErrors: Bool) {
    self.source = source
    self.diagnostics = diagnostics
    self.warningsAsErrors = warningsAsErrors
  }

  /// The number of diagnostics with `severity`.
  public func count(_ severity: Severity) -> Int {
    diagnostics.count { $0.severity == severity }
  }

  /// Whether this file makes the check fail with exit status 1.
  public var fails: Bool {
    count(.error) > 0 || (warningsAsErrors && count(.warning) > 0)
  }
}

/// The outcome of `check` over all its inputs, in the order the reporters print it.
public struct CheckRun: Sendable {
  /// Checked files sorted by path.
  public var files: [CheckedFile]
  /// Inputs that could not be checked, sorted by path then message.
  public var failures: [InputFailure]
  /// How many model files were found but not checked, because they or their configuration
  /// could not be read.
  public var uncheckedCount: Int
  /// The format set by the configuration of the first path on the command line, if any.
  public var configuredFormat: OutputFormat?

  public init(
    files: [CheckedFile], failures: [InputFailure], uncheckedCount: Int,
    configuredFormat: OutputFormat? = nil
  ) {
    self.files = files.sorted { $0.source.path < $1.source.path }
    self.failures = failures.sorted { ($0.path, $0.message) < ($1.path, $1.message) }
    self.uncheckedCount = uncheckedCount
    self.configuredFormat = configuredFormat
  }

  /// 1 when a file has errors (or warnings under warnings-as-errors), else 66 when an input
  /// could not be read, else 0. Findings take precedence so that a CI log points at them.
  public var exitStatus: ExitStatus {
    if files.contains(where: \.fails) { return .findings }
    return failures.isEmpty ? .success : .input
  }

  /// The total number of diagnostics with `severity`.
  public func count(_ severity: Severity) -> Int {
    files.reduce(0) { $0 + $1.count(severity) }
  }

  /// One line for standard error, such as `12 files checked: 2 errors, 1 warning in 2 files`.
  public var summary: String {
    let filesWithFindings = files.count { $0.count(.error) + $0.count(.warning) > 0 }
    var text =
      "\(plural(files.count, "file")) checked: \(plural(count(.error), "error")), "
      + plural(count(.warning), "warning")
    // With one file, "in 1 file" would only repeat the count.
    if filesWithFindings > 0, files.count > 1 {
      text += " in \(plural(filesWithFindings, "file"))"
    }
    if uncheckedCount > 0 || !failures.isEmpty {
      text +=
        "; \(plural(failures.count, "input error")), \(plural(uncheckedCount, "file")) not checked"
    }
    return text
  }
}

/// `count` followed by `word`, with an `s` unless `count` is 1.
func plural(_ count: Int, _ word: String) -> String {
  "\(count) \(word)\(count == 1 ? "" : "s")"
}
