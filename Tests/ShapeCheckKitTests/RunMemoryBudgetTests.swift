import ShapeCheckKit
import Testing

/// Models whose tensors would not fit in memory are rejected before `run` allocates them.
@Suite struct RunMemoryBudgetTests {
  private func runModel(_ text: String) throws -> RunFailure? {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("model.nn", text)
    let options = RunOptions(
      modelPath: folder.path("model.nn"), inputPath: Repository.path("fixtures/digits/train/3/1500.png"))
    do {
      _ = try ModelRun.run(options)
      return nil
    } catch {
      return error
    }
  }

  @Test func hugeWeightIsRejectedByName() throws {
    let failure = try runModel("x: Tensor[784]\nl = nn.Linear(784, 2 ** 40)\ny = l(x)\n")
    guard case .run(.tooLarge(let tensor, let elements, _)) = failure else {
      Issue.record("expected tooLarge, got \(String(describing: failure))")
      return
    }
    #expect(tensor == "'l.weight'")
    #expect(elements == 784 << 40)
  }

  @Test func overflowingWeightIsRejected() throws {
    let failure = try runModel("x: Tensor[784]\nl = nn.Linear(784, 2 ** 62)\ny = l(x)\n")
    guard case .run(.tooLarge(let tensor, let elements, _)) = failure else {
      Issue.record("expected tooLarge, got \(String(describing: failure))")
      return
    }
    #expect(tensor == "'l.weight'")
    #expect(elements == nil)
  }

  @Test func sumOfTensorsIsBounded() throws {
    let failure = try runModel(
      "x: Tensor[784]\nl = nn.Linear(784, 300_000)\nm = nn.Linear(300_000, 300)\ny = m(l(x))\n")
    guard case .run(.tooLarge(let tensor, _, let limit)) = failure else {
      Issue.record("expected tooLarge, got \(String(describing: failure))")
      return
    }
    #expect(tensor == nil)
    #expect(limit == 1 << 28)
  }

  @Test func ordinaryModelStillRuns() throws {
    #expect(try runModel("x: Tensor[784]\nl = nn.Linear(784, 30)\ny = l(x)\n") == nil)
  }
}
