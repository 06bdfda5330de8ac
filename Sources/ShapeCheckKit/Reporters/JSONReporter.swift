import ShapeDiagnostics
import ShapeSource

/// Renders a `CheckRun` as the versioned JSON document described in docs/formats.md and
/// docs/schemas/check.schema.json.
///
/// Lines and columns are 1-based and columns count UTF-8 bytes, as in the text format; the
/// document states this in `columnUnit`. End positions are exclusive.
public enum JSONReporter {
  /// The `version` field; it changes when a field is removed or changes meaning.
  public static let version = 1

  /// The document for `run`, pretty-printed with sorted keys.
  public static func render(_ run: CheckRun) -> String {
    document(run).rendered()
  }

  static func document(_ run: CheckRun) -> JSONValue {
    .object([
      "version": .int(version),
      "columnUnit": .string("utf8Bytes"),
      "files": .array(run.files.map(fileObject)),
      "inputErrors": .array(
        run.failures.map { .object(["path": .string($0.path), "message": .string($0.message)]) }),
      "summary": .object([
        "files": .int(run.files.count),
        "filesWithFindings": .int(
          run.files.count { $0.count(.error) + $0.count(.warning) > 0 }),
        "errors": .int(run.count(.error)),
        "warnings": .int(run.count(.warning)),
        "notes": .int(run.count(.note)),
        "inputErrors": .int(run.failures.count),
        "notChecked": .int(run.uncheckedCount),
      ]),
      "exitStatus": .int(Int(run.exitStatus.rawValue)),
    ])
  }

  private static func fileObject(_ file: CheckedFile) -> JSONValue {
    .object([
      "path": .string(file.source.path),
      "diagnostics": .array(file.diagnostics.map { diagnosticObject($0, in: file.source) }),
      "summary": .object([
        "errors": .int(file.count(.error)),
        "warnings": .int(file.count(.warning)),
        "notes": .int(file.count(.note)),
      ]),
    ])
  }

  private static func diagnosticObject(
    _ diagnostic: Diagnostic, in source: SourceFile
  ) -> JSONValue {
    let region = ReportRegion(diagnostic.range, in: source)
    return .object([
      "code": .string(diagnostic.code.id),
      "severity": .string(diagnostic.severity.rawValue),
      "message": .string(diagnostic.message),
      "file": .string(source.path),
      "line": .int(region.startLine),
      "column": .int(region.startByteColumn),
      "endLine": .int(region.endLine),
      "endColumn": .int(region.endByteColumn),
      "notes": .array(diagnostic.notes.map { noteObject($0, in: source) }),
      "fixIts": .array(diagnostic.fixIts.map { fixItObject($0, in: source) }),
      "facts": .object(diagnostic.facts.mapValues(JSONValue.string)),
    ])
  }

  private static func noteObject(_ note: Note, in source: SourceFile) -> JSONValue {
    var members: [String: JSONValue] = [
      "message": .string(note.message),
      "fixIts": .array(note.fixIts.map { fixItObject($0, in: source) }),
    ]
    if let range = note.range {
      let region = ReportRegion(range, in: source)
      members["location"] = .object([
        "file": .string(source.path),
        "line": .int(region.startLine),
        "column": .int(region.startByteColumn),
        "endLine": .int(region.endLine),
        "endColumn": .int(region.endByteColumn),
      ])
    }
    return .object(members)
  }

  private static func fixItObject(_ fixIt: FixIt, in source: SourceFile) -> JSONValue {
    .object([
      "message": .string(fixIt.message),
      "edits": .array(
        fixIt.edits.map { edit in
          let region = ReportRegion(edit.range, in: source)
          return .object([
            "range": .object([
              "start": .object([
                "line": .int(region.startLine), "column": .int(region.startByteColumn),
              ]),
              "end": .object([
                "line": .int(region.endLine), "column": .int(region.endByteColumn),
              ]),
            ]),
            "replacement": .string(edit.replacement),
          ])
        }),
    ])
  }
}
