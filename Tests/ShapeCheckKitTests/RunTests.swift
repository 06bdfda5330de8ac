import Foundation
import ShapeCheckKit
import ShapeTensor
import Testing

/// PyTorch 2.13.0 (CPU) values from scripts/make_run_reference.py: torch.manual_seed(42), then
/// nn.Linear(784, 30), nn.ReLU(), nn.Linear(30, 1), applied to fixtures/digits/train/3/1500.png
/// as pixels / 255.
private enum Reference {
  static let act1: [Float] = [
    -0.4107421040534973, -0.22242073714733124, 0.015103545039892197, 0.2601151466369629,
    0.03247208148241043, -0.1852322816848755, 0.2822280526161194, -0.09074439853429794,
    0.17249958217144012, 0.196024551987648, -0.35290297865867615, -0.01141662523150444,
    -0.016285564750432968, -0.4469285309314728, 0.3634870946407318, 0.18594910204410553,
    0.38749656081199646, 0.4156147241592407, -0.10005993396043777, 0.13932941854000092,
    -0.022207506000995636, 0.30227598547935486, -0.3570871353149414, -0.1649363487958908,
    -0.11686535179615021, -0.5116471648216248, 0.3628401458263397, 0.1329658031463623,
    -0.2979781925678253, -0.20457950234413147,
  ]
  static let act3: Float = -0.1861317753791809
  /// The logits of every image under fixtures/digits/valid, in sorted path order.
  static let validLogits: [Float] = [
    -0.22796310484409332, -0.06303051114082336, -0.16393396258354187, -0.19407467544078827,
    -0.16191399097442627, -0.11520066112279892, -0.10433288663625717, -0.11176522076129913,
    -0.24376049637794495, -0.12095584720373154, -0.0654265284538269, -0.09219758957624435,
    -0.06233983486890793, 0.089663065969944, -0.04001541808247566, -0.027822207659482956,
    0.07177000492811203, -0.045733075588941574, -0.004975927993655205, -0.012108630500733852,
  ]
  /// act3 with the weights of torch.manual_seed(7), stored in fixtures/weights/.
  static let seed7Act3: Float = 0.07961595058441162
}

private func options(_ model: String, input: String) -> RunOptions {
  RunOptions(modelPath: Repository.path(model), inputPath: Repository.path(input))
}

private func tensor(_ result: RunResult, _ label: String) -> Tensor? {
  result.comparisons.first { $0.label == label }?.tensor
}

private func maxDifference(_ lhs: [Float], _ rhs: [Float]) -> Float {
  guard lhs.count == rhs.count else { return .infinity }
  return zip(lhs, rhs).map { abs($0 - $1) }.max() ?? 0
}

@Suite struct RunTests {
  @Test func seed42MatchesPyTorchOnOneDigit() throws {
    let result = try ModelRun.run(options("fixtures/simple_net.nn", input: "fixtures/digits/train/3/1500.png"))
    #expect(result.allConfirmed)
    let act1 = try #require(tensor(result, "act1"))
    #expect(maxDifference(act1.scalars, Reference.act1) <= 1e-6)
    let act2 = try #require(tensor(result, "act2"))
    #expect(maxDifference(act2.scalars, Reference.act1.map { max($0, 0) }) <= 1e-6)
    let act3 = try #require(tensor(result, "act3"))
    #expect(maxDifference(act3.scalars, [Reference.act3]) <= 1e-6)
  }

  @Test func batchedRunStacksImagesAndClassifies() throws {
    let result = try ModelRun.run(options("fixtures/simple_net_batched.nn", input: "fixtures/digits/valid"))
    #expect(result.allConfirmed)
    #expect(result.layout.batchSymbol?.name == "N")
    let logits = try #require(tensor(result, "logits"))
    #expect(logits.shape == [20, 1])
    #expect(maxDifference(logits.scalars, Reference.validLogits) <= 1e-6)
    let classification = try #require(result.classification)
    #expect(classification.positiveClass == "3")
    // Only two logits are positive, both for sevens, so every three is wrong.
    #expect(classification.correct == 8)
    #expect(classification.total == 20)
  }

