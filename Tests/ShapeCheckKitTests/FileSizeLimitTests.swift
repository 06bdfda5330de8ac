import Foundation
import ShapeCheckKit
import Testing

/// The file-size limits of `FileReader`, which `check`, `shapes` and `run` apply to model
/// files (`ModelCheck.maxSourceBytes`) and weights files (`WeightsLoading.maxFileBytes`).
@Suite struct FileSizeLimitTests {
  private func temporaryFile(_ bytes: [UInt8]) throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("shapecheck-size-\(UUID().uuidString).nn")
    try Data(bytes).write(to: url)
    return url
  }

  @Test func readerAtAndPastLimit() throws {
    let url = try temporaryFile(Array(repeating: 0x41, count: 10))
    defer { try? FileManager.default.removeItem(at: url) }
    #expect(try FileReader.read(url.path, limit: 10).count == 10)
    #expect(throws: InputError.tooLarge(path: url.path, size: 10, limit: 9)) {
      try FileReader.read(url.path, limit: 9)
    }
  }

  @Test func modelFileAtSourceLimitIsChecked() throws {
    // A comment line that fills the file to exactly ModelCheck.maxSourceBytes.
    let text = "r = nn.ReLU()\n#" + String(repeating: " ", count: ModelCheck.maxSourceBytes - 16) + "\n"
    #expect(text.utf8.count == ModelCheck.maxSourceBytes)
    let url = try temporaryFile(Array(text.utf8))
    defer { try? FileManager.default.removeItem(at: url) }
    let analysis = try ModelCheck.analyzeFile(url.path)
    #expect(analysis.diagnostics.isEmpty)
  }

  @Test func modelFilePastSourceLimitIsRejected() throws {
    let url = try temporaryFile(Array(repeating: 0x20, count: ModelCheck.maxSourceBytes + 1))
    defer { try? FileManager.default.removeItem(at: url) }
    #expect(throws: InputError.tooLarge(path: url.path, size: ModelCheck.maxSourceBytes + 1, limit: ModelCheck.maxSourceBytes)) {
      try ModelCheck.analyzeFile(url.path)
    }
  }

  @Test func weightsLimitIsOneGibibyte() {
    #expect(WeightsLoading.maxFileBytes == 1 << 30)
  }
}
