import ShapeInference
import Testing

/// Generated models that nest or repeat Sequentials past `CheckerLimits`, and the errors that
/// follow a failed expression.
@Suite struct CheckerLimitTests {
  /// `s1 = nn.Sequential(s0)` and so on, `levels` Sequentials deep, applied to an input.
  static func nestedByName(levels: Int) -> String {
    var lines = ["x: Tensor[784]", "s1 = nn.Sequential(nn.ReLU())"]
    for level in 2...levels {
      lines.append("s\(level) = nn.Sequential(s\(level - 1))")
    }
    lines.append("y = s\(levels)(x)")
    return lines.joined(separator: "\n") + "\n"
  }

  @Test func deepSequentialIsReportedNotRecursed() throws {
    let analysis = analyze(Self.nestedByName(levels: 3_000))
    #expect(analysis.codes == ["model.too-large"])
    let position = try #require(analysis.position(of: "model.too-large"))
    #expect(position.line == CheckerLimits.maxSequentialDepth + 2)
    #expect(analysis.diagnostics.first?.message.contains("101 levels deep") == true)
  }

  @Test func sequentialAtDepthLimitIsAccepted() {
    let analysis = analyze(Self.nestedByName(levels: CheckerLimits.maxSequentialDepth))
    #expect(analysis.codes.isEmpty)
    #expect(analysis.activation("y")?.steps.count == 1)
  }

  @Test func doublingSequentialIsReportedQuickly() throws {
    var lines = ["x: Tensor[784]", "s0 = nn.Sequential(nn.ReLU())"]
    for level in 1...40 {
      lines.append("s\(level) = nn.Sequential(s\(level - 1), s\(level - 1))")
    }
    lines.append("y = s40(x)")
    let analysis = analyze(lines.joined(separator: "\n"))
    #expect(analysis.codes == ["model.too-large"])
    // 2 ** 20 = 1,048,576 applications is the first level past the limit.
    #expect(analysis.position(of: "model.too-large")?.line == 22)
  }

  @Test func repeatedApplicationsStopAtTheLimit() {
    let layers = Array(repeating: "r", count: 1_000).joined(separator: ", ")
    var lines = ["x: Tensor[784]", "r = nn.ReLU()", "s = nn.Sequential(\(layers))", "y = s(x)"]
    lines += Array(repeating: "y = s(y)", count: 1_200)
    let analysis = analyze(lines.joined(separator: "\n"))
    #expect(analysis.codes == ["model.too-large"])
    #expect(analysis.position(of: "model.too-large")?.line == 1_004)
  }

  @Test func unknownValueDoesNotCascadeIntoRedefinitions() {
    let analysis = analyze(
      """
      x: Tensor[784]
      relu = nn.ReLU()
      y = undefined_layer(x)
      y = relu(y)
      y = relu(y)
      """)
    #expect(analysis.codes == ["name.undefined"])
  }

  @Test func constantStillCannotBeRedefined() {
    let analysis = analyze("hidden = 30\nhidden = undefined_name\n")
    #expect(analysis.codes.contains("name.redefined"))
  }
}
