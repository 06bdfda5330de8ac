import Foundation
import ShapeCheckKit
import ShapeInference
import ShapeSource
import Testing

/// Classification of constants, the rendered explanation and its JSON form.
@Suite struct ExplainTests {
  static let explainedModels = [
    "fixtures/simple_net.nn", "fixtures/explain/hidden_width.nn",
    "fixtures/explain/unflatten_chain.nn", "fixtures/valid/batched_mlp.nn",
    "fixtures/explain/grouped_conv.nn",
  ]

  static func analysis(_ model: String) throws -> ModelAnalysis {
    ModelCheck.analyze(SourceFile(path: model, bytes: try Repository.bytes(model)))
  }

  static func role(of name: String, in explanation: Explanation) -> ConstantRole? {
    explanation.groups.first { group in group.members.contains { $0.name == name } }?.role
  }

  @Test(arguments: explainedModels)
  func explanationMatchesGolden(_ model: String) throws {
    let explanation = Explanation(analysis: try Self.analysis(model))
    let name = URL(fileURLWithPath: model).deletingPathExtension().lastPathComponent
    let golden = "fixtures/explain/\(name).explain.expected"
    let mismatch = goldenMismatch(ExplainTextRenderer.render(explanation), golden: golden)
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }

  @Test func simpleNetRoles() throws {
    let explanation = Explanation(analysis: try Self.analysis("fixtures/simple_net.nn"))
    #expect(Self.role(of: "linear_1.in_features", in: explanation) == .boundToInput)
    #expect(Self.role(of: "linear_1.out_features", in: explanation) == .changeTogether)
    #expect(Self.role(of: "linear_2.in_features", in: explanation) == .changeTogether)
    #expect(Self.role(of: "linear_2.out_features", in: explanation) == .free)
    let together = explanation.groups.filter { $0.role == .changeTogether }
    #expect(together.count == 1)
    #expect(
      together.first?.members.map(\.name) == ["linear_1.out_features", "linear_2.in_features"])
  }

  @Test func freeConstantEffect() throws {
    let explanation = Explanation(analysis: try Self.analysis("fixtures/simple_net.nn"))
    let free = try #require(explanation.groups.first { $0.role == .free })
    let effect = try #require(free.effect)
    #expect(effect.activations == ["act3", "simple_net(example_3_flat)"])
    #expect(effect.parameters == ["linear_2.weight", "linear_2.bias"])
    #expect(effect.parameterCountFormula == "31 * linear_2.out_features + 23550")
  }

  @Test func assertedLiteralBindsOutput() throws {
    let explanation = Explanation(analysis: try Self.analysis("fixtures/explain/hidden_width.nn"))
    #expect(Self.role(of: "model.4.out_features", in: explanation) == .boundToOutput)
    #expect(Self.role(of: "hidden", in: explanation) == .changeTogether)
    #expect(Self.role(of: "model.1.in_features", in: explanation) == .boundToInput)
    let hidden = try #require(explanation.namedConstants.first { $0.name == "hidden" })
    #expect(hidden.usedBy == ["model.1.out_features", "model.4.in_features"])
    #expect(explanation.freeDimensions.map(\.name) == ["N"])
    let together = try #require(explanation.groups.first { $0.role == .changeTogether })
    #expect(together.followsNamedConstants)
  }

  @Test func literalGroupDoesNotFollowNamedConstants() throws {
    let explanation = Explanation(analysis: try Self.analysis("fixtures/simple_net.nn"))
    #expect(explanation.groups.allSatisfy { !$0.followsNamedConstants })
  }

  @Test func namedConstantWithLiteralPartner() throws {
    let model = """
      hidden = 30
      x: Tensor[784]
      a = nn.Linear(784, hidden)
      b = nn.Linear(30, 10)
      y = b(a(x))

      """
    let analysis = ModelCheck.analyze(SourceFile(path: "partner.nn", text: model))
    let explanation = Explanation(analysis: analysis)
    let group = try #require(explanation.groups.first { $0.role == .changeTogether })
    #expect(group.members.map(\.name) == ["hidden", "a.out_features", "b.in_features"])
    #expect(!group.followsNamedConstants)
  }

  @Test func productTiesEveryFactor() throws {
    let explanation = Explanation(
      analysis: try Self.analysis("fixtures/explain/unflatten_chain.nn"))
    for index in 0..<3 {
      let name = "unflatten.unflattened_size[\(index)]"
      #expect(Self.role(of: name, in: explanation) == .boundToInput, "\(name)")
    }
    #expect(Self.role(of: "encoder.in_features", in: explanation) == .boundToInput)
    let bias = try #require(explanation.otherArguments.first { $0.name == "decoder.bias" })
    #expect(bias.effect.contains("'decoder.bias'"))
  }

  @Test func brokenConstraintStaysVisible() throws {
    let explanation = Explanation(
      analysis: try Self.analysis("fixtures/broken/feature_mismatch.nn"))
    let together = try #require(explanation.groups.first { $0.role == .changeTogether })
    let tie = try #require(together.ties.first)
    #expect(!tie.isSatisfied)
    #expect(tie.expectedValue == 20)
    #expect(tie.actualValue == 30)
  }

  @Test(arguments: Repository.models(in: "fixtures/broken"))
  func brokenModelIsExplained(_ model: String) throws {
    let explanation = Explanation(analysis: try Self.analysis(model))
    #expect(ExplainTextRenderer.render(explanation).hasPrefix("explanation of \(model)\n"))
    let json = Data(ExplainJSON.render(explanation).utf8)
    let object = try JSONSerialization.jsonObject(with: json) as? [String: Any]
    #expect(object?["version"] as? Int == 1)
  }

  @Test func jsonHasVersionAndRoles() throws {
    let explanation = Explanation(analysis: try Self.analysis("fixtures/simple_net.nn"))
    let data = Data(ExplainJSON.render(explanation).utf8)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["version"] as? Int == 1)
    let groups = try #require(object["groups"] as? [[String: Any]])
    let roles = groups.compactMap { $0["role"] as? String }
    #expect(roles == ["bound-to-input", "change-together", "free"])
  }

  @Test func jsonMatchesGolden() throws {
    let analysis = try Self.analysis("fixtures/simple_net.nn")
    let request = WhatIfRequest(name: "linear_1.out_features", value: 50)
    let outcome = WhatIf.apply([request], to: analysis)
    let rendered = ExplainJSON.render(Explanation(analysis: analysis), whatIf: outcome)
    let mismatch = goldenMismatch(
      rendered, golden: "fixtures/explain/simple_net.explain.json.expected")
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }
}
