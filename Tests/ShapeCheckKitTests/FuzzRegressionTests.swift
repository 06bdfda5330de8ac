import Foundation
import ShapeCheckKit
import ShapeDiagnostics
import ShapeInference
import ShapeSource
import Testing

/// The inputs under Fuzz/Regressions/model, which once made the checker crash or hang.
/// `scripts/fuzz --smoke` also runs them in the fuzz binaries.
@Suite struct FuzzRegressionTests {
  private static func analyzeRegression(_ name: String) throws -> ModelAnalysis {
    let bytes = try Repository.bytes("Fuzz/Regressions/model/\(name)")
    return ModelCheck.analyze(SourceFile(path: name, bytes: bytes))
  }

  @Test(.timeLimit(.minutes(1)))
  func manyUndefinedNamesCheckQuickly() throws {
    let analysis = try Self.analyzeRegression("many_undefined_names.nn")
    #expect(analysis.diagnostics.count == 3000)
    #expect(analysis.diagnostics.allSatisfy { $0.code == .undefinedName })
  }

  @Test(.timeLimit(.minutes(1)))
  func longUndefinedNameGetsNoSuggestion() throws {
    let analysis = try Self.analyzeRegression("long_undefined_name.nn")
    #expect(analysis.diagnostics.map(\.code) == [.undefinedName])
    #expect(analysis.diagnostics.first?.fixIts.isEmpty == true)
  }

  @Test func suggestionsStopWhenBudgetIsSpent() {
    // Each typo compares against about 2,000 names in scope, so the budget covers the first
    // typos and not the last one.
    var lines = (0..<2000).map { "c_\($0) = \($0)" }
    lines += (0..<200).map { "t_\($0) = c_1x" }
    let analysis = ModelCheck.analyze(SourceFile(path: "typos.nn", text: lines.joined(separator: "\n")))
    #expect(analysis.diagnostics.count == 200)
    #expect(analysis.diagnostics.first?.fixIts.isEmpty == false)
    #expect(analysis.diagnostics.last?.fixIts.isEmpty == true)
  }

  @Test func shortUndefinedNameStillGetsSuggestion() throws {
    let analysis = ModelCheck.analyze(SourceFile(path: "typo.nn", text: "hidden = 3\nsize = hiden\n"))
    #expect(analysis.diagnostics.first?.message == "'hiden' is not defined; did you mean 'hidden'?")
  }
}
