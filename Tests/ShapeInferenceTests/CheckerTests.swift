import Foundation
import ShapeDiagnostics
import ShapeInference
import ShapeLayers
import ShapeSource
import ShapeSymbolic
import ShapeSyntax
import Testing

/// Analyzes model text given inline.
func analyze(_ text: String) -> ModelAnalysis {
  ModelChecker.analyze(Parser.parse(SourceFile(path: "model.nn", text: text)))
}

extension ModelAnalysis {
  /// The activation with this name; records an issue when there is none.
  func activation(_ name: String) -> ActivationRecord? {
    activations.first { $0.name == name }
  }

  func formula(of name: String) -> String? {
    activation(name)?.shape.formulaDescription
  }

  func shapeValues(of name: String) -> [Int?]? {
    activation(name).map { values(of: $0.shape) }
  }

  var codes: [String] { diagnostics.map(\.code.id) }

  /// The line and byte column where the first diagnostic with `code` starts.
  func position(of code: String) -> (line: Int, column: Int)? {
    guard let diagnostic = diagnostics.first(where: { $0.code.id == code }) else { return nil }
    let location = source.location(of: diagnostic.range.start)
    return (location.line, location.column)
  }
}

@Suite struct CheckerTests {
  static let simpleNet = """
    x: Tensor[784]
    linear_1 = nn.Linear(in_features=784, out_features=30, bias=True)
    relu_layer = nn.ReLU()
    linear_2 = nn.Linear(in_features=30, out_features=1, bias=True)
    simple_net = nn.Sequential(linear_1, relu_layer, linear_2)
    act1 = linear_1(x)
    act2 = relu_layer(act1)
    act3 = linear_2(act2)
    out = simple_net(x)
    """

  @Test func simpleNetFormulasAndValues() {
    let analysis = analyze(Self.simpleNet)
    #expect(analysis.diagnostics.isEmpty)
    #expect(analysis.formula(of: "act1") == "[linear_1.out_features]")
    #expect(analysis.formula(of: "act2") == "[linear_1.out_features]")
    #expect(analysis.formula(of: "act3") == "[linear_2.out_features]")
    #expect(analysis.shapeValues(of: "act1") == [30])
    #expect(analysis.shapeValues(of: "act3") == [1])
    #expect(analysis.activation("out")?.steps.map(\.path) == ["0", "1", "2"])
  }

  @Test func simpleNetParameters() {
    let analysis = analyze(Self.simpleNet)
    let names = analysis.parameters.map(\.qualifiedName)
    #expect(names == ["linear_1.weight", "linear_1.bias", "linear_2.weight", "linear_2.bias"])
    let counts = analysis.parameters.map { analysis.values(of: $0.spec.shape).reduce(1) { $0 * ($1 ?? 0) } }
    #expect(counts == [23_520, 30, 30, 1])
  }

  @Test func featureMismatchNamesBothSidesAndFixes() throws {
    let analysis = analyze(Self.simpleNet.replacingOccurrences(of: "in_features=30", with: "in_features=20"))
    let diagnostic = try #require(analysis.diagnostics.first { $0.code == .featureMismatch })
    #expect(analysis.source.text(in: diagnostic.range) == "20")
    #expect(diagnostic.message.contains("'linear_2.in_features' is 20"))
    #expect(diagnostic.message.contains("30"))
    #expect(diagnostic.fixIts.first?.edits.first?.replacement == "30")
    let producer = try #require(diagnostic.notes.first)
    #expect(analysis.source.text(in: try #require(producer.range)) == "30")
    #expect(producer.fixIts.first?.edits.first?.replacement == "20")
  }

  @Test func mismatchDoesNotCascade() {
    let analysis = analyze(Self.simpleNet.replacingOccurrences(of: "in_features=30", with: "in_features=20"))
    // The direct application and the one inside the Sequential break the same constant, which
    // is reported once.
    #expect(analysis.codes.filter { $0 == "shape.feature-mismatch" }.count == 1)
    #expect(analysis.shapeValues(of: "act3") == [1])
  }

  @Test func linearKeepsLeadingDimensions() {
    let analysis = analyze("x: Tensor[N, 7, 784]\nl = nn.Linear(784, 30)\ny = l(x)\n")
    #expect(analysis.diagnostics.isEmpty)
    #expect(analysis.formula(of: "y") == "[N, 7, l.out_features]")
  }

  @Test func namedConstantsAppearInFormulas() {
    let analysis = analyze("pixels = 28 * 28\nx: Tensor[pixels]\nl = nn.Linear(pixels, 30)\ny = l(x)\n")
    #expect(analysis.diagnostics.isEmpty)
    #expect(analysis.formula(of: "x") == "[pixels]")
    #expect(analysis.shapeValues(of: "x") == [784])
  }

