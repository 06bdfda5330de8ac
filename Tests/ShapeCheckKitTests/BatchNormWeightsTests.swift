import Foundation
import ShapeCheckKit
import ShapeData
import ShapeDiagnostics
import ShapeInference
import ShapeSource
import Testing

/// Builds a safetensors file of float32 tensors in memory.
private func safetensors(_ tensors: [(name: String, shape: [Int], values: [Float])]) throws -> SafetensorsFile {
  var header: [String] = []
  var data: [UInt8] = []
  for tensor in tensors {
    let start = data.count
    for value in tensor.values {
      withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
    }
    let shape = tensor.shape.map(String.init).joined(separator: ",")
    header.append(
      "\"\(tensor.name)\":{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(start),\(data.count)]}")
  }
  var json = Array("{\(header.joined(separator: ","))}".utf8)
  while json.count % 8 != 0 { json.append(UInt8(ascii: " ")) }
  var bytes: [UInt8] = []
  withUnsafeBytes(of: UInt64(json.count).littleEndian) { bytes.append(contentsOf: $0) }
  return try SafetensorsFile(bytes: bytes + json + data)
}

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
