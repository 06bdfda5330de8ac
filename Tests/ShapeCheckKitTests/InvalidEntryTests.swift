import ShapeCheckKit
import ShapeDiagnostics
import ShapeInference
import ShapeSource
import Testing

/// Errors on a bad entry of a sizes argument such as `normalized_shape`: at that entry, with
/// its index and value.
@Suite struct InvalidEntryTests {
  static func analyze(_ argument: String) -> ModelAnalysis {
    let text = "x: Tensor[4, 10, 20]\nln = nn.LayerNorm(\(argument))\ny = ln(x)\n"
    return ModelCheck.analyze(SourceFile(path: "norm.nn", text: text))
  }

  @Test(arguments: [
    ("(0, 20)", "entry 0 of 'normalized_shape' of 'ln' must be a positive integer, but is 0", "0"),
    ("(10, -3)", "entry 1 of 'normalized_shape' of 'ln' must be a positive integer, but is -3", "-3"),
    ("[10, 20.0]", "entry 1 of 'normalized_shape' of 'ln' must be a positive integer, but is 20.0", "20.0"),
    ("((10, 20), 20)", "entry 0 of 'normalized_shape' of 'ln' must be a positive integer, but is a tuple", "(10, 20)"),
  ])
  func badEntryIsReportedAtEntry(argument: String, message: String, underlined: String) {
    let analysis = Self.analyze(argument)
    #expect(analysis.diagnostics.map(\.code) == [.invalidArgument])
    let diagnostic = analysis.diagnostics.first
    #expect(diagnostic?.message == message)
    let range = diagnostic.map { $0.range.start..<$0.range.end }
    let text = range.map { String(decoding: analysis.source.bytes[$0], as: UTF8.self) }
    #expect(text == underlined)
  }

  @Test(arguments: [("[]", "an empty list"), ("()", "an empty tuple"), ("0", "0")])
  func wholeArgumentIsReported(argument: String, actual: String) {
    let analysis = Self.analyze(argument)
    #expect(
      analysis.diagnostics.first?.message
        == "'normalized_shape' of 'ln' must be a positive integer or a tuple of positive integers, but is \(actual)")
  }

  @Test func undefinedEntryIsReportedOnce() {
    let analysis = Self.analyze("(10, widht)")
    #expect(analysis.diagnostics.map(\.code) == [.undefinedName])
  }

  @Test func entryOfNamedTupleIsReportedAtName() {
    let text = "shape = (10, 0)\nx: Tensor[4, 10, 20]\nln = nn.LayerNorm(shape)\ny = ln(x)\n"
    let analysis = ModelCheck.analyze(SourceFile(path: "norm.nn", text: text))
    let diagnostic = analysis.diagnostics.first
    #expect(diagnostic?.message == "entry 1 of 'normalized_shape' of 'ln' must be a positive integer, but is 0")
    #expect(diagnostic.map { analysis.source.location(of: $0.range.start).line } == 3)
  }
}