  @Test func flattenOnUnbatchedInputExplainsNoOp() throws {
    let analysis = analyze("image: Tensor[28, 28]\nf = nn.Flatten()\nl = nn.Linear(784, 30)\ny = l(f(image))\n")
    let diagnostic = try #require(analysis.diagnostics.first { $0.code == .featureMismatch })
    #expect(diagnostic.notes.contains { $0.message.contains("changed nothing") })
  }

  @Test func freeDimensionCheckGivesItsValue() {
    let analysis = analyze("x: Tensor[N]\nl = nn.Linear(784, 30)\ny = l(x)\n")
    #expect(analysis.codes == ["shape.conditional"])
    #expect(analysis.diagnostics.first?.facts["range"] == "N = 784")
  }

  @Test func checkOnTwoFreeDimensionsIsUndecided() {
    let analysis = analyze("x: Tensor[N, H * W]\nl = nn.Linear(784, 30)\ny = l(x)\n")
    #expect(analysis.codes == ["shape.undecided"])
  }

  @Test func symbolicallyEqualFreeDimensionPasses() {
    let analysis = analyze("x: Tensor[B, 784]\ny: Tensor[B, 784]\nr = nn.ReLU()\nassert x.shape == y.shape\n")
    #expect(analysis.diagnostics.isEmpty)
  }

  @Test(arguments: [
    ("assert act2.shape == [30]", "assert.holds-only-by-value"),
    ("assert act1.shape == [20]", "assert.failed"),
    ("assert act1.shape != [30]", "assert.failed"),
    ("assert act1.shape == [linear_1.out_features]", nil),
    ("assert act1.shape[0] > 29", nil),
    ("assert act1.shape[0] < 29", "assert.failed"),
    ("assert act1", "assert.unsupported"),
  ] as [(String, String?)])
  func assertions(statement: String, expectedCode: String?) {
    let analysis = analyze(Self.simpleNet + "\n" + statement + "\n")
    #expect(analysis.codes == (expectedCode.map { [$0] } ?? []))
  }

  @Test(arguments: [
    ("y = nn.Linear(784, 0)", "layer.invalid-argument"),
    ("y = nn.Linear(-1, 3)", "layer.invalid-argument"),
    ("y = nn.Linear(784)", "layer.missing-argument"),
    ("y = nn.Linear(784, 3, biass=False)", "layer.unknown-argument"),
    ("y = nn.Linear(784, 3, True, None, None, 7)", "layer.too-many-arguments"),
    ("y = nn.Linear(784, 3, in_features=5)", "layer.duplicate-argument"),
    ("y = nn.Linaer(784, 3)", "layer.unknown-kind"),
    ("y = x(x)", "value.not-callable"),
    ("y = 4294967296 * 4294967296", "arith.overflow"),
    ("y = 10 // 0", "arith.division-by-zero"),
    ("y = 10 / 2", "arith.true-division"),
    ("y = 99999999999999999999999999999999999999", "arith.literal-too-large"),
    ("y = x.shape[5]", "value.index-out-of-range"),
    ("y = x.size", "attribute.unknown"),
    ("y = undefined_name", "name.undefined"),
    ("x = 3", "name.redefined"),
    ("y: int", "input.invalid-declaration"),
    ("y: Tensor[0]", "input.invalid-declaration"),
  ])
  func robustnessCases(statement: String, expectedCode: String) {
    let analysis = analyze("x: Tensor[784]\n" + statement + "\n")
    #expect(analysis.codes == [expectedCode])
  }

  @Test(arguments: ["device='cpu'", "device=None", "device=0", "dtype=None"])
  func factoryArgumentsAreAccepted(argument: String) {
    let analysis = analyze("x: Tensor[784]\nl = nn.Linear(784, 30, \(argument))\ny = l(x)\n")
    #expect(analysis.diagnostics.isEmpty)
  }

  @Test func carriageReturnLinesLocateDiagnostics() throws {
    let analysis = analyze("x: Tensor[784]\rl = nn.Linear(78, 3)\ry = l(x)\r")
    let position = try #require(analysis.position(of: "shape.feature-mismatch"))
    #expect(position.line == 2)
    #expect(position.column == 15)
  }

