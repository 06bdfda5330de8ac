import ShapeCheckKit
import ShapeDiagnostics
import ShapeSource
import Testing

/// Errors of `check --weights` and `run --weights` on weights with NaN or infinite values, as
/// a diverged training run saves them.
@Suite struct NonFiniteWeightsTests {
  private let analysis = ModelCheck.analyze(
    SourceFile(path: "model.nn", text: "x: Tensor[N, 3]\nlinear = nn.Linear(3, 1)\ny = linear(x)\n"))

  private func diagnostics(weight: [Float], bias: Float = 0) throws -> [Diagnostic] {
    let file = try safetensors([("linear.weight", [1, 3], weight), ("linear.bias", [1], [bias])])
    return WeightsMatcher(analysis: analysis, file: file, path: "w.safetensors").diagnostics()
  }

  @Test func finiteWeightsPass() throws {
    #expect(try diagnostics(weight: [0.5, -1, 3e38]).isEmpty)
  }

  @Test func nanIsReportedWithIndex() throws {
    let found = try diagnostics(weight: [0.5, .nan, 1])
    #expect(found.map(\.code) == [.weightsNonFinite])
    #expect(
      found.first?.message
        == "'linear.weight' in 'w.safetensors' has 1 value that is NaN or infinite, the first at flat index 1 (nan); every output computed from 'linear.weight' would be NaN or infinite too"
    )
  }

  @Test func infinitiesAreCounted() throws {
    let found = try diagnostics(weight: [.infinity, 1, -.infinity], bias: .nan)
    #expect(found.map(\.code) == [.weightsNonFinite, .weightsNonFinite])
    #expect(found.first?.facts["count"] == "2")
    #expect(found.first?.facts["index"] == "0")
    #expect(found.last?.facts["count"] == "1")
  }
}
