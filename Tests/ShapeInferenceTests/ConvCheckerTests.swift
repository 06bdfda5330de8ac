import ShapeDiagnostics
import ShapeInference
import ShapeLayers
import ShapeSymbolic
import Testing

@Suite struct ConvCheckerTests {
  @Test func kernelSizeElementsWorkInAsserts() {
    let analysis = analyze(
      """
      images: Tensor[N, 1, 28, 28]
      conv_1 = nn.Conv2d(1, 6, kernel_size=5)
      x = conv_1(images)
      assert x.shape[2] == 28 - conv_1.kernel_size[0] + 1
      assert x.shape[3] == 29 - conv_1.kernel_size[1]
      assert conv_1.kernel_size[1] == 5
      """)
    // The last assert compares a symbol with a literal, so it is true by value only.
    #expect(analysis.codes == ["assert.holds-only-by-value"])
  }

  @Test func tupleKernelGivesOneSymbolPerElement() {
    let analysis = analyze(
      """
      images: Tensor[N, 3, 20, 30]
      conv_1 = nn.Conv2d(3, 8, kernel_size=(3, 5), stride=2)
      x = conv_1(images)
      """)
    #expect(analysis.bindings[Symbol("conv_1.kernel_size[0]")] == 3)
    #expect(analysis.bindings[Symbol("conv_1.kernel_size[1]")] == 5)
    #expect(analysis.bindings[Symbol("conv_1.stride[1]")] == 2)
    #expect(analysis.shapeValues(of: "x") == [nil, 8, 9, 13])
    let formula = analysis.formula(of: "x") ?? ""
    #expect(formula.contains("conv_1.kernel_size[1]"), "\(formula)")
    #expect(formula.contains("conv_1.stride[0]"), "\(formula)")
  }

  @Test func omittedArgumentsEnterFormulasAsValues() {
    let analysis = analyze(
      """
      images: Tensor[N, 1, H, W]
      conv_1 = nn.Conv2d(1, 6, kernel_size=3)
      x = conv_1(images)
      """)
    #expect(analysis.formula(of: "x") == "[N, conv_1.out_channels, H - conv_1.kernel_size[0] + 1, W - conv_1.kernel_size[1] + 1]")
  }

  @Test func unbatchedConvolutionKeepsNoBatch() {
    let analysis = analyze(
      """
      image: Tensor[1, 28, 28]
      conv_1 = nn.Conv2d(1, 4, 3, padding=1)
      pool_1 = nn.MaxPool2d(2)
      x = pool_1(conv_1(image))
      """)
    #expect(analysis.diagnostics.isEmpty, "\(analysis.codes)")
    #expect(analysis.shapeValues(of: "x") == [4, 14, 14])
  }

  @Test func convolutionRejectsWrongRank() {
    let analysis = analyze(
      """
      flat: Tensor[N, 784]
      conv_1 = nn.Conv2d(1, 4, 3)
      x = conv_1(flat)
      """)
    #expect(analysis.codes == ["shape.rank-mismatch"])
  }

  @Test func conv1dChannelMismatchNamesTheProducer() throws {
    let analysis = analyze(
      """
      signal: Tensor[N, 2, 100]
      conv_1 = nn.Conv1d(2, 8, 5)
      conv_2 = nn.Conv1d(4, 8, 5)
      x = conv_2(conv_1(signal))
      """)
    let diagnostic = try #require(analysis.diagnostics.first)
    #expect(diagnostic.code == .channelMismatch)
    #expect(diagnostic.notes.contains { $0.message.contains("conv_1.out_channels") })
    #expect(diagnostic.fixIts.first?.edits.first?.replacement == "8")
  }

  @Test func groupsDivideChannelsInWeightShape() throws {
    let analysis = analyze(
      """
      images: Tensor[N, 4, 10, 10]
      conv_1 = nn.Conv2d(4, 8, 3, groups=2)
      x = conv_1(images)
      """)
    #expect(analysis.diagnostics.isEmpty, "\(analysis.codes)")
    let weight = try #require(analysis.parameters.first { $0.spec.name == "weight" })
    #expect(analysis.values(of: weight.spec.shape) == [8, 2, 3, 3])
  }