  @Test func dropoutOutOfRangeNamesRange() {
    for value in ["2", "1.5", "-0.1"] {
      let analysis = analyze("drop = nn.Dropout(p=\(value))\n")
      #expect(analysis.codes == ["layer.invalid-argument"])
      #expect(
        analysis.diagnostics.first?.message == "'p' of 'drop' must be a number from 0 to 1, but is \(value)")
    }
    #expect(analyze("drop = nn.Dropout(p=1)\n").codes.isEmpty)
  }

  @Test func manyUnflattenSizesAreTooComplexNotOverflow() {
    let ones = Array(repeating: "1", count: 1_000).joined(separator: ", ")
    let analysis = analyze("x: Tensor[4, 784]\nu = nn.Unflatten(1, (\(ones), 784))\ny = u(x)\n")
    #expect(analysis.codes == ["arith.too-complex"])
    #expect(
      analysis.diagnostics.first?.message
        == "the product of the sizes of 'u' is a formula too large to simplify; use fewer sizes")
  }

  @Test func unflattenProductOverflowIsOverflow() {
    let analysis = analyze("x: Tensor[4, 784]\nu = nn.Unflatten(1, (2 ** 40, 2 ** 40))\ny = u(x)\n")
    #expect(analysis.codes == ["arith.overflow"])
    #expect(analysis.position(of: "arith.overflow")?.line == 2)
    #expect(
      analysis.diagnostics.first?.message
        == "'u.unflattened_size' = u.unflattened_size[0] * u.unflattened_size[1] overflows 64-bit integers for the current constants")
  }

  @Test func useBeforeDefinitionPointsAtDefinition() throws {
    let analysis = analyze("x: Tensor[784]\ny = l(x)\nl = nn.Linear(784, 3)\n")
    let diagnostic = try #require(analysis.diagnostics.first)
    #expect(diagnostic.code == .usedBeforeDefinition)
    #expect(diagnostic.notes.first?.range != nil)
  }

  @Test func biasShapeOfLayerWithoutBias() {
    let analysis = analyze("l = nn.Linear(784, 3, bias=False)\nassert l.bias.shape == [3]\n")
    #expect(analysis.codes == ["attribute.no-bias"])
  }

  @Test func sequentialIndexingAndInlineNames() {
    let analysis = analyze("x: Tensor[4]\nnet = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Sequential(nn.Linear(8, 2)))\ny = net(x)\nassert y.shape[0] == net[2][0].out_features\n")
    #expect(analysis.diagnostics.isEmpty)
    #expect(analysis.formula(of: "y") == "[net.2.0.out_features]")
    #expect(analysis.layers.map(\.name) == ["net.0", "net.1", "net.2.0"])
    #expect(analysis.activation("y")?.steps.map(\.path) == ["0", "1", "2.0"])
  }

  @Test func unknownAttributeListsEachNameOnce() throws {
    let analysis = analyze("l = nn.Linear(4, 2)\ny = l.foo\n")
    let note = try #require(analysis.diagnostics.first?.notes.first?.message)
    #expect(note == "known attributes: in_features, out_features, bias, device, dtype, weight")
  }

  @Test func childAfterInvalidChildKeepsItsPosition() {
    let analysis = analyze("x: Tensor[N, 10]\nnet = nn.Sequential(nn.Linear(10, 0), nn.ReLU(), nn.Linear(20, 5))\ny = net(x)\n")
    #expect(analysis.codes.contains("layer.invalid-argument"))
    #expect(analysis.layers.map(\.name) == ["net.1", "net.2"])
  }

  @Test func unflattenChecksProduct() {
    let analysis = analyze("x: Tensor[N, 784]\nu = nn.Unflatten(1, (28, 27))\ny = u(x)\n")
    #expect(analysis.codes == ["shape.unflatten-mismatch"])
    // Writing 784 in place of the tuple would not be a valid size list.
    #expect(analysis.diagnostics.first?.fixIts.isEmpty == true)
  }

  @Test func softmaxDimensionOutOfRange() {
    let analysis = analyze("x: Tensor[N, 10]\ns = nn.Softmax(dim=2)\ny = s(x)\n")
    #expect(analysis.codes == ["shape.dimension-out-of-range"])
  }

  @Test func tenThousandLayersCheckWithoutRecursionLimits() {
    var text = "x: Tensor[8]\n"
    for index in 0..<10_000 {
      text += "l\(index) = nn.Linear(8, 8)\n"
    }
    text += "net = nn.Sequential(" + (0..<10_000).map { "l\($0)" }.joined(separator: ", ") + ")\ny = net(x)\n"
    let analysis = analyze(text)
    #expect(analysis.diagnostics.isEmpty)
    #expect(analysis.activation("y")?.steps.count == 10_000)
  }
}