  @Test func freeHeightAndWidthTakeTheImageSize() throws {
    let result = try ModelRun.run(options("fixtures/lenet_free_size.nn", input: "fixtures/digits/valid"))
    #expect(result.allConfirmed)
    #expect(result.layout.sizeBindings.map { "\($0.key.name)=\($0.value)" }.sorted() == ["H=28", "W=28"])
    #expect(result.comparisons.first?.observed == [20, 1, 28, 28])
  }

  @Test(arguments: ["simple_net_seed7.safetensors", "simple_net_seed7_sequential.safetensors"])
  func weightsFileLoadsByEitherNaming(_ file: String) throws {
    var run = options("fixtures/simple_net.nn", input: "fixtures/digits/train/3/1500.png")
    run.weightsPath = Repository.path("fixtures/weights/\(file)")
    let result = try ModelRun.run(run)
    let act3 = try #require(tensor(result, "act3"))
    #expect(maxDifference(act3.scalars, [Reference.seed7Act3]) <= 1e-6)
  }

  @Test func weightsOfAnotherShapeAreDiagnosed() throws {
    var run = options("fixtures/run/weights_mismatch.nn", input: "fixtures/digits/train/3/1500.png")
    run.weightsPath = Repository.path("fixtures/weights/simple_net_seed7.safetensors")
    #expect {
      try ModelRun.run(run)
    } throws: { error in
      guard case RunFailure.diagnostics(_, let diagnostics) = error else { return false }
      return diagnostics.map(\.code.id) == ["weights.shape-mismatch", "weights.shape-mismatch"]
    }
  }

  @Test func malformedWeightsFileIsAnInputError() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID()).safetensors")
    try Data([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7B]).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    var run = options("fixtures/simple_net.nn", input: "fixtures/digits/train/3/1500.png")
    run.weightsPath = url.path
    #expect {
      try ModelRun.run(run)
    } throws: { error in
      guard case RunFailure.input = error else { return false }
      return true
    }
  }

  @Test func inputOfTheWrongSizeIsExplained() throws {
    #expect {
      try ModelRun.run(options("fixtures/run/wrong_input_size.nn", input: "fixtures/digits/train/3/1500.png"))
    } throws: { error in
      guard case RunFailure.run(.imageSizeMismatch) = error else { return false }
      return true
    }
  }

  @Test func formatterPrintsLikePyTorch() {
    #expect(TensorFormatter.format(Tensor(shape: [3], scalars: [0.5, -1.25, 2])) == "tensor([ 0.5000, -1.2500,  2.0000])")
    #expect(TensorFormatter.format(Tensor(shape: [2], scalars: [0, 1])) == "tensor([0., 1.])")
    #expect(TensorFormatter.format(Tensor(shape: [2, 1], scalars: [0.25, -0.5])) == "tensor([[ 0.2500],\n        [-0.5000]])")
    #expect(TensorFormatter.format(Tensor(shape: [2], scalars: [1e-6, 1])) == "tensor([1.0000e-06, 1.0000e+00])")
  }
}

@Suite struct PositiveClassTests {
  @Test func unlabelledImageRejectsOption() throws {
    var run = options("fixtures/simple_net.nn", input: "fixtures/digits/train/3/1500.png")
    run.positiveClass = "nine"
    #expect {
      try ModelRun.run(run)
    } throws: { error in
      guard case RunFailure.run(.positiveClassNotApplicable("nine", [])) = error else { return false }
      return true
    }
  }

  @Test func threeClassesRejectOption() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    for name in ["a", "b", "c"] {
      let png = try Data(contentsOf: URL(fileURLWithPath: Repository.path("fixtures/digits/train/3/1500.png")))
      try FileManager.default.createDirectory(atPath: folder.path(name), withIntermediateDirectories: true)
      try png.write(to: URL(fileURLWithPath: folder.path("\(name)/1.png")))
    }
    var run = RunOptions(modelPath: Repository.path("fixtures/simple_net.nn"), inputPath: folder.path)
    run.positiveClass = "a"
    #expect {
      try ModelRun.run(run)
    } throws: { error in
      guard case RunFailure.run(.positiveClassNotApplicable("a", ["a", "b", "c"])) = error else { return false }
      return true
    }
    run.positiveClass = nil
    #expect(try ModelRun.run(run).classification == nil)
  }
}
