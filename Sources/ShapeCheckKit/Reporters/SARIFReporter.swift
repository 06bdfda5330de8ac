import Foundation
import ShapeDiagnostics
import ShapeSource

/// Renders a `CheckRun` as a SARIF 2.1.0 log with one run.
///
/// Columns are counted in Unicode code points and the run sets `columnKind` to
/// `unicodeCodePoints`; SARIF's default unit, UTF-16 code units, would differ from it only
/// after a character outside the Basic Multilingual Plane. Regions end exclusively, as SARIF
/// defines `endColumn`. Every diagnostic code of `DiagnosticCode.all` is a rule, so
/// `ruleIndex` is stable across runs of one version.
public enum SARIFReporter {
  /// The schema that `$schema` names.
  public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

  /// The log for `run`, pretty-printed with sorted keys.
  public static func render(_ run: CheckRun, toolVersion: String) -> String {
    document(run, toolVersion: toolVersion).rendered()
  }

  static func document(_ run: CheckRun, toolVersion: String) -> JSONValue {
    var results: [JSONValue] = []
    for file in run.files {
      for diagnostic in file.diagnostics {
        results.append(result(diagnostic, in: file.source))
      }
    }
    let invocation: JSONValue = .object([
      "executionSuccessful": .bool(run.failures.isEmpty),
      "exitCode": .int(Int(run.exitStatus.rawValue)),
      "toolExecutionNotifications": .array(run.failures.map(notification)),
    ])
    let sarifRun: JSONValue = .object([
      "tool": .object(["driver": driver(toolVersion: toolVersion)]),
      "columnKind": .string("unicodeCodePoints"),
      "results": .array(results),
      "invocations": .array([invocation]),
    ])
    return .object([
      "$schema": .string(schemaURI),
      "version": .string("2.1.0"),
      "runs": .array([sarifRun]),
    ])
  }

  private static func driver(toolVersion: String) -> JSONValue {
    .object([
      "name": .string("shapecheck"),
      "version": .string(toolVersion),
      "informationUri": .string(ProjectLinks.repository),
      "rules": .array(DiagnosticCode.all.map(rule)),
    ])
  }

  private static func rule(_ code: DiagnosticCode) -> JSONValue {
    .object([
      "id": .string(code.id),
      "shortDescription": .object(["text": .string(code.summary)]),
      "helpUri": .string(ProjectLinks.documentation(of: code)),
      "defaultConfiguration": .object(["level": .string(level(code.defaultSeverity))]),
    ])
  }

  private static func result(_ diagnostic: Diagnostic, in source: SourceFile) -> JSONValue {
    var text = diagnostic.message
    for note in diagnostic.notes where note.range == nil {
      text += "\nnote: \(note.message)"
    }
    var members: [String: JSONValue] = [
      "ruleId": .string(diagnostic.code.id),
      "level": .string(level(diagnostic.severity)),
      "message": .object(["text": .string(text)]),
      "locations": .array([
        .object(["physicalLocation": physicalLocation(diagnostic.range, source)])
      ]),
    ]
    if let index = DiagnosticCode.all.firstIndex(of: diagnostic.code) {
      members["ruleIndex"] = .int(index)
    }
    let related = diagnostic.notes.compactMap { note in
      note.range.map { (message: note.message, range: $0) }
    }
    if !related.isEmpty {
      members["relatedLocations"] = .array(
        related.enumerated().map { index, note in
          .object([
            "id": .int(index + 1),
            "message": .object(["text": .string(note.message)]),
            "physicalLocation": physicalLocation(note.range, source),
          ])
        })
    }
    let fixIts = diagnostic.fixIts + diagnostic.notes.flatMap(\.fixIts)
    if !fixIts.isEmpty {
      members["fixes"] = .array(fixIts.map { fix($0, source) })
    }
    if !diagnostic.facts.isEmpty {
      members["properties"] = .object([
        "facts": .object(diagnostic.facts.mapValues(JSONValue.string))
      ])
    }
    return .object(members)
  }

  private static func fix(_ fixIt: FixIt, _ source: SourceFile) -> JSONValue {
    let replacements: [JSONValue] = fixIt.edits.map { edit in
      .object([
        "deletedRegion": region(edit.range, source),
        "insertedContent": .object(["text": .string(edit.replacement)]),
      ])
    }
    return .object([
      "description": .object(["text": .string(fixIt.message)]),
      "artifactChanges": .array([
        .object([
          "artifactLocation": .object(["uri": .string(uri(source.path))]),
          "replacements": .array(replacements),
        ])
      ]),
    ])
  }

  private static func physicalLocation(_ range: SourceRange, _ source: SourceFile) -> JSONValue {
    .object([
      "artifactLocation": .object(["uri": .string(uri(source.path))]),
      "region": region(range, source),
    ])
  }

  private static func region(_ range: SourceRange, _ source: SourceFile) -> JSONValue {
    let region = ReportRegion(range, in: source)
    return .object([
      "startLine": .int(region.startLine),
      "startColumn": .int(region.startCodePointColumn),
      "endLine": .int(region.endLine),
      "endColumn": .int(region.endCodePointColumn),
    ])
  }

  private static func notification(_ failure: InputFailure) -> JSONValue {
    .object([
      "level": .string("error"),
      "message": .object(["text": .string(failure.message)]),
      "locations": .array([
        .object([
          "physicalLocation": .object([
            "artifactLocation": .object(["uri": .string(uri(failure.path))])
          ])
        ])
      ]),
    ])
  }

  private static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .note: "note"
    }
  }

  /// Converts `path` to a URI reference: a relative path stays relative with unsafe
  /// characters percent-encoded, and an absolute path becomes a `file://` URI.
  static func uri(_ path: String) -> String {
    let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    return path.hasPrefix("/") ? "file://" + encoded : encoded
  }
}
