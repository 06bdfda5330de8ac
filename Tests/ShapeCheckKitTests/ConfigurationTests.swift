import ShapeCheckKit
import Testing

/// `.shapecheck.json` parsing, discovery up the folder tree, and command-line overrides.
@Suite struct ConfigurationTests {
  static func parse(_ text: String) throws(InputError) -> Configuration {
    try Configuration.parse(Array(text.utf8), path: "c/.shapecheck.json")
  }

  @Test func fullConfigurationParses() throws {
    let configuration = try Self.parse(
      #"{"warningsAsErrors": true, "disabledCodes": ["shape.undecided"], "format": "sarif"}"#)
    #expect(configuration.warningsAsErrors == true)
    #expect(configuration.disabledCodes == ["shape.undecided"])
    #expect(configuration.format == .sarif)
  }

  @Test func emptyObjectSetsNothing() throws {
    #expect(try Self.parse("{}") == Configuration(path: "c/.shapecheck.json"))
  }

  @Test(arguments: [
    ("not json", "not valid JSON"),
    ("{\"warningsAsErrors\": true,\n \"format\": }", "not valid JSON: Invalid value around character 38."),
    ("[]", "one JSON object"),
    (#"{"warningsAsErrors": 1}"#, "'warningsAsErrors' must be true or false"),
    (#"{"warningsAsErrors": "yes"}"#, "'warningsAsErrors' must be true or false"),
    (#"{"disabledCodes": "shape.undecided"}"#, "'disabledCodes' must be an array"),
    (#"{"disabledCodes": [1]}"#, "only strings"),
    (#"{"disabledCodes": ["no.such-code"]}"#, "unknown code 'no.such-code'"),
    (#"{"format": "xml"}"#, "'format' is 'xml'"),
    (#"{"format": 2}"#, "'format' must be a string"),
    (#"{"warningsAsError": true}"#, "unknown key 'warningsAsError'"),
  ])
  func invalidConfigurationNamesFileAndReason(_ text: String, _ reason: String) {
    do {
      _ = try Self.parse(text)
      Issue.record("accepted \(text)")
    } catch {
      #expect(error.description.hasPrefix("c/.shapecheck.json: invalid configuration: "))
      #expect(error.description.contains(reason), "\(error.description)")
    }
  }

  @Test func nearestConfigurationWins() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(".shapecheck.json", #"{"format": "json"}"#)
    try folder.write("a/b/.shapecheck.json", #"{"format": "github"}"#)
    try folder.write("a/b/c/m.nn", Models.valid)
    try folder.write("a/m.nn", Models.valid)
    var finder = ConfigurationFinder()
    #expect(try finder.configuration(forFileAt: folder.path("a/b/c/m.nn")).get().format == .github)
    #expect(try finder.configuration(forFileAt: folder.path("a/m.nn")).get().format == .json)
    #expect(try finder.configuration(forFileAt: folder.path("a/b/c/m.nn")).get().format == .github)
  }

  @Test func configurationSetsWarningsAsErrors() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(".shapecheck.json", #"{"warningsAsErrors": true}"#)
    try folder.write("m.nn", Models.warning)
    let run = BatchCheck.run([folder.path], options: CheckOptions())
    #expect(run.count(.warning) == 1)
    #expect(run.exitStatus == .findings)
  }

  @Test func commandLineOverridesConfiguration() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(".shapecheck.json", #"{"warningsAsErrors": true, "format": "json"}"#)
    try folder.write("m.nn", Models.warning)
    var options = CheckOptions()
    options.warningsAsErrors = false
    let run = BatchCheck.run([folder.path], options: options)
    #expect(run.exitStatus == .success)
    #expect(run.configuredFormat == .json)
    options.readsConfiguration = false
    #expect(BatchCheck.run([folder.path], options: options).configuredFormat == nil)
  }

  @Test func disabledCodesCombine() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(".shapecheck.json", #"{"disabledCodes": ["assert.holds-only-by-value"]}"#)
    try folder.write("w.nn", Models.warning)
    try folder.write("e.nn", Models.mismatch)
    var options = CheckOptions()
    #expect(BatchCheck.run([folder.path], options: options).count(.warning) == 0)
    #expect(BatchCheck.run([folder.path], options: options).count(.error) == 1)
    options.disabledCodes = ["shape.feature-mismatch"]
    let run = BatchCheck.run([folder.path], options: options)
    #expect(run.count(.error) == 0)
    #expect(run.exitStatus == .success)
  }

  @Test func invalidConfigurationSkipsItsFilesOnly() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("bad/.shapecheck.json", "{")
    try folder.write("bad/one.nn", Models.valid)
    try folder.write("bad/two.nn", Models.valid)
    try folder.write("good/m.nn", Models.valid)
    let run = BatchCheck.run([folder.path], options: CheckOptions())
    #expect(run.files.map(\.source.path) == [folder.path("good/m.nn")])
    #expect(run.failures.count == 1)
    #expect(
      run.failures.first?.message.contains("bad/.shapecheck.json: invalid configuration") == true)
    #expect(run.uncheckedCount == 2)
    #expect(run.exitStatus == .input)
  }
}
