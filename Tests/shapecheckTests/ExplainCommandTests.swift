import Foundation
import Testing

/// Exit statuses and messages of `explain` and of `check --fix` and `--diff`.
@Suite struct ExplainCommandTests {
  static func run(_ arguments: [String]) throws -> (output: String, status: Int32) {
    let executable = try #require(
      ConsoleTranscript.executable(), "the shapecheck binary was not built")
    return try ConsoleTranscript.runProcess(
      executable, arguments, in: ConsoleTranscript.repositoryRoot)
  }

  static let statusCases: [([String], Int32)] = [
    (["explain", "fixtures/simple_net.nn"], 0),
    (["explain", "fixtures/broken/feature_mismatch.nn"], 1),
    (["explain", "fixtures/simple_net.nn", "--what-if", "linear_1.out_features=50"], 0),
    (["explain", "fixtures/simple_net.nn", "--what-if", "linear_2.in_features=31"], 1),
    (["explain", "fixtures/simple_net.nn", "--what-if", "nothing=1"], 64),
    (["explain", "fixtures/simple_net.nn", "--what-if", "linear_1.out_features=1.5"], 64),
    (["explain", "fixtures/simple_net.nn", "--format", "xml"], 64),
    (["explain", "fixtures/missing.nn"], 66),
    (["check", "--fix", "--diff", "fixtures/simple_net.nn"], 64),
    (["check", "--diff", "fixtures/broken/feature_mismatch.nn"], 1),
    (["check", "--diff", "fixtures/simple_net.nn"], 0),
  ]

  @Test(arguments: statusCases)
  func exitStatus(_ arguments: [String], _ status: Int32) throws {
    let result = try Self.run(arguments)
    #expect(result.status == status, "\(result.output)")
  }

  @Test func unknownConstantListsKnownOnes() throws {
    let result = try Self.run(["explain", "fixtures/simple_net.nn", "--what-if", "hidden=50"])
    #expect(
      result.output.contains(
        "error: unknown constant 'hidden' in --what-if; the known constants are"))
    #expect(result.output.contains("linear_2.out_features"))
  }

  @Test func jsonIsOneObject() throws {
    let result = try Self.run([
      "explain", "fixtures/simple_net.nn", "--format", "json", "--what-if",
      "linear_1.out_features=50",
    ])
    let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    let whatIf = try #require(object?["whatIf"] as? [String: Any])
    #expect(whatIf["parameterCountAfter"] as? Int == 39_301)
  }

  @Test func diffOfCleanFileIsEmpty() throws {
    let result = try Self.run(["check", "--diff", "fixtures/simple_net.nn"])
    #expect(result.output == "1 file checked: 0 errors, 0 warnings\n")
  }
}
