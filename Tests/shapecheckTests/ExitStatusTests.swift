import ShapeCheckKit
import Testing

@testable import shapecheck

/// Every documented exit status, through the built executable where a real input can cause it.
@Suite struct ExitStatusTests {
  @Test(arguments: [
    (["check", "fixtures/simple_net.nn"], 0),
    (["shapes", "fixtures/simple_net.nn"], 0),
    (["check", "fixtures/broken/feature_mismatch.nn"], 1),
    (["check", "--warnings-as-errors", "fixtures/broken/assert_by_value.nn"], 1),
    (["run", "fixtures/run/wrong_input_size.nn", "--input", "fixtures/digits/train/3/1500.png"], 1),
    (["chek", "fixtures/simple_net.nn"], 64),
    (["check", "--fromat", "json", "fixtures/simple_net.nn"], 64),
    (["run", "fixtures/simple_net.nn"], 64),
    (["run", "fixtures/simple_net.nn", "--input", "x", "--seed", "-1"], 64),
    (["run", "fixtures/simple_net_batched.nn", "--input", "fixtures/digits/valid", "--positive-class", "5"], 64),
    (["check", "fixtures/no_such_model.nn"], 66),
    (["run", "fixtures/simple_net.nn", "--input", "fixtures/no_such_digits"], 66),
    (["run", "fixtures/simple_net.nn", "--input", "fixtures/digits/train/3/1500.png", "--weights", "README.md"], 66),
    ([], 64),
    (["--version"], 0),
    (["--help"], 0),
  ] as [([String], Int32)])
  func statusOfCommand(arguments: [String], expected: Int32) throws {
    let result = try BuiltTool.run(arguments)
    #expect(result.status == expected, "\(arguments): \(result.standardError)")
  }

  @Test func internalFailureMapsToSeventy() {
    #expect(RunCommand.status(for: .internalFailure("a kernel bug")) == .internal)
    #expect(ExitStatus.internal.rawValue == 70)
    #expect(RunCommand.status(for: .kernelFailed("shape differs")) == .findings)
  }

  @Test func helpListsEveryExitStatus() throws {
    let help = try BuiltTool.run(["--help"]).standardOutput
    for status in ExitStatus.allCases {
      #expect(help.contains("  \(status.rawValue) "), "missing \(status.rawValue) in --help")
    }
  }
}
