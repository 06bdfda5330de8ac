import Foundation
import ShapeCheckKit
import ShapeData
import Testing

/// Compares `run` on the LeNet fixture with the PyTorch reference kept beside the repository,
/// when it is there; these tests are skipped on a machine without it.
@Suite struct LeNetSharedReferenceTests {
  static let reference = SharedReferenceTests.shared
    .appendingPathComponent("reference/lenet_seed42_activations.json")
  static let isAvailable = FileManager.default.fileExists(atPath: reference.path)
  static let layers = [
    "conv_1", "relu_1", "pool_1", "conv_2", "bn_2", "relu_2", "pool_2", "flatten", "fc_1",
    "relu_3", "fc_2", "relu_4", "fc_3", "log_softmax",
  ]

  /// The layer summaries and the input image paths of the reference file.
  private static func summaries() throws -> (inputs: [String], layers: [LayerSummary]) {
    let data = try Data(contentsOf: reference)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let inputs = try #require(object["inputs"] as? [String])
    var layers: [LayerSummary] = []
    for name in Self.layers {
      let entry = try #require(object[name] as? [String: Any])
      layers.append(
        LayerSummary(
          layer: name, shape: try #require(entry["shape"] as? [Int]),
          sum: try #require(entry["sum"] as? Double),
          absoluteSum: try #require(entry["abs_sum"] as? Double),
          first: try #require(entry["first8"] as? [Double])))
    }
    return (inputs, layers)
  }

  /// Links to the reference's input images in a temporary folder, as `class/file.png`, so that
  /// the folder loader reads them in the reference's order.
  private static func inputFolder(_ inputs: [String]) throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("lenet-reference-\(UUID().uuidString)")
    for input in inputs {
      let parts = input.split(separator: "/")
      let link = folder.appendingPathComponent(parts.suffix(2).joined(separator: "/"))
      try FileManager.default.createDirectory(
        at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
      let target = SharedReferenceTests.shared.appendingPathComponent("mnist_sample/\(input)")
      try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target.path)
    }
    return folder
  }

  @Test(.enabled(if: isAvailable), arguments: [nil, "lenet_seed42.safetensors"])
  func runMatchesReferenceOnEveryLayer(weights: String?) throws {
    let (inputs, layers) = try Self.summaries()
    #expect(inputs.count == 4)
    let folder = try Self.inputFolder(inputs)
    defer { try? FileManager.default.removeItem(at: folder) }
    var options = RunOptions(modelPath: Repository.path("fixtures/lenet.nn"), inputPath: folder.path)
    options.weightsPath = weights.map {
      SharedReferenceTests.shared.appendingPathComponent("reference/\($0)").path
    }
    let result = try ModelRun.run(options)
    #expect(result.allConfirmed)
    #expect(result.imageCount == 4)
    for summary in layers {
      summary.expectMatches(result.output(of: summary.layer))
    }
  }

  @Test(.enabled(if: isAvailable))
  func seed42InitializationEqualsEveryStoredValue() throws {
    let analysis = try ModelCheck.analyzeFile(Repository.path("fixtures/lenet.nn"))
    let store = ParameterStore.initialized(for: analysis, seed: 42)
    let url = SharedReferenceTests.shared.appendingPathComponent("reference/lenet_seed42.safetensors")
    let file = try SafetensorsFile(bytes: [UInt8](try Data(contentsOf: url)))
    var compared = 0
    for entry in file.entries {
      let parts = entry.name.split(separator: ".").map(String.init)
      let reference = try file.floats(for: entry)
      let initialized = try #require(store.tensors[parts[0]]?[parts[1]], "\(entry.name)")
      #expect(initialized.shape == entry.shape)
      let unequal = zip(initialized.scalars, reference).filter { $0.bitPattern != $1.bitPattern }.count
      #expect(unequal == 0, "\(entry.name): \(unequal) values differ")
      compared += reference.count
    }
    // 61,738 parameters and the 32 running statistics of bn_2.
    #expect(compared == 61_770)
  }
}
