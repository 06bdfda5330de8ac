import Foundation
import ShapeDiagnostics
import ShapeInference
import ShapeSource
import Testing

@testable import ShapeCheckKit

private func analyze(_ text: String) -> ModelAnalysis {
  ModelCheck.analyze(SourceFile(path: "limit.nn", text: text))
}

/// A model whose Sequential contains `count` ReLU layers.
private func reluChain(_ count: Int) -> String {
  let layers = Array(repeating: "nn.ReLU()", count: count).joined(separator: ", ")
  return "x: Tensor[N, 8]\nchain = nn.Sequential(\(layers))\ny = chain(x)\n"
}

@Suite struct ModelLimitTests {
  @Test func layerCountAtLimitIsAccepted() {
    let analysis = analyze(reluChain(ModelChecker.maxLayers))
    #expect(analysis.diagnostics.isEmpty)
    #expect(analysis.layers.count == ModelChecker.maxLayers)
  }

  @Test func layerCountPastLimitIsOneError() throws {
    let analysis = analyze(reluChain(ModelChecker.maxLayers + 5))
    let codes = analysis.diagnostics.map(\.code)
    #expect(codes == [.modelTooLarge])
    let message = try #require(analysis.diagnostics.first?.message)
    #expect(message.contains("more than 10000 layers"))
    #expect(analysis.layers.count == ModelChecker.maxLayers)
  }

  @Test func runRejectsHugeLayerBeforeAllocating() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("shapecheck-limit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let model = folder.appendingPathComponent("huge.nn")
    try "x: Tensor[784]\nhuge = nn.Linear(784, 1_000_000_000)\ny = huge(x)\n"
      .write(to: model, atomically: true, encoding: .utf8)
    let options = RunOptions(modelPath: model.path, inputPath: Repository.path("fixtures/digits/train/3/1500.png"))
    do {
      _ = try ModelRun.run(options)
      Issue.record("run accepted a layer with 784 billion weights")
    } catch {
      guard case .run(.tooLarge(let tensor, _, _)) = error else {
        Issue.record("unexpected error: \(error)")
        return
      }
      #expect(tensor != nil)
    }
  }
}
