import Foundation
import ShapeInference
import ShapeSource
import Testing

@testable import ShapeCheckKit

/// `shapecheck summary`: rows, parameter counts, memory estimates and the rendered table.
@Suite struct SummaryTests {
  static func analyze(_ text: String, path: String = "model.nn") -> ModelAnalysis {
    ModelCheck.analyze(SourceFile(path: path, bytes: Array(text.utf8)))
  }

  static func analyzeFixture(_ path: String) throws -> ModelAnalysis {
    ModelCheck.analyze(SourceFile(path: path, bytes: try Repository.bytes(path)))
  }

  @Test func simpleNetParameterCounts() throws {
    let analysis = try Self.analyzeFixture("fixtures/simple_net.nn")
    let weights = analysis.parameters.map {
      ShapesReport.elementCount(analysis.values(of: $0.spec.shape))
    }
    #expect(weights == [23_520, 30, 30, 1])

    let summary = ModelSummary(analysis)
    let firstRows = summary.rows.prefix(3).map { "\($0.name) \($0.parameters)" }
    #expect(firstRows == ["linear_1 count(Optional(23550))", "relu_layer count(Optional(0))",
                          "linear_2 count(Optional(31))"])
    #expect(summary.totalParameters == 23_581)
    #expect(summary.trainableParameters == 23_581)
  }

  @Test func sequentialStepsNestAndRepeat() throws {
    let summary = ModelSummary(try Self.analyzeFixture("fixtures/simple_net.nn"))
    let rows = summary.rows.map { "\($0.depth) \($0.name) \($0.kind)" }
    #expect(rows == [
      "0 linear_1 Linear", "0 relu_layer ReLU", "0 linear_2 Linear", "0 simple_net Sequential",
      "1 linear_1 Linear", "1 relu_layer ReLU", "1 linear_2 Linear",
    ])
    #expect(summary.rows[3].parameters == .container)
    #expect(summary.rows[4].parameters == .recursive)
    #expect(summary.activationShapes.count == 6)
    #expect(summary.inputShapes.count == 1)
  }

  @Test func nestedSequentialGetsOwnRow() {
    let analysis = Self.analyze(
      """
      x: Tensor[N, 8]
      head = nn.Sequential(nn.ReLU(), nn.Linear(8, 2))
      model = nn.Sequential(nn.Linear(8, 8), head)
      y = model(x)
      """)
    #expect(!analysis.hasErrors)
    let rows = ModelSummary(analysis).rows.map { "\($0.depth) \($0.name) \($0.kind)" }
    #expect(rows == [
      "0 model Sequential", "1 model.0 Linear", "1 head Sequential", "2 head.0 ReLU",
      "2 head.1 Linear",
    ])
  }

  @Test func laterNestedSequentialsOpenAndClose() {
    let analysis = Self.analyze(
      """
      x: Tensor[N, 8]
      model = nn.Sequential(
          nn.Linear(8, 6),
          nn.Sequential(nn.ReLU(), nn.Sequential(nn.Linear(6, 4))),
          nn.ReLU(),
          nn.Sequential(nn.Linear(4, 2)),
      )
      y = model(x)
      """)
    #expect(!analysis.hasErrors)
    let rows = ModelSummary(analysis).rows.map {
      "\($0.depth) \($0.name) \($0.outputShape.map { analysis.valueText(of: $0) } ?? "-")"
    }
    #expect(rows == [
      "0 model [N, 2]", "1 model.0 [N, 6]", "1 model.1 [N, 4]", "2 model.1.0 [N, 6]",
      "2 model.1.1 [N, 4]", "3 model.1.1.0 [N, 4]", "1 model.2 [N, 4]", "1 model.3 [N, 2]",
      "2 model.3.0 [N, 2]",
    ])
  }

  @Test func neverAppliedLayersComeLast() {
    let analysis = Self.analyze(
      """
      x: Tensor[4]
      spare = nn.Linear(4, 3)
      used = nn.Linear(4, 2)
      idle = nn.Sequential(nn.ReLU())
      y = used(x)
      """)
    let summary = ModelSummary(analysis)
    let rows = summary.rows.map { "\($0.name) \($0.outputShape == nil ? "unused" : "used")" }
    #expect(rows == ["used used", "spare unused", "idle unused", "idle.0 unused"])
    #expect(summary.rows[1].parameters == .count(15))
    #expect(summary.totalParameters == 25)
  }

  @Test func memoryUsesBatchSizeAndElementType() throws {
    let analysis = try Self.analyzeFixture("fixtures/valid/batched_mlp.nn")
    let text = SummaryReport(batchSize: 64, elementType: .float16).render(analysis)
    // Activations: 3 outputs of [64, 30] and 2 of [64, 10], 2 bytes each.
    #expect(text.contains("activations:      14,080 bytes (13.75 KiB)"), "\(text)")
    #expect(text.contains("inputs:           100,352 bytes (98.00 KiB)"), "\(text)")
    #expect(text.contains("parameters:       47,720 bytes (46.60 KiB)"), "\(text)")
    #expect(text.contains("batch size: 64 (sets N)"), "\(text)")
  }

  @Test func hugeShapesReportUnknownMemory() {
    let analysis = Self.analyze(
      """
      x: Tensor[N, 4611686018427387904]
      y = nn.ReLU()(x)
      """)
    let text = SummaryReport(batchSize: 1 << 30, elementType: .float64).render(analysis)
    #expect(text.contains("activations:      unknown"), "\(text)")
    #expect(text.contains("estimated total:  unknown"), "\(text)")
  }

  @Test(arguments: [
    (0, "0 bytes (0.00 KiB)"), (1023, "1,023 bytes (1.00 KiB)"), (1536, "1,536 bytes (1.50 KiB)"),
    (1_048_576, "1,048,576 bytes (1.00 MiB)"), (94_324, "94,324 bytes (92.11 KiB)"),
    (3 << 30, "3,221,225,472 bytes (3.00 GiB)"),
  ])
  func byteCountFormatting(bytes: Int, expected: String) {
    #expect(byteCountText(bytes) == expected)
  }

  @Test func simpleNetSummaryMatchesGolden() throws {
    let analysis = try Self.analyzeFixture("fixtures/simple_net.nn")
    let mismatch = goldenMismatch(
      SummaryReport().render(analysis), golden: "fixtures/simple_net.summary.expected")
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }

  @Test func batchedSummaryMatchesGolden() throws {
    let analysis = try Self.analyzeFixture("fixtures/valid/batched_mlp.nn")
    let report = SummaryReport(batchSize: 32, elementType: .bfloat16, showsFormulas: true)
    let mismatch = goldenMismatch(
      report.render(analysis), golden: "fixtures/valid/batched_mlp.summary.expected")
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }
}
