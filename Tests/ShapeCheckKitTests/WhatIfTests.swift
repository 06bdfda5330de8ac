import ShapeCheckKit
import ShapeInference
import ShapeSource
import Testing

/// `--what-if`: parsing the requests, and the consequences of a change.
@Suite struct WhatIfTests {
  static func analysis(_ model: String) throws -> ModelAnalysis {
    ModelCheck.analyze(SourceFile(path: model, bytes: try Repository.bytes(model)))
  }

  @Test func widerHiddenLayer() throws {
    let analysis = try Self.analysis("fixtures/simple_net.nn")
    let requests = try WhatIfRequest.parse(["linear_1.out_features=50"], in: analysis)
    let outcome = WhatIf.apply(requests, to: analysis)
    #expect(outcome.changes.map(\.oldValue) == [30])
    #expect(outcome.requiredChanges.map(\.name) == ["linear_2.in_features"])
    #expect(outcome.requiredChanges.map(\.newValue) == [50])
    #expect(outcome.remainingProblems.isEmpty)
    #expect(outcome.activationChanges.map(\.name) == ["act1", "act2"])
    #expect(outcome.parameterCountBefore == 23_581)
    #expect(outcome.parameterCountAfter == 39_301)
  }

  @Test func whatIfMatchesGolden() throws {
    let analysis = try Self.analysis("fixtures/simple_net.nn")
    let outcome = WhatIf.apply(
      [WhatIfRequest(name: "linear_1.out_features", value: 50)], to: analysis)
    let rendered = WhatIfTextRenderer.render(outcome, path: analysis.source.path)
    let mismatch = goldenMismatch(rendered, golden: "fixtures/explain/simple_net.whatif.expected")
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }

  @Test func namedConstantNeedsNoOtherChange() throws {
    let analysis = try Self.analysis("fixtures/explain/hidden_width.nn")
    let outcome = WhatIf.apply([WhatIfRequest(name: "hidden", value: 64)], to: analysis)
    #expect(outcome.requiredChanges.isEmpty)
    #expect(outcome.remainingProblems.isEmpty)
    #expect(outcome.parameterChanges.map(\.after) == ["[64, 784]", "[64]", "[10, 64]"])
  }

  @Test func userChoiceIsNotReverted() throws {
    let analysis = try Self.analysis("fixtures/simple_net.nn")
    let outcome = WhatIf.apply(
      [WhatIfRequest(name: "linear_2.in_features", value: 50)], to: analysis)
    #expect(outcome.requiredChanges.isEmpty)
    #expect(outcome.remainingProblems.count == 1)
  }

  @Test func tupleElementIsEdited() throws {
    let analysis = try Self.analysis("fixtures/explain/unflatten_chain.nn")
    let outcome = WhatIf.apply(
      [
        WhatIfRequest(name: "unflatten.unflattened_size[0]", value: 4),
        WhatIfRequest(name: "unflatten.unflattened_size[1]", value: 7),
      ], to: analysis)
    #expect(outcome.remainingProblems.isEmpty)
    #expect(outcome.activationChanges.map(\.after) == ["[4, 7, 28]"])
  }

  @Test func existingMismatchIsNotRequired() throws {
    let analysis = try Self.analysis("fixtures/broken/feature_mismatch.nn")
    let outcome = WhatIf.apply([WhatIfRequest(name: "linear_2.out_features", value: 5)], to: analysis)
    #expect(outcome.requiredChanges.isEmpty)
    #expect(outcome.remainingProblems.isEmpty)
  }

  @Test func namedTupleElementIsNotEdited() {
    let model = """
      side = 28
      x: Tensor[784]
      u = nn.Unflatten(0, (side, side))
      y = u(x)

      """
    let analysis = ModelCheck.analyze(SourceFile(path: "tuple.nn", text: model))
    let outcome = WhatIf.apply([WhatIfRequest(name: "u.unflattened_size[0]", value: 4)], to: analysis)
    #expect(outcome.unappliedRequests == ["u.unflattened_size[0]"])
    #expect(outcome.changes.isEmpty)
    #expect(outcome.activationChanges.isEmpty)
  }

  @Test(arguments: [
    ("nothing=3", "unknown constant 'nothing'"),
    ("linear_1.out_features=x", "must be an integer"),
    ("linear_1.out_features", "write NAME=VALUE"),
  ])
  func invalidRequest(_ text: String, _ message: String) throws {
    let analysis = try Self.analysis("fixtures/simple_net.nn")
    let error = #expect(throws: WhatIfError.self) { try WhatIfRequest.parse([text], in: analysis) }
    #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
  }

  @Test func unknownNameListsKnownConstants() throws {
    let analysis = try Self.analysis("fixtures/simple_net.nn")
    let error = #expect(throws: WhatIfError.self) { try WhatIfRequest.parse(["x=1"], in: analysis) }
    #expect(error?.description.contains("linear_2.out_features") == true)
  }

  @Test func invalidLayerListsItsParametersAsNotBuilt() throws {
    let analysis = try Self.analysis("fixtures/explain/grouped_conv.nn")
    let outcome = WhatIf.apply([WhatIfRequest(name: "conv_1.groups", value: 3)], to: analysis)
    #expect(outcome.remainingProblems.contains { $0.contains("[layer.groups-mismatch]") })
    let weight = try #require(outcome.parameterChanges.first { $0.name == "conv_1.weight" })
    #expect(weight.before == "[8, 2, 3, 3]")
    #expect(weight.after == nil)
    let features = try #require(outcome.activationChanges.first { $0.name == "features" })
    #expect(features.after == nil)
    let text = WhatIfTextRenderer.render(outcome, path: "grouped_conv.nn")
    #expect(text.contains("conv_1.weight: [8, 2, 3, 3] → not built, since its arguments have errors"))
    #expect(outcome.parameterCountBefore == 390)
    #expect(outcome.parameterCountAfter == nil)
  }

