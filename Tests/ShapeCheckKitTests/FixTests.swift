import Foundation
import ShapeCheckKit
import ShapeDiagnostics
import ShapeSource
import Testing

/// `check --fix` and `--diff` on files in a temporary folder.
@Suite struct FixTests {
  struct Interrupted: Error {}

  /// Creates an empty folder under the system's temporary folder.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("shapecheck-fix-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Writes `bytes` to a new file and returns its path.
  static func file(_ name: String, _ bytes: [UInt8]) throws -> String {
    let url = try temporaryFolder().appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  static func read(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  static func replacing(_ bytes: [UInt8], _ old: String, with new: String) -> [UInt8] {
    Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: old, with: new).utf8)
  }

  static let mismatchLine = "nn.Linear(in_features=20,"

  @Test func featureMismatchIsRepaired() throws {
    let original = try Repository.bytes("fixtures/broken/feature_mismatch.nn")
    let path = try Self.file("model.nn", original)
    let result = try ModelFixer.fix(path, write: true)
    #expect(result.plan.applied.count == 1)
    #expect(result.analysisAfter.diagnostics.isEmpty)
    let fixed = try Self.read(path)
    let expected = Self.replacing(original, Self.mismatchLine, with: "nn.Linear(in_features=30,")
    #expect(fixed == expected)
    // Every byte outside the edited literal is unchanged.
    let edit = try #require(result.plan.edits.first)
    #expect(Array(fixed[..<edit.range.start]) == Array(original[..<edit.range.start]))
    #expect(Array(fixed[edit.range.end...]) == Array(original[edit.range.end...]))
  }

  @Test func crlfLineEndingsAreKept() throws {
    let lf = try Repository.bytes("fixtures/broken/feature_mismatch.nn")
    let crlf = Self.replacing(lf, "\n", with: "\r\n")
    let path = try Self.file("model.nn", crlf)
    _ = try ModelFixer.fix(path, write: true)
    let fixed = try Self.read(path)
    #expect(fixed == Self.replacing(crlf, Self.mismatchLine, with: "nn.Linear(in_features=30,"))
  }

