import Foundation
import ShapeCheckKit
import ShapeDiagnostics
import ShapeInference
import ShapeLayers
import ShapeSource
import Testing

/// Checks the convolutional fixtures and records their `shapes` reports as golden files.
@Suite struct ConvFixtureTests {
  private func analyze(_ model: String) throws -> ModelAnalysis {
    ModelCheck.analyze(SourceFile(path: model, bytes: try Repository.bytes(model)))
  }

  @Test(arguments: ["fixtures/lenet.nn", "fixtures/lenet_free_size.nn"])
  func shapesMatchGolden(_ model: String) throws {
    let analysis = try analyze(model)
    let golden = String(model.dropLast(".nn".count)) + ".shapes.expected"
    let mismatch = goldenMismatch(ShapesReport.render(analysis), golden: golden)
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }

  @Test func lenetHasNoDiagnostics() throws {
    let analysis = try analyze("fixtures/lenet.nn")
    let rendered = DiagnosticRenderer().render(analysis.diagnostics, in: analysis.source)
    #expect(analysis.diagnostics.isEmpty, "\(rendered)")
  }

  @Test func lenetFlattenedSizeIsFormulaOf400() throws {
    let analysis = try analyze("fixtures/lenet.nn")
    let flatten = try #require(analysis.activations.first { $0.producer == "flatten" })
    #expect(analysis.values(of: flatten.shape)[1] == 400)
    let formula = flatten.shape[1].formula.description
    for constant in ["conv_2.out_channels", "conv_1.kernel_size[0]", "conv_1.padding[1]", "pool_2.stride[0]"] {
      #expect(formula.contains(constant), "\(formula)")
    }
  }

  @Test func freeSizeFixtureBoundsHeightAndWidth() throws {
    let analysis = try analyze("fixtures/lenet_free_size.nn")
    #expect(!analysis.hasErrors)
    let bounds = analysis.diagnostics.filter { $0.code == .conditionalShape }
    #expect(bounds.count == analysis.diagnostics.count)
    #expect(bounds.map { $0.facts["symbol"] } == ["H", "W"])
    #expect(bounds.map { $0.facts["minimum"] } == ["10", "10"])
  }

  @Test func lenetConstraintsTieWindowsToLinearSize() throws {
    let analysis = try analyze("fixtures/lenet.nn")
    let constraint = try #require(analysis.constraints.first { $0.layerName == "fc_1" })
    #expect(constraint.isSatisfied)
    let names = Set(constraint.actual.symbols.map(\.name))
    for name in [
      "conv_1.kernel_size[0]", "conv_1.padding[1]", "pool_1.kernel_size[0]", "conv_2.kernel_size[1]",
      "pool_2.stride[0]", "pool_2.kernel_size[1]", "conv_2.out_channels",
    ] {
      #expect(names.contains(name), "\(name) is missing from \(constraint.actual)")
    }
    let channels = try #require(analysis.constraints.first { $0.layerName == "conv_2" })
    #expect(channels.argument == "in_channels")
    #expect(channels.actual.symbols.map(\.name) == ["conv_1.out_channels"])
  }
}