  @Test func flattenedSizeMismatchListsEveryStep() throws {
    let analysis = analyze(
      """
      images: Tensor[N, 1, 28, 28]
      conv_1 = nn.Conv2d(1, 6, kernel_size=5)
      pool_1 = nn.MaxPool2d(2)
      flatten = nn.Flatten()
      fc_1 = nn.Linear(100, 10)
      y = fc_1(flatten(pool_1(conv_1(images))))
      """)
    let diagnostic = try #require(analysis.diagnostics.first)
    #expect(diagnostic.code == .flattenedSizeMismatch)
    let notes = diagnostic.notes.map(\.message)
    #expect(notes.contains("'conv_1' maps 28 to 24: (28 + 2·0 − 1·(5 − 1) − 1) // 1 + 1"))
    #expect(notes.contains("'pool_1' maps 24 to 12: (24 + 2·0 − 1·(2 − 1) − 1) // 2 + 1"))
    #expect(notes.contains("'flatten' multiplies 6 · 12 · 12 = 864"))
    #expect(diagnostic.fixIts.first?.edits.first?.replacement == "864")
  }

  @Test func missingFlattenIsReported() {
    let analysis = analyze(
      """
      images: Tensor[N, 1, 28, 28]
      conv_1 = nn.Conv2d(1, 2, kernel_size=5)
      fc_1 = nn.Linear(1152, 10)
      y = fc_1(conv_1(images))
      """)
    #expect(analysis.codes == ["shape.missing-flatten"])
  }

  @Test func freeHeightBoundIsTheLargest() throws {
    let analysis = analyze(
      """
      images: Tensor[N, 1, H, 28]
      conv_1 = nn.Conv2d(1, 6, kernel_size=3)
      pool_1 = nn.MaxPool2d(2)
      conv_2 = nn.Conv2d(6, 8, kernel_size=3)
      x = conv_2(pool_1(conv_1(images)))
      """)
    #expect(analysis.codes == ["shape.conditional"])
    let diagnostic = try #require(analysis.diagnostics.first)
    // conv_2 needs (H - 2) // 2 >= 3, so H >= 8.
    #expect(diagnostic.facts["minimum"] == "8")
    #expect(diagnostic.message.contains("H // 2 - 1"), "\(diagnostic.message)")
  }

  @Test func freeHeightEqualityGivesItsRange() throws {
    let analysis = analyze(
      """
      images: Tensor[N, 1, H, 4]
      pool_1 = nn.MaxPool2d(2)
      flatten = nn.Flatten()
      fc_1 = nn.Linear(12, 10)
      y = fc_1(flatten(pool_1(images)))
      """)
    let diagnostic = try #require(analysis.diagnostics.first { $0.code == .conditionalShape && $0.facts["range"] != nil })
    #expect(diagnostic.facts["range"] == "12 ≤ H ≤ 13")
  }

  @Test func freeHeightEqualityWithNoSolutionIsAnError() {
    let analysis = analyze(
      """
      images: Tensor[N, 1, H, 4]
      pool_1 = nn.MaxPool2d(2)
      flatten = nn.Flatten()
      fc_1 = nn.Linear(13, 10)
      y = fc_1(flatten(pool_1(images)))
      """)
    #expect(analysis.codes.contains("shape.flattened-size-mismatch"))
  }

  @Test(arguments: [
    ("nn.Conv2d(4, 6, 3, groups=4)", "layer.groups-mismatch"),
    ("nn.Conv2d(1, 6, 3, stride=2, padding='same')", "layer.same-padding-stride"),
    ("nn.MaxPool2d(2, padding=2)", "layer.padding-too-large"),
    ("nn.GroupNorm(4, 6)", "layer.groups-mismatch"),
    ("nn.MaxPool2d(2, return_indices=True)", "layer.invalid-argument"),
    ("nn.Conv2d(1, 6, kernel_size=(3, 3, 3))", "layer.invalid-argument"),
    ("nn.Embedding(5, 2, padding_idx=5)", "layer.invalid-argument"),
  ])
  func invalidArgumentsHaveTheirCode(constructor: String, code: String) {
    let analysis = analyze("layer = \(constructor)\n")
    #expect(analysis.codes == [code])
  }

  @Test func batchNormBuffersAreNotParameters() {
    let analysis = analyze(
      """
      images: Tensor[N, 3, 8, 8]
      bn = nn.BatchNorm2d(3)
      x = bn(images)
      """)
    #expect(analysis.parameters.map(\.spec.name) == ["weight", "bias"])
    let layer = analysis.layers[0]
    #expect(layer.kind.buffers(of: layer).map(\.name) == ["running_mean", "running_var"])
  }

