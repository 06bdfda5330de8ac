import Foundation
import ShapeCheckKit
import ShapeDiagnostics
import ShapeSource
import Testing

/// The JSON, SARIF and GitHub reporters: golden output, schema validity and column units.
@Suite struct ReporterTests {
  static let model = "fixtures/broken/feature_mismatch.nn"
  static let toolVersion = "0.1.0"

  /// A run over the repository-relative `models`, so that paths in the output are relative.
  static func run(_ models: [String]) throws -> CheckRun {
    let files = try models.map { model in
      let source = SourceFile(path: model, bytes: try Repository.bytes(model))
      return CheckedFile(
        source: source, diagnostics: ModelCheck.analyze(source).diagnostics, warningsAsErrors: false
      )
    }
    return CheckRun(files: files, failures: [], uncheckedCount: 0)
  }

  static func schema(_ relative: String) throws -> JSONSchemaValidator {
    JSONSchemaValidator(schema: try JSONValue.parse(try Repository.bytes(relative)))
  }

  @Test(arguments: [
    (OutputFormat.json, "fixtures/formats/feature_mismatch.json"),
    (OutputFormat.sarif, "fixtures/formats/feature_mismatch.sarif"),
    (OutputFormat.github, "fixtures/formats/feature_mismatch.github"),
    (OutputFormat.text, "fixtures/broken/feature_mismatch.expected"),
  ])
  func formatMatchesGolden(_ format: OutputFormat, _ golden: String) throws {
    let output = try Self.run([Self.model]).rendered(
      as: format, style: .plain, toolVersion: Self.toolVersion)
    let mismatch = goldenMismatch(output, golden: golden)
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }

  @Test func shapesJSONMatchesGolden() throws {
    let model = "fixtures/simple_net.nn"
    let analysis = ModelCheck.analyze(SourceFile(path: model, bytes: try Repository.bytes(model)))
    let mismatch = goldenMismatch(
      ShapesJSONReporter.render(analysis), golden: "fixtures/formats/simple_net.shapes.json")
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }

  @Test func everyBrokenFixtureGivesValidJSON() throws {
    let run = try Self.run(Repository.models(in: "fixtures/broken"))
    let document = try JSONValue.parse(Array(JSONReporter.render(run).utf8))
    #expect(try Self.schema("docs/schemas/check.schema.json").errors(in: document) == [])
  }

  @Test func inputFailuresGiveValidJSONAndSARIF() throws {
    var run = try Self.run([Self.model])
    run = CheckRun(
      files: run.files, failures: [InputFailure(path: "gone.nn", message: "gone.nn: no such file")],
      uncheckedCount: 1)
    let json = try JSONValue.parse(Array(JSONReporter.render(run).utf8))
    #expect(try Self.schema("docs/schemas/check.schema.json").errors(in: json) == [])
    let sarif = try JSONValue.parse(Array(SARIFReporter.render(run, toolVersion: "1").utf8))
    #expect(try Self.schema("Tests/Schemas/sarif-2.1.0-subset.schema.json").errors(in: sarif) == [])
    let invocation = sarif["runs"]?[0]?["invocations"]?[0]
    #expect(invocation?["executionSuccessful"] == .bool(false))
    #expect(invocation?["exitCode"] == .int(1))
  }

  @Test func everyBrokenFixtureGivesValidSARIF() throws {
    let run = try Self.run(Repository.models(in: "fixtures/broken"))
    let document = try JSONValue.parse(
      Array(SARIFReporter.render(run, toolVersion: Self.toolVersion).utf8))
    let schema = try Self.schema("Tests/Schemas/sarif-2.1.0-subset.schema.json")
    #expect(schema.errors(in: document) == [])
  }

  @Test func sarifRuleIndexMatchesRuleId() throws {
    let run = try Self.run(Repository.models(in: "fixtures/broken"))
    let document = try JSONValue.parse(
      Array(SARIFReporter.render(run, toolVersion: Self.toolVersion).utf8))
    let sarifRun = try #require(document["runs"]?[0])
    guard case .array(let rules)? = sarifRun["tool"]?["driver"]?["rules"],
      case .array(let results)? = sarifRun["results"]
    else {
      Issue.record("rules or results missing")
      return
    }
    #expect(rules.count == DiagnosticCode.all.count)
    #expect(results.count == run.files.reduce(0) { $0 + $1.diagnostics.count })
    for result in results {
      guard case .int(let index)? = result["ruleIndex"], rules.indices.contains(index) else {
        Issue.record("bad ruleIndex in \(result)")
        continue
      }
      #expect(rules[index]["id"] == result["ruleId"])
    }
    #expect(sarifRun["columnKind"] == .string("unicodeCodePoints"))
  }

