import Foundation
import ShapeCheckKit
import ShapeDiagnostics
import ShapeSource
import Testing

/// Every broken fixture's rendered diagnostics are recorded next to it as `NAME.expected`.
@Suite struct FixtureGoldenTests {
  static let brokenModels = Repository.models(in: "fixtures/broken")
  static let validModels = Repository.models(in: "fixtures/valid") + ["fixtures/simple_net.nn"]

  @Test(arguments: brokenModels)
  func brokenFixtureMatchesGolden(_ model: String) throws {
    let analysis = ModelCheck.analyze(SourceFile(path: model, bytes: try Repository.bytes(model)))
    #expect(analysis.hasErrors || analysis.diagnostics.contains { $0.severity == .warning })
    let rendered = DiagnosticRenderer().render(analysis.diagnostics, in: analysis.source)
    let golden = String(model.dropLast(".nn".count)) + ".expected"
    let mismatch = goldenMismatch(rendered, golden: golden)
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }

  @Test(arguments: validModels)
  func validFixtureHasNoDiagnostics(_ model: String) throws {
    let analysis = ModelCheck.analyze(SourceFile(path: model, bytes: try Repository.bytes(model)))
    let rendered = DiagnosticRenderer().render(analysis.diagnostics, in: analysis.source)
    #expect(analysis.diagnostics.isEmpty, "\(rendered)")
  }

  @Test func simpleNetShapesMatchGolden() throws {
    let model = "fixtures/simple_net.nn"
    let analysis = ModelCheck.analyze(SourceFile(path: model, bytes: try Repository.bytes(model)))
    let mismatch = goldenMismatch(ShapesReport.render(analysis), golden: "fixtures/simple_net.shapes.expected")
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }
}