  @Test func hugeConstantsDoNotTrap() {
    let analysis = analyze(
      """
      images: Tensor[N, 1, 28, 28]
      a = nn.Conv2d(1, 6, kernel_size=3, padding=4611686018427387904)
      b = nn.MaxPool2d(3, stride=9223372036854775807, ceil_mode=True)
      c = nn.Conv2d(1, 6, kernel_size=3, dilation=9223372036854775807)
      x = a(images)
      y = b(images)
      z = c(images)
      """)
    #expect(analysis.codes == ["arith.overflow", "arith.overflow"])
    #expect(analysis.shapeValues(of: "y") == [nil, 1, 1, 1])
  }

  @Test func layerNormTupleMismatchNamesTheEntry() throws {
    let text = "x: Tensor[N, 6, 12]\nl = nn.LayerNorm((6, 10))\ny = l(x)\n"
    let analysis = analyze(text)
    let diagnostic = try #require(analysis.diagnostics.first)
    #expect(diagnostic.code == .normFeatureMismatch)
    #expect(diagnostic.message.hasPrefix("'l.normalized_shape[1]' is 10"))
    // The error points at the entry 10, and its fix-it replaces that entry only, because
    // replacing the whole tuple by one number would change its meaning.
    let entry = try #require(text.utf8.firstRange(of: "10))".utf8))
    let entryStart = text.utf8.distance(from: text.utf8.startIndex, to: entry.lowerBound)
    #expect(diagnostic.range.start == entryStart)
    #expect(diagnostic.range.end == entryStart + 2)
    let edit = try #require(diagnostic.fixIts.first?.edits.first)
    #expect(edit.range == diagnostic.range)
    #expect(edit.replacement == "12")
  }

  @Test func listEntryMismatchOfLayerNormIsFixable() throws {
    let text = "x: Tensor[N, 6, 12]\nl = nn.LayerNorm([7, 12])\ny = l(x)\n"
    let analysis = analyze(text)
    let diagnostic = try #require(analysis.diagnostics.first)
    #expect(diagnostic.message.hasPrefix("'l.normalized_shape[0]' is 7"))
    let edit = try #require(diagnostic.fixIts.first?.edits.first)
    #expect(text.utf8.dropFirst(edit.range.start).prefix(edit.range.end - edit.range.start).elementsEqual("7".utf8))
    #expect(edit.replacement == "6")
  }

  @Test func flattenAfterDeepWindowChain() {
    // Each spatial size is a long formula over the written window arguments, and the product
    // of the two passes the size limit of a formula, although every size has a value.
    let analysis = analyze(
      """
      images: Tensor[N, 3, 21, 21]
      a = nn.MaxPool2d(kernel_size=[1, 4], stride=(2, 3), padding=0, dilation=(2, 2))(images)
      b = nn.Conv2d(3, 3, kernel_size=[3, 4], padding=(1, 0), dilation=(2, 1))(a)
      c = nn.Conv2d(3, 3, kernel_size=(1, 1), stride=[3, 3], padding=(1, 0), dilation=(2, 2))(b)
      d = nn.Conv2d(3, 3, kernel_size=2, stride=[3, 3], padding=1, dilation=2)(c)
      e = nn.Conv2d(3, 3, kernel_size=(1, 1), stride=(1, 2), padding=(2, 1), dilation=(2, 1))(d)
      f = nn.Conv2d(3, 3, kernel_size=(2, 1), padding=(1, 2), dilation=(1, 2))(e)
      g = nn.Flatten()(f)
      """)
    #expect(analysis.codes == [])
    #expect(analysis.shapeValues(of: "f") == [nil, 3, 7, 6])
    #expect(analysis.shapeValues(of: "g") == [nil, 126])
  }

  @Test func groupsMismatchSuggestsADivisor() throws {
    let analysis = analyze("c = nn.Conv2d(12, 18, 3, groups=5)\n")
    let diagnostic = try #require(analysis.diagnostics.first)
    #expect(diagnostic.message.hasSuffix("such as 3"), "\(diagnostic.message)")
  }

  @Test func twoFreeSizesGiveAnExample() throws {
    let analysis = analyze(
      """
      images: Tensor[N, 1, H, W]
      conv_1 = nn.Conv2d(1, 6, kernel_size=5, padding=2)
      pool_1 = nn.MaxPool2d(2)
      flatten = nn.Flatten()
      fc_1 = nn.Linear(1176, 10)
      y = fc_1(flatten(pool_1(conv_1(images))))
      """)
    let diagnostic = try #require(analysis.diagnostics.first { $0.code == .undecidedCheck })
    #expect(diagnostic.message.contains("6 * (H // 2) * (W // 2)"), "\(diagnostic.message)")
    #expect(diagnostic.notes.first?.message == "it equals 1176 when H = W = 28, for example")
  }
}
