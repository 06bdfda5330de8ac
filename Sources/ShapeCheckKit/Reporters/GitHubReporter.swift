import ShapeDiagnostics
import ShapeSource

/// Renders a `CheckRun` as GitHub Actions workflow commands, one line per diagnostic, which
/// GitHub shows as annotations on the lines of a pull request:
///
///     ::error file=a.nn,line=9,col=34,endLine=9,endColumn=36,title=shape.feature-mismatch::…
///
/// Columns count Unicode code points. Notes and fix-its follow the message on further lines,
/// which the command carries as `%0A`.
public enum GitHubReporter {
  /// One command per diagnostic and one per input failure, each ending in a newline.
  public static func render(_ run: CheckRun) -> String {
    var output = ""
    for file in run.files {
      for diagnostic in file.diagnostics {
        output += command(diagnostic, in: file.source) + "\n"
      }
    }
    for failure in run.failures {
      output +=
        "::error file=\(escapeProperty(failure.path)),title=input error::"
        + escapeData(failure.message) + "\n"
    }
    return output
  }

  static func command(_ diagnostic: Diagnostic, in source: SourceFile) -> String {
    let region = ReportRegion(diagnostic.range, in: source)
    let properties = [
      "file=\(escapeProperty(source.path))",
      "line=\(region.startLine)",
      "col=\(region.startCodePointColumn)",
      "endLine=\(region.endLine)",
      "endColumn=\(region.endCodePointColumn)",
      "title=\(escapeProperty(diagnostic.code.id))",
    ]
    var message = diagnostic.message
    for fixIt in diagnostic.fixIts {
      message += "\nfix-it: \(fixIt.message)"
    }
    for note in diagnostic.notes {
      let place = note.range.map { "line \(source.location(of: $0.start).line): " } ?? ""
      message += "\nnote: \(place)\(note.message)"
      for fixIt in note.fixIts {
        message += "\nfix-it: \(fixIt.message)"
      }
    }
    return "::\(commandName(diagnostic.severity)) \(properties.joined(separator: ","))::"
      + escapeData(message)
  }

  private static func commandName(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .note: "notice"
    }
  }

  /// Escapes a command's message: `%`, carriage return and line feed.
  public static func escapeData(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "%": escaped += "%25"
      case "\r": escaped += "%0D"
      case "\n": escaped += "%0A"
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }

  /// Escapes a property value: as `escapeData`, and also `:` and `,`, which end a value.
  public static func escapeProperty(_ text: String) -> String {
    var escaped = ""
    for scalar in escapeData(text).unicodeScalars {
      switch scalar {
      case ":": escaped += "%3A"
      case ",": escaped += "%2C"
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }
}