  @Test func permissionsAreKept() throws {
    let path = try Self.file(
      "model.nn", try Repository.bytes("fixtures/broken/feature_mismatch.nn"))
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
    _ = try ModelFixer.fix(path, write: true)
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o640)
  }

  @Test func symbolicLinkIsKept() throws {
    let original = try Repository.bytes("fixtures/broken/feature_mismatch.nn")
    let target = try Self.file("model.nn", original)
    let link = try Self.temporaryFolder().appendingPathComponent("link.nn").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    let result = try ModelFixer.fix(link, write: true)
    #expect(result.plan.applied.count == 1)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
    let fixed = ModelCheck.analyze(SourceFile(path: target, bytes: try Self.read(target)))
    #expect(fixed.diagnostics.isEmpty)
  }

  /// The superuser passes `access` for every file, so the writer reads the permission bits;
  /// the test holds for any user.
  @Test func fileWithoutWritePermissionIsNotRewritten() throws {
    let original = try Repository.bytes("fixtures/broken/feature_mismatch.nn")
    let path = try Self.file("model.nn", original)
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
    #expect(throws: FixFailure.self) { try ModelFixer.fix(path, write: true) }
    #expect(try Self.read(path) == original)
  }

  @Test func hardLinkedFileIsNotRewritten() throws {
    let original = try Repository.bytes("fixtures/broken/feature_mismatch.nn")
    let path = try Self.file("model.nn", original)
    let twin = URL(fileURLWithPath: path).deletingLastPathComponent()
      .appendingPathComponent("twin.nn").path
    try FileManager.default.linkItem(atPath: path, toPath: twin)
    #expect(throws: FixFailure.self) { try ModelFixer.fix(path, write: true) }
    #expect(try Self.read(path) == original)
    #expect(try Self.read(twin) == original)
  }

  @Test func interruptedWriteLeavesOriginal() throws {
    let original = try Repository.bytes("fixtures/broken/feature_mismatch.nn")
    let path = try Self.file("model.nn", original)
    let writer = AtomicFileWriter { temporary in
      // The temporary file is complete at this point; the rename never happens.
      #expect(FileManager.default.fileExists(atPath: temporary))
      throw Interrupted()
    }
    #expect(throws: FixFailure.self) { try ModelFixer.fix(path, write: true, writer: writer) }
    #expect(try Self.read(path) == original)
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["model.nn"])
  }

  @Test func syntaxErrorBlocksRewrite() throws {
    var original = try Repository.bytes("fixtures/broken/feature_mismatch.nn")
    original += Array("def forward(x):\n    pass\n".utf8)
    let path = try Self.file("model.nn", original)
    let result = try ModelFixer.fix(path, write: true)
    #expect(result.plan.hasSyntaxErrors)
    #expect(result.plan.applied.isEmpty)
    #expect(result.plan.skipped.contains { $0.reason == "the file has a syntax error" })
    #expect(try Self.read(path) == original)
  }

  @Test func severalFixesApplyTogether() throws {
    let model = """
      x: Tensor[784]
      a = nn.Linear(784, 30)
      b = nn.Linear(20, 10)  # hidden width
      c = nn.Linear(5, 2)
      y = c(b(a(x)))

      """
    let path = try Self.file("chain.nn", Array(model.utf8))
    let result = try ModelFixer.fix(path, write: true)
    #expect(result.plan.applied.count == 2)
    #expect(result.analysisAfter.diagnostics.isEmpty)
    let expected = model.replacingOccurrences(of: "Linear(20, 10)", with: "Linear(30, 10)")
      .replacingOccurrences(of: "Linear(5, 2)", with: "Linear(10, 2)")
    #expect(try Self.read(path) == Array(expected.utf8))
  }

  @Test func sharedConsumerNeedsChoice() throws {
    let model = """
      a: Tensor[30]
      b: Tensor[40]
      layer = nn.Linear(20, 5)
      y = layer(a)
      z = layer(b)

      """
    let path = try Self.file("shared.nn", Array(model.utf8))
    let result = try ModelFixer.fix(path, write: true)
    #expect(result.plan.applied.isEmpty)
    #expect(result.plan.skipped.contains { $0.reason.contains("another layer requirement") })
    #expect(try Self.read(path) == Array(model.utf8))
  }

  @Test func namedConstantNeedsChoice() throws {
    let model = """
      hidden = 20
      x: Tensor[784]
      a = nn.Linear(784, 30)
      b = nn.Linear(hidden, 10)
      y = b(a(x))

      """
    let plan = FixPlanner.plan(ModelCheck.analyze(SourceFile(path: "named.nn", text: model)))
    #expect(plan.applied.isEmpty)
    #expect(plan.skipped.contains { $0.reason.contains("not written as an integer literal") })
  }

  @Test(arguments: [
    ("nn.LayerNorm((10, 21))", "nn.LayerNorm((10, 20))"),
    ("nn.LayerNorm([10, 21])", "nn.LayerNorm([10, 20])"),
    ("nn.LayerNorm((21,))", "nn.LayerNorm((20,))"),
    ("nn.LayerNorm(21)", "nn.LayerNorm(20)"),
  ])
  func layerNormEntryIsRepaired(written: String, repaired: String) throws {
    let model = "x: Tensor[4, 10, 20]\nln = \(written)\ny = ln(x)\n"
    let plan = FixPlanner.plan(ModelCheck.analyze(SourceFile(path: "norm.nn", text: model)))
    #expect(plan.skipped.isEmpty)
    #expect(plan.applied.count == 1)
    let fixed = try #require(SourceEditor.apply(plan.edits, to: Array(model.utf8)))
    #expect(String(decoding: fixed, as: UTF8.self) == "x: Tensor[4, 10, 20]\nln = \(repaired)\ny = ln(x)\n")
  }

  @Test func layerNormNamedEntryNeedsChoice() {
    let model = "width = 21\nx: Tensor[4, 10, 20]\nln = nn.LayerNorm((10, width))\ny = ln(x)\n"
    let plan = FixPlanner.plan(ModelCheck.analyze(SourceFile(path: "norm.nn", text: model)))
    #expect(plan.applied.isEmpty)
    #expect(plan.skipped.contains { $0.reason.contains("not written as an integer literal") })
  }

  @Test func diffMatchesGolden() throws {
    let model = "fixtures/broken/feature_mismatch.nn"
    let result = try ModelFixer.fix(Repository.path(model), write: false)
    let mismatch = goldenMismatch(
      result.diff(path: model), golden: "fixtures/explain/feature_mismatch.diff.expected")
    #expect(mismatch == nil, "\(mismatch ?? "")")
    #expect(try Repository.bytes(model) == result.originalBytes)
  }
}
