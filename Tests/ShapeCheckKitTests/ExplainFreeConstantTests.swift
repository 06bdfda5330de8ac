import ShapeCheckKit
import ShapeInference
import ShapeSource
import Testing

/// Constants that `explain` calls free must keep the model consistent when changed alone.
/// A case that is not handled yet runs as a known issue, and Swift Testing reports it once
/// the classifier handles it, so that `withKnownIssue` can be removed.
@Suite struct ExplainFreeConstantTests {
  static func analysis(_ text: String) -> ModelAnalysis {
    ModelCheck.analyze(SourceFile(path: "model.nn", text: text))
  }

  static func isFree(_ name: String, in analysis: ModelAnalysis) -> Bool {
    Explanation(analysis: analysis).groups.contains { group in
      group.role == .free && group.members.contains { $0.name == name }
    }
  }

  @Test func groupsIsNotFreeWhenChannelsFixIt() {
    let analysis = Self.analysis("x: Tensor[1, 1, 28, 28]\nconv = nn.Conv2d(1, 4, kernel_size=3, groups=1)\ny = conv(x)\n")
    let outcome = WhatIf.apply([WhatIfRequest(name: "conv.groups", value: 2)], to: analysis)
    #expect(!outcome.remainingProblems.isEmpty)
    let free = Self.isFree("conv.groups", in: analysis)
    withKnownIssue("groups must divide the channels, a rule of the layer that no tie records") {
      #expect(!free)
    }
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
}
