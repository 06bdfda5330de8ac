import Foundation
import ShapeCheckKit
import ShapeData
import ShapeDiagnostics
import ShapeInference
import ShapeSource
import Testing

private let model = """
  images: Tensor[N, 2, 4, 4]
  bn = nn.BatchNorm2d(2)
  x = bn(images)
  """

@Suite struct BatchNormWeightsTests {
  private let analysis = ModelCheck.analyze(SourceFile(path: "model.nn", text: model))

  @Test func runningStatisticsLoadAndCounterIsIgnored() throws {
    let file = try safetensors([
      ("bn.weight", [2], [1, 2]), ("bn.bias", [2], [0, 1]), ("bn.running_mean", [2], [0.5, -1]),
      ("bn.running_var", [2], [4, 9]), ("bn.num_batches_tracked", [], [0]),
    ])
    let matcher = WeightsMatcher(analysis: analysis, file: file, path: "bn.safetensors")
    #expect(matcher.diagnostics().isEmpty)
    let store = try matcher.parameterStore()
    #expect(store.tensors["bn"]?["running_var"]?.scalars == [4, 9])
    #expect(store.tensors["bn"]?["running_mean"]?.scalars == [0.5, -1])
  }

  @Test func missingRunningVarianceIsReported() throws {
    let file = try safetensors([
      ("bn.weight", [2], [1, 2]), ("bn.bias", [2], [0, 1]), ("bn.running_mean", [2], [0.5, -1]),
    ])
    let matcher = WeightsMatcher(analysis: analysis, file: file, path: "bn.safetensors")
    let diagnostics = matcher.diagnostics()
    #expect(diagnostics.map(\.code) == [.weightsMissing])
    #expect(diagnostics.first?.message.contains("bn.running_var") == true)
  }

  @Test func counterOfUnknownLayerIsUnexpected() throws {
    let file = try safetensors([
      ("bn.weight", [2], [1, 2]), ("bn.bias", [2], [0, 1]), ("bn.running_mean", [2], [0.5, -1]),
      ("bn.running_var", [2], [4, 9]), ("other.num_batches_tracked", [], [0]),
    ])
    let matcher = WeightsMatcher(analysis: analysis, file: file, path: "bn.safetensors")
    #expect(matcher.diagnostics().map(\.code) == [.weightsUnexpected])
  }
}
