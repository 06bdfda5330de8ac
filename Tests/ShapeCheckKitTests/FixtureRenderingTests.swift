import Foundation
import ShapeSource
import Testing

@testable import ShapeCheckKit

/// Every fixture, broken ones included, renders as a summary, an SVG and a DOT graph without
/// crashing, and every SVG is well-formed XML.
@Suite struct FixtureRenderingTests {
  static let models =
    Repository.models(in: "fixtures/broken") + Repository.models(in: "fixtures/valid")
    + ["fixtures/simple_net.nn"]

  @Test(arguments: models)
  func fixtureRendersEveryFormat(_ model: String) throws {
    let analysis = ModelCheck.analyze(SourceFile(path: model, bytes: try Repository.bytes(model)))
    let summary = SummaryReport(batchSize: 8, showsFormulas: true).render(analysis)
    #expect(summary.contains("total parameters:"))

    let graph = ModelGraph(analysis)
    let svg = GraphSVG(showsFormulas: true).render(graph)
    #expect(try XMLCheck.problem(in: svg) == nil)
    let dot = GraphDOT(showsFormulas: true).render(graph)
    #expect(dot.hasPrefix("digraph "))
    #expect(dot.hasSuffix("}\n"))
  }
}
