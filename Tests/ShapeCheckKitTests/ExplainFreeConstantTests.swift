import ShapeCheckKit
import ShapeInference
import ShapeSource
import Testing

/// Constants that `explain` calls free must keep the model consistent when changed alone.
@Suite struct ExplainFreeConstantTests {
  static func analysis(_ text: String) -> ModelAnalysis {
    ModelCheck.analyze(SourceFile(path: "model.nn", text: text))
  }

  static func isFree(_ name: String, in analysis: ModelAnalysis) -> Bool {
    Explanation(analysis: analysis).groups.contains { group in
      group.role == .free && group.members.contains { $0.name == name }
    }
  }

  static func role(of name: String, in analysis: ModelAnalysis) -> ConstantRole? {
    Explanation(analysis: analysis).groups.first { group in
      group.members.contains { $0.name == name }
    }?.role
  }

  @Test func groupsIsNotFreeWhenChannelsFixIt() {
    let analysis = Self.analysis("x: Tensor[1, 1, 28, 28]\nconv = nn.Conv2d(1, 4, kernel_size=3, groups=1)\ny = conv(x)\n")
    let outcome = WhatIf.apply([WhatIfRequest(name: "conv.groups", value: 2)], to: analysis)
    #expect(!outcome.remainingProblems.isEmpty)
    #expect(!Self.isFree("conv.groups", in: analysis))
    #expect(Self.role(of: "conv.groups", in: analysis) == .limited)
  }

  @Test(arguments: [
    ("groups=1", ConstantRole.free),
    ("groups=2", ConstantRole.limited),
    ("", ConstantRole.free),
  ])
  func lastOutChannelsIsLimitedOnlyByGroupsAboveOne(groups: String, expected: ConstantRole) {
    let arguments = groups.isEmpty ? "4, 8, 3" : "4, 8, 3, \(groups)"
    let analysis = Self.analysis("x: Tensor[1, 4, 28, 28]\nconv = nn.Conv2d(\(arguments))\ny = conv(x)\n")
    #expect(Self.role(of: "conv.out_channels", in: analysis) == expected)
    #expect(Self.role(of: "conv.in_channels", in: analysis) == .boundToInput)
  }

  @Test func omittedGroupsIsNotClassified() {
    let analysis = Self.analysis("x: Tensor[1, 4, 28, 28]\nconv = nn.Conv2d(4, 8, 3)\ny = conv(x)\n")
    #expect(Self.role(of: "conv.groups", in: analysis) == nil)
  }

  @Test func groupNormGroupsIsLimitedWithItsRule() throws {
    let analysis = Self.analysis("x: Tensor[2, 6, 5]\nnorm = nn.GroupNorm(3, 6)\ny = norm(x)\n")
    let group = try #require(
      Explanation(analysis: analysis).groups.first { $0.members.contains { $0.name == "norm.num_groups" } })
    #expect(group.role == .limited)
    let tie = try #require(group.ties.first)
    #expect(tie.expected == "norm.num_channels % norm.num_groups")
    #expect(tie.isSatisfied)
    #expect(Self.role(of: "norm.num_channels", in: analysis) == .boundToInput)
  }

  @Test func oneElementOfOmittedStrideChangesAlone() throws {
    let analysis = Self.analysis("x: Tensor[1, 1, 28, 28]\nconv = nn.Conv2d(1, 4, kernel_size=3)\ny = conv(x)\n")
    let outcome = WhatIf.apply([WhatIfRequest(name: "conv.stride[0]", value: 2)], to: analysis)
    #expect(outcome.remainingProblems.isEmpty)
    let change = try #require(outcome.activationChanges.first { $0.name == "y" })
    #expect(change.after == "[1, 4, 13, 26]")
  }

  @Test func omittedStrideBeforeFlattenIsNotFree() {
    let text = """
      images: Tensor[N, 1, 28, 28]
      net = nn.Sequential(
          nn.Conv2d(1, 6, kernel_size=5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
          nn.Conv2d(6, 16, kernel_size=5), nn.ReLU(), nn.MaxPool2d(2),
          nn.Flatten(), nn.Linear(400, 120),
      )
      logits = net(images)

      """
    let analysis = Self.analysis(text)
    let outcome = WhatIf.apply([WhatIfRequest(name: "net.0.stride[0]", value: 2)], to: analysis)
    #expect(!outcome.requiredChanges.isEmpty || !outcome.remainingProblems.isEmpty)
    #expect(!Self.isFree("net.0.stride[0]", in: analysis))
  }

  /// Only the first two models apply their layer, so no input tie competes with the rule in
  /// the others. `c` is in the group of every constant written with it.
  @Test(arguments: [
    ("g = 2\nconv = nn.Conv2d(4, 8, 3, groups=g)\ny = conv(x)", "g", false),
    ("c = 4\nconv = nn.Conv2d(c, 2 * c, 3, groups=c)\ny = conv(x)", "c", false),
    ("c = 4\nconv = nn.Conv2d(c, 2 * c, 3, groups=c)", "c", true),
    ("c = 3\nconv = nn.Conv2d(2 * c, 4 * c + 2, 3, groups=2)", "c", true),
    ("c = 3\nconv = nn.Conv2d(2 * c, c + 1, 3, groups=2)", "c", false),
    ("c = 3\nconv = nn.Conv2d(c * (c + 1), 2 * c, 3, groups=2)", "c", true),
  ])
  func namedConstantKeepsRuleOnlyWhenItDividesByForm(model: String, name: String, follows: Bool) throws {
    let analysis = Self.analysis("x: Tensor[1, 4, 9, 9]\n\(model)\n")
    #expect(!analysis.hasErrors)
    let group = try #require(
      Explanation(analysis: analysis).groups.first { $0.members.contains { $0.name == name } })
    #expect(group.role != .free)
    #expect(group.followsNamedConstants == follows)
  }
}
