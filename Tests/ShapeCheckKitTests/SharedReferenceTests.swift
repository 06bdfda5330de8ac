import Foundation
import ShapeCheckKit
import ShapeData
import ShapeTensor
import Testing

/// Compares `run` with the PyTorch reference files kept beside the repository, when they are
/// there; these tests are skipped on a machine without them.
@Suite struct SharedReferenceTests {
  static let shared = Repository.root.deletingLastPathComponent().appendingPathComponent("shared")
  static let isAvailable = FileManager.default.fileExists(
    atPath: shared.appendingPathComponent("reference/simple_net_seed42_activations.json").path)

  private static func activations() throws -> [String: [Float]] {
    let data = try Data(contentsOf: shared.appendingPathComponent("reference/simple_net_seed42_activations.json"))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    var result: [String: [Float]] = [:]
    for name in ["act1", "act2", "act3"] {
      let values = try #require(object[name] as? [Double])
      result[name] = values.map(Float.init)
    }
    return result
  }

  @Test(.enabled(if: isAvailable), arguments: [nil, "simple_net_seed42.safetensors", "simple_net_seed42_sequential_names.safetensors"])
  func runMatchesReferenceActivations(weights: String?) throws {
    var options = RunOptions(
      modelPath: Repository.path("fixtures/simple_net.nn"),
      inputPath: Self.shared.appendingPathComponent("mnist_sample/train/3/10000.png").path)
    options.weightsPath = weights.map { Self.shared.appendingPathComponent("reference/\($0)").path }
    let result = try ModelRun.run(options)
    #expect(result.allConfirmed)
    for (name, expected) in try Self.activations() {
      let observed = try #require(result.comparisons.first { $0.label == name }?.tensor)
      #expect(observed.count == expected.count)
      let difference = zip(observed.scalars, expected).map { abs($0 - $1) }.max() ?? .infinity
      #expect(difference <= 1e-6, "\(name) differs by \(difference)")
    }
  }

  @Test(.enabled(if: isAvailable))
  func seed42InitializationEqualsEveryReferenceValue() throws {
    let analysis = try ModelCheck.analyzeFile(Repository.path("fixtures/simple_net.nn"))
    let store = ParameterStore.initialized(for: analysis, seed: 42)
    let bytes = [UInt8](try Data(contentsOf: Self.shared.appendingPathComponent("reference/simple_net_seed42.safetensors")))
    let file = try SafetensorsFile(bytes: bytes)
    var compared = 0
    for entry in file.entries {
      let parts = entry.name.split(separator: ".").map(String.init)
      let reference = try file.floats(for: entry)
      let initialized = try #require(store.tensors[parts[0]]?[parts[1]])
      #expect(initialized.shape == entry.shape)
      let unequal = zip(initialized.scalars, reference).filter { $0.bitPattern != $1.bitPattern }.count
      #expect(unequal == 0, "\(entry.name): \(unequal) values differ")
      compared += reference.count
    }
    #expect(compared == 23_581)
  }
}
