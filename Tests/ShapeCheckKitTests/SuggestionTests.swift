import ShapeCheckKit
import ShapeDiagnostics
import ShapeSource
import Testing

/// The "did you mean" suggestion on an undefined name: the closest defined name by edit
/// distance, ignoring case, within a third of the typo's length.
@Suite struct SuggestionTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let defined: [String]
    let typo: String
    let expected: String?
    var testDescription: String { "\(typo) among \(defined)" }
  }

  static let cases: [Case] = [
    Case(defined: ["hidden"], typo: "hiden", expected: "hidden"),
    Case(defined: ["hidden_size"], typo: "hidden_szie", expected: "hidden_size"),
    Case(defined: ["Hidden"], typo: "hidden", expected: "Hidden"),
    Case(defined: ["abc"], typo: "abd", expected: "abc"),
    // Ties go to the name first in lexicographic order, whatever the definition order.
    Case(defined: ["cat", "bat"], typo: "hat", expected: "bat"),
    Case(defined: ["bat", "cat"], typo: "hat", expected: "bat"),
    // The closer name wins over an earlier one.
    Case(defined: ["features_a", "features"], typo: "feature", expected: "features"),
    Case(defined: ["features"], typo: "xyz", expected: nil),
    // A layer named like its class wins the tie with the class, being closer with case.
    Case(defined: ["linear"], typo: "linaer", expected: "linear"),
    Case(defined: ["relu"], typo: "relx", expected: "relu"),
    // One edit reaches any short name, so names of one or two characters get only case fixes.
    Case(defined: ["b"], typo: "a", expected: nil),
    Case(defined: ["ab"], typo: "ac", expected: nil),
    Case(defined: ["Ab"], typo: "ab", expected: "Ab"),
    // Non-ASCII names are compared by lowercased scalars, whose count may differ from the
    // name's: "İ" lowercases to "i" and a combining dot.
    Case(defined: ["größe"], typo: "grösse", expected: "größe"),
    Case(defined: ["İndex"], typo: "index", expected: "İndex"),
    Case(defined: ["Ìndex_size"], typo: "index_size", expected: "Ìndex_size"),
    // Four edits in a ten-letter name are past the limit of three, found by the early exit.
    Case(defined: ["abcdefghij"], typo: "zzzzefghij", expected: nil),
    Case(defined: ["abcdefghij"], typo: "zzzdefghij", expected: "abcdefghij"),
  ]

  @Test(arguments: cases)
  func suggestsClosestName(_ testCase: Case) {
    var lines = testCase.defined.enumerated().map { "\($0.element) = \($0.offset + 1)" }
    lines.append("value = \(testCase.typo)")
    let analysis = ModelCheck.analyze(SourceFile(path: "typo.nn", text: lines.joined(separator: "\n")))
    let undefined = analysis.diagnostics.filter { $0.code == .undefinedName }
    #expect(undefined.count == 1)
    let suggestion = undefined.first?.fixIts.first?.edits.first?.replacement
    #expect(suggestion == testCase.expected)
  }

  @Test func layerKindTypoGetsSuggestionWithoutList() {
    let analysis = ModelCheck.analyze(SourceFile(path: "kind.nn", text: "layer = nn.Linaer(3, 4)\n"))
    let diagnostic = analysis.diagnostics.first
    #expect(diagnostic?.code == .unknownLayerKind)
    #expect(diagnostic?.fixIts.first?.edits.first?.replacement == "Linear")
    #expect(diagnostic?.notes.isEmpty == true)
  }

  @Test func unknownLayerKindListsKnownKinds() {
    let analysis = ModelCheck.analyze(SourceFile(path: "kind.nn", text: "layer = nn.Transformer()\n"))
    let diagnostic = analysis.diagnostics.first
    #expect(diagnostic?.code == .unknownLayerKind)
    #expect(diagnostic?.fixIts.isEmpty == true)
    #expect(diagnostic?.notes.first?.message.hasPrefix("known kinds: ") == true)
  }
}
