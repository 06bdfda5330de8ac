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

private func layout(_ analysis: ModelAnalysis, pixels: Int) throws -> InputLayout {
  try InputLayout.make(for: analysis, pixelsPerImage: pixels, width: pixels, height: 1)
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
    #expect(codes == [.tooManyLayers])
    let message = try #require(analysis.diagnostics.first?.message)
    #expect(message.contains("more than 10000 layers"))
    #expect(analysis.layers.count == ModelChecker.maxLayers)
  }

  @Test func parameterAtElementLimitIsAccepted() throws {
    // 784 × 85598 = 67,108,832 elements, 32 below 2^26.
    let analysis = analyze("x: Tensor[784]\nbig = nn.Linear(784, 85598, bias=False)\ny = big(x)\n")
    #expect(!analysis.hasErrors)
    try RunLimits.check(analysis, layout: layout(analysis, pixels: 784), imageCount: 1)
  }

  @Test func parameterPastElementLimitIsRejected() throws {
    // 784 × 85599 = 67,109,616 elements, 752 above 2^26.
    let analysis = analyze("x: Tensor[784]\nbig = nn.Linear(784, 85599, bias=False)\ny = big(x)\n")
    #expect(!analysis.hasErrors)
    #expect(throws: RunError.tensorTooLarge(tensor: "big.weight", shape: "[85599, 784]", limit: 1 << 26)) {
      try RunLimits.check(analysis, layout: layout(analysis, pixels: 784), imageCount: 1)
    }
  }

  @Test func batchedActivationLimitCountsImages() throws {
    let analysis = analyze("x: Tensor[N, 784]\nwide = nn.Linear(784, 1000)\ny = wide(x)\n")
    #expect(!analysis.hasErrors)
    let batched = try layout(analysis, pixels: 784)
    // 67,108 × 1000 elements fit under 2^26 = 67,108,864, and 67,109 × 1000 do not.
    try RunLimits.check(analysis, layout: batched, imageCount: 67_108)
    #expect(throws: RunError.tensorTooLarge(tensor: "the output of 'wide'", shape: "[67109, 1000]", limit: 1 << 26)) {
      try RunLimits.check(analysis, layout: batched, imageCount: 67_109)
    }
  }

  @Test func totalParameterLimitSumsLayers() throws {
    // Each layer has 8192 × 8192 = 2^26 weights, so four layers reach 2^28 and five pass it.
    let layer = "nn.Linear(8192, 8192, bias=False)"
    let four = analyze("x: Tensor[8192]\nm = nn.Sequential(\(Array(repeating: layer, count: 4).joined(separator: ", ")))\ny = m(x)\n")
    #expect(!four.hasErrors)
    try RunLimits.check(four, layout: layout(four, pixels: 8192), imageCount: 1)
    let five = analyze("x: Tensor[8192]\nm = nn.Sequential(\(Array(repeating: layer, count: 5).joined(separator: ", ")))\ny = m(x)\n")
    #expect(throws: RunError.modelTooLarge(limit: 1 << 28)) {
      try RunLimits.check(five, layout: layout(five, pixels: 8192), imageCount: 1)
    }
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
      guard case .run(.tensorTooLarge(let tensor, _, _)) = error else {
        Issue.record("unexpected error: \(error)")
        return
      }
      #expect(tensor == "the output of 'huge'")
    }
  }
}