  @Test func validChangeKeepsEveryLayerBuilt() throws {
    let analysis = try Self.analysis("fixtures/explain/grouped_conv.nn")
    let outcome = WhatIf.apply([WhatIfRequest(name: "conv_1.groups", value: 4)], to: analysis)
    #expect(outcome.remainingProblems.isEmpty)
    #expect(outcome.parameterChanges.map(\.name) == ["conv_1.weight"])
    #expect(outcome.parameterChanges.first?.after == "[8, 1, 3, 3]")
    #expect(outcome.parameterCountAfter == 318)
  }

  @Test(arguments: [
    ("nn.Conv1d(2, 4, kernel_size=3)", "x: Tensor[1, 2, 20]", "nn.Conv1d(2, 4, kernel_size=5)"),
    ("nn.Conv2d(2, 4, kernel_size=3)", "x: Tensor[1, 2, 20, 20]", "nn.Conv2d(2, 4, kernel_size=(5, 3))"),
  ])
  func elementOfScalarArgumentIsEditable(layer: String, input: String, edited: String) throws {
    let text = "\(input)\nconv = \(layer)\ny = conv(x)\n"
    let analysis = ModelCheck.analyze(SourceFile(path: "model.nn", text: text))
    let edit = try #require(SourceEditor.edit(setting: "conv.kernel_size[0]", to: 5, in: analysis))
    let result = try #require(SourceEditor.apply([edit], to: Array(text.utf8)))
    #expect(String(decoding: result, as: UTF8.self).contains(edited))
    let outcome = WhatIf.apply([WhatIfRequest(name: "conv.kernel_size[0]", value: 5)], to: analysis)
    #expect(outcome.unappliedRequests.isEmpty)
    #expect(outcome.changes.map(\.newValue) == [5])
  }

  @Test func repairedLayerIsListedAsNew() throws {
    let text = "g = 3\nx: Tensor[N, 4, 10, 10]\nconv = nn.Conv2d(4, 8, 3, groups=g)\ny = conv(x)\n"
    let analysis = ModelCheck.analyze(SourceFile(path: "model.nn", text: text))
    let outcome = WhatIf.apply([WhatIfRequest(name: "g", value: 2)], to: analysis)
    #expect(outcome.remainingProblems.isEmpty)
    let weight = try #require(outcome.parameterChanges.first { $0.name == "conv.weight" })
    #expect(weight.before == nil)
    #expect(weight.after == "[8, 2, 3, 3]")
    #expect(outcome.activationChanges.map(\.name) == ["y"])
    #expect(outcome.parameterCountBefore == nil)
    #expect(outcome.parameterCountAfter == 152)
  }

  @Test func omittedArgumentIsInsertedAfterTrailingComma() throws {
    let text = "x: Tensor[N, 2, 20, 20]\nconv = nn.Conv2d(\n    2, 4, kernel_size=3,\n)\ny = conv(x)\n"
    let analysis = ModelCheck.analyze(SourceFile(path: "model.nn", text: text))
    let outcome = WhatIf.apply([WhatIfRequest(name: "conv.stride[0]", value: 2)], to: analysis)
    #expect(outcome.remainingProblems.isEmpty)
    #expect(outcome.activationChanges.first?.after == "[N, 4, 9, 18]")
  }

  static func outcome(_ text: String, _ requests: [(String, Int)]) -> WhatIfOutcome {
    let analysis = ModelCheck.analyze(SourceFile(path: "model.nn", text: text))
    return WhatIf.apply(requests.map { WhatIfRequest(name: $0.0, value: $0.1) }, to: analysis)
  }

  @Test func bothElementsOfScalarArgumentChange() {
    let text = "x: Tensor[N, 2, 20, 20]\nconv = nn.Conv2d(2, 4, kernel_size=3)\ny = conv(x)\n"
    let outcome = Self.outcome(text, [("conv.kernel_size[0]", 5), ("conv.kernel_size[1]", 7)])
    #expect(outcome.unappliedRequests.isEmpty)
    #expect(outcome.changes.map(\.oldValue) == [3, 3])
    #expect(outcome.activationChanges.first?.after == "[N, 4, 16, 14]")
  }

  @Test func literalElementBesideNamedElementChanges() {
    let text = "k = 3\nx: Tensor[N, 2, 20, 20]\nconv = nn.Conv2d(2, 4, kernel_size=(k, 3))\ny = conv(x)\n"
    #expect(Self.outcome(text, [("conv.kernel_size[1]", 5)]).activationChanges.first?.after == "[N, 4, 18, 16]")
    #expect(Self.outcome(text, [("conv.kernel_size[0]", 5)]).unappliedRequests == ["conv.kernel_size[0]"])
  }

  /// The stride becomes `(2, 1)`, five bytes longer, before the 'same' padding on that line.
  @Test func problemsArePlacedInTheOriginalFile() throws {
    let text = "x: Tensor[N, 2, 20, 20]\nconv = nn.Conv2d(2, 4, kernel_size=3, stride=1, padding='same')\ny = conv(x)\n"
    let outcome = Self.outcome(text, [("conv.stride[0]", 2)])
    let problem = try #require(outcome.remainingProblems.first)
    #expect(problem.hasPrefix("2:57: error:"))
    #expect(outcome.changes.first?.location.column == 46)
  }
}
