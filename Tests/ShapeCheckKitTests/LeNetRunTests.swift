import Foundation
import ShapeCheckKit
import ShapeData
import Testing

/// PyTorch 2.13.0 (CPU) values from scripts/make_lenet_reference.py: torch.manual_seed(42), the
/// layers of fixtures/lenet.nn in evaluation mode, one batch of fixtures/digits/train/3/1501.png,
/// 1502.png and train/7/3501.png, 3502.png as pixels / 255.
private let reference: [LayerSummary] = [
  LayerSummary(
    layer: "conv_1", shape: [4, 6, 28, 28], sum: -1097.3320261146873, absoluteSum: 3381.9444720167667,
    first: [
      0.050333451479673386, 0.050333451479673386, 0.050333451479673386, 0.050333451479673386,
      0.050333451479673386, 0.050333451479673386, 0.050333451479673386, 0.050333451479673386,
    ]),
  LayerSummary(
    layer: "relu_1", shape: [4, 6, 28, 28], sum: 1142.3062229510397, absoluteSum: 1142.3062229510397,
    first: [
      0.050333451479673386, 0.050333451479673386, 0.050333451479673386, 0.050333451479673386,
      0.050333451479673386, 0.050333451479673386, 0.050333451479673386, 0.050333451479673386,
    ]),
  LayerSummary(
    layer: "pool_1", shape: [4, 6, 14, 14], sum: 387.1610036827624, absoluteSum: 387.1610036827624,
    first: [
      0.050333451479673386, 0.050333451479673386, 0.050333451479673386, 0.050333451479673386,
      0.050333451479673386, 0.050333451479673386, 0.050333451479673386, 0.050333451479673386,
    ]),
  LayerSummary(
    layer: "conv_2", shape: [4, 16, 10, 10], sum: 299.8674026498629, absoluteSum: 730.7990233598102,
    first: [
      0.0031987170223146677, -0.03878255933523178, -0.1389281153678894, -0.16440212726593018,
      -0.09450013935565948, 0.03955869376659393, 0.12695525586605072, 0.07626510411500931,
    ]),
  LayerSummary(
    layer: "bn_2", shape: [4, 16, 10, 10], sum: 299.86590090870664, absoluteSum: 730.7953641681167,
    first: [
      0.0031987009570002556, -0.03878236562013626, -0.1389274150133133, -0.16440130770206451,
      -0.09449966251850128, 0.039558496326208115, 0.12695461511611938, 0.07626472413539886,
    ]),
  LayerSummary(
    layer: "relu_2", shape: [4, 16, 10, 10], sum: 515.3306325384117, absoluteSum: 515.3306325384117,
    first: [
      0.0031987009570002556, 0.0, 0.0, 0.0,
      0.0, 0.039558496326208115, 0.12695461511611938, 0.07626472413539886,
    ]),
  LayerSummary(
    layer: "pool_2", shape: [4, 16, 5, 5], sum: 128.8326580304987, absoluteSum: 128.8326580304987,
    first: [
      0.0007996752392500639, 0.0, 0.014260709285736084, 0.08369351178407669,
      0.008249426260590553, 0.00916164182126522, 0.0, 0.013621344231069088,
    ]),
  LayerSummary(
    layer: "flatten", shape: [4, 400], sum: 128.8326580304987, absoluteSum: 128.8326580304987,
    first: [
      0.0007996752392500639, 0.0, 0.014260709285736084, 0.08369351178407669,
      0.008249426260590553, 0.00916164182126522, 0.0, 0.013621344231069088,
    ]),
  LayerSummary(
    layer: "fc_1", shape: [4, 120], sum: 5.37373064737767, absoluteSum: 30.40846763458103,
    first: [
      0.010023955255746841, 0.037257399410009384, -0.09845706820487976, 0.1993384063243866,
      -0.1546744406223297, 0.07569880783557892, 0.06925402581691742, 0.03185591846704483,
    ]),
  LayerSummary(
    layer: "relu_3", shape: [4, 120], sum: 17.89109914097935, absoluteSum: 17.89109914097935,
    first: [
      0.010023955255746841, 0.037257399410009384, 0.0, 0.1993384063243866,
      0.0, 0.07569880783557892, 0.06925402581691742, 0.03185591846704483,
    ]),
  LayerSummary(
    layer: "fc_2", shape: [4, 84], sum: 0.21853712643496692, absoluteSum: 20.042181184282526,
    first: [
      -0.14052556455135345, 0.03227779269218445, 0.15201738476753235, -0.0004523545503616333,
      -0.05665715038776398, 0.07785986363887787, 0.019050369039177895, 0.10052336752414703,
    ]),
  LayerSummary(
    layer: "relu_4", shape: [4, 84], sum: 10.130359155358747, absoluteSum: 10.130359155358747,
    first: [
      0.0, 0.03227779269218445, 0.15201738476753235, 0.0,
      0.0, 0.07785986363887787, 0.019050369039177895, 0.10052336752414703,
    ]),
  LayerSummary(
    layer: "fc_3", shape: [4, 10], sum: -0.33316518319770694, absoluteSum: 1.9974443572573364,
    first: [
      0.12158510088920593, -0.0841989666223526, 0.028416678309440613, 0.03412516787648201,
      0.016793642193078995, -0.075620636343956, -0.09751882404088974, -0.01577475480735302,
    ]),
  LayerSummary(
    layer: "log_softmax", shape: [4, 10], sum: -92.18207168579102, absoluteSum: 92.18207168579102,
    first: [
      -2.1741983890533447, -2.3799824714660645, -2.267366886138916, -2.2616584300994873,
      -2.278989791870117, -2.3714041709899902, -2.3933024406433105, -2.311558246612549,
    ]),
]

/// The four committed digits of the reference scripts.
enum LeNetDigits {
  /// Creates a temporary folder of links to the digits, sorted as the scripts list them.
  static func folder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("lenet-digits-\(UUID().uuidString)")
    for (name, target) in [
      ("3/1501.png", "train/3/1501.png"), ("3/1502.png", "train/3/1502.png"),
      ("7/3501.png", "train/7/3501.png"), ("7/3502.png", "train/7/3502.png"),
    ] {
      let link = folder.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
      try FileManager.default.createSymbolicLink(
        atPath: link.path, withDestinationPath: Repository.path("fixtures/digits/\(target)"))
    }
    return folder
  }
}

@Suite struct LeNetRunTests {
  @Test func seed42MatchesPyTorchOnEveryLayer() throws {
    let folder = try LeNetDigits.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try ModelRun.run(
      RunOptions(modelPath: Repository.path("fixtures/lenet.nn"), inputPath: folder.path))
    #expect(result.allConfirmed)
    #expect(result.kindsNotReproduced.isEmpty)
    for summary in reference {
      summary.expectMatches(result.output(of: summary.layer))
    }
  }

  @Test func initializedBatchNormHasNeutralStatistics() throws {
    let analysis = try ModelCheck.analyzeFile(Repository.path("fixtures/lenet.nn"))
    let store = ParameterStore.initialized(for: analysis, seed: 42)
    let batchNorm = try #require(store.tensors["bn_2"])
    #expect(batchNorm["running_mean"]?.scalars == Array(repeating: 0, count: 16))
    #expect(batchNorm["running_var"]?.scalars == Array(repeating: 1, count: 16))
    #expect(batchNorm["weight"]?.scalars == Array(repeating: 1, count: 16))
    #expect(batchNorm["bias"]?.scalars == Array(repeating: 0, count: 16))
  }
}
