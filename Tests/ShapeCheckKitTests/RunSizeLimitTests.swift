import Foundation
import ShapeCheckKit
import Testing

@Suite struct RunSizeLimitTests {
  /// Runs `model` on one committed digit and returns the run error it ends with.
  private func runError(_ model: String) throws -> RunError? {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("size-\(UUID().uuidString).nn")
    try Data(model.utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    do {
      _ = try ModelRun.run(
        RunOptions(modelPath: url.path, inputPath: Repository.path("fixtures/digits/train/3/1500.png")))
    } catch {
      if case .run(let runError) = error { return runError }
      Issue.record("unexpected failure \(error)")
    }
    return nil
  }

  @Test func hugeActivationIsRejected() throws {
    let error = try runError("images: Tensor[1, 28, 28]\nc = nn.Conv2d(1, 1000000, 3)\ny = c(images)\n")
    #expect(error?.description.hasPrefix("the output of 'c' would take") == true)
    #expect(error?.description.contains("more than the limit of 268,435,456") == true)
  }

  @Test func hugeParametersAreRejected() throws {
    let error = try runError("x: Tensor[784]\nc = nn.Linear(784, 100000000)\ny = c(x)\n")
    #expect(error?.description.hasPrefix("'c.weight' would take 78,400,000,000 Float32 elements") == true)
  }
}
