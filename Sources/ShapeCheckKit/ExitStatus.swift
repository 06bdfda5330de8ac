/// The exit statuses of the `shapecheck` command, following the BSD `sysexits.h` values for
/// usage, input and internal errors.
public enum ExitStatus: Int32, Sendable, CaseIterable {
  /// No errors were found (and no warnings, with `--warnings-as-errors`).
  case success = 0
  /// The model has errors, a run disagreed with the inferred shapes, or (with
  /// `--warnings-as-errors`) warnings were found.
  case findings = 1
  /// The command line is invalid (EX_USAGE).
  case usage = 64
  /// An input file or folder is missing or unreadable, or a data file or configuration file
  /// is malformed (EX_NOINPUT). For `check`, status 1 takes precedence: findings in other
  /// files are the more useful result.
  case input = 66
  /// shapecheck itself failed (EX_SOFTWARE).
  case `internal` = 70

  /// One line per status, for `--help` and the README.
  public static let helpText = """
    0   no errors found
    1   errors found (warnings too with --warnings-as-errors), or a run disagreed
    64  usage error: an unknown command or option, or a missing or invalid argument
    66  an input file or folder is missing or unreadable, or a configuration or data
        file is invalid; 'check' exits 1 instead when other files have errors
    70  internal failure
    """
}
