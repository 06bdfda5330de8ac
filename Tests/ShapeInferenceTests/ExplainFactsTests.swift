import ShapeInference
import ShapeSymbolic
import Testing

/// The facts that the checker records for explain: asserted equalities and the input tensor of
/// each requirement.
@Suite struct ExplainFactsTests {
  static let model = """
    x: Tensor[784]
    a = nn.Linear(784, 30)
    b = nn.Linear(30, 1)
    h = a(x)
    y = b(h)
    assert y.shape == [1]
    assert h.shape != [2]
    assert y.shape[0] >= 1

    """

  @Test func onlyEqualityAssertsAreRecorded() throws {
    let analysis = analyze(Self.model)
    #expect(analysis.assertedShapes.count == 1)
    let assertion = try #require(analysis.assertedShapes.first)
    #expect(assertion.left == [Dim.symbol(Symbol("b.out_features"))])
    #expect(assertion.right == [Dim(1)])
  }

  @Test func requirementNamesItsInputTensor() throws {
    let analysis = analyze(Self.model)
    let first = try #require(analysis.constraints.first { $0.layerName == "a" })
    let second = try #require(analysis.constraints.first { $0.layerName == "b" })
    #expect(first.inputTensorID == analysis.activation("x")?.tensorID)
    #expect(second.inputTensorID == analysis.activation("h")?.tensorID)
  }
}