  @Test func sarifHelpUriPointsAtAnchor() throws {
    let document = SARIFReporter.render(
      CheckRun(files: [], failures: [], uncheckedCount: 0), toolVersion: "1")
    #expect(document.contains("docs/diagnostics.md#shapefeature-mismatch"))
  }

  @Test func columnsCountBytesInJSONAndCodePointsInSARIF() throws {
    let run = try Self.run(["fixtures/broken/multibyte_caret.nn"])
    let json = try JSONValue.parse(Array(JSONReporter.render(run).utf8))
    let diagnostic = json["files"]?[0]?["diagnostics"]?[0]
    // Line 3 is "linéar = nn.Linear(20, 30)"; 'é' is 2 bytes, so '20' starts at byte 21.
    #expect(diagnostic?["column"] == .int(21))
    #expect(diagnostic?["endColumn"] == .int(23))
    let sarif = try JSONValue.parse(Array(SARIFReporter.render(run, toolVersion: "1").utf8))
    let region = sarif["runs"]?[0]?["results"]?[0]?["locations"]?[0]?["physicalLocation"]?["region"]
    #expect(region?["startColumn"] == .int(20))
    #expect(region?["endColumn"] == .int(22))
    #expect(GitHubReporter.render(run).contains("line=3,col=20,endLine=3,endColumn=22,"))
  }

  @Test(arguments: [
    ("plain", "plain"),
    ("100%", "100%25"),
    ("a\nb", "a%0Ab"),
    ("a\r\nb", "a%0D%0Ab"),
    ("%0A", "%250A"),
    ("::error::x", "::error::x"),
  ])
  func githubDataEscaping(_ raw: String, _ escaped: String) {
    #expect(GitHubReporter.escapeData(raw) == escaped)
  }

  @Test(arguments: [
    ("a.nn", "a.nn"),
    ("dir:a,b.nn", "dir%3Aa%2Cb.nn"),
    ("x%\n::y,", "x%25%0A%3A%3Ay%2C"),
    ("line\rbreak", "line%0Dbreak"),
  ])
  func githubPropertyEscaping(_ raw: String, _ escaped: String) {
    #expect(GitHubReporter.escapeProperty(raw) == escaped)
  }

  @Test func githubCommandOfHostilePathHasOneLine() throws {
    let path = "evil,title=x::\n::error file=y.nn::injected%.nn"
    let source = SourceFile(path: path, bytes: try Repository.bytes(Self.model))
    let diagnostics = ModelCheck.analyze(source).diagnostics
    let run = CheckRun(
      files: [CheckedFile(source: source, diagnostics: diagnostics, warningsAsErrors: false)],
      failures: [], uncheckedCount: 0)
    let lines = GitHubReporter.render(run).split(separator: "\n")
    #expect(lines.count == 1)
    #expect(
      lines.first?.hasPrefix(
        "::error file=evil%2Ctitle=x%3A%3A%0A%3A%3Aerror file=y.nn%3A%3Ainjected%25.nn,line=9,")
        == true)
  }

  @Test func sarifURIEncodesUnsafeCharacters() throws {
    let source = SourceFile(path: "my models/a#1.nn", bytes: try Repository.bytes(Self.model))
    let run = CheckRun(
      files: [
        CheckedFile(
          source: source, diagnostics: ModelCheck.analyze(source).diagnostics,
          warningsAsErrors: false)
      ],
      failures: [], uncheckedCount: 0)
    let text = SARIFReporter.render(run, toolVersion: "1")
    #expect(text.contains("\"my%20models/a%231.nn\""))
  }

  @Test func everyShapesDocumentIsValid() throws {
    let schema = try Self.schema("docs/schemas/shapes.schema.json")
    let models =
      Repository.models(in: "fixtures/valid") + Repository.models(in: "fixtures/broken")
      + ["fixtures/simple_net.nn"]
    for model in models {
      let analysis = ModelCheck.analyze(SourceFile(path: model, bytes: try Repository.bytes(model)))
      let document = try JSONValue.parse(Array(ShapesJSONReporter.render(analysis).utf8))
      #expect(schema.errors(in: document) == [], "\(model)")
    }
  }

  @Test func shapesJSONHasNullForFreeDimension() throws {
    let model = "fixtures/valid/batched_mlp.nn"
    let analysis = ModelCheck.analyze(SourceFile(path: model, bytes: try Repository.bytes(model)))
    let document = try JSONValue.parse(Array(ShapesJSONReporter.render(analysis).utf8))
    let first = document["activations"]?[0]
    #expect(first?["shape"]?[0] == .null)
    #expect(first?["formulas"]?[0] == .string("N"))
  }
}

extension JSONValue {
  /// The member `key` of an object, or nil.
  subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members[key]
  }

  /// The element at `index` of an array, or nil.
  subscript(index: Int) -> JSONValue? {
    guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
    return elements[index]
  }
}
