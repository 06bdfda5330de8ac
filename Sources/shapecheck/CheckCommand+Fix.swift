import Foundation
import ShapeCheckKit
import ShapeInference

/// The treatment of safe fix-its by `check`: apply them, or print them as a diff.
enum FixMode {
  case apply
  case diff
}

extension CheckCommand {
  static let fixOptions = [
    OptionSpec(
      name: "--fix", valueName: nil,
      help: "Apply each fix-it that is the single safe repair, then check the files again."),
    OptionSpec(
      name: "--diff", valueName: nil,
      help: "Print the safe fix-its as a unified diff on standard output; change no file."),
  ]

  static func fixMode(_ arguments: ParsedArguments) throws(UsageError) -> FixMode? {
    switch (arguments.flags.contains("--fix"), arguments.flags.contains("--diff")) {
    case (true, true):
      throw UsageError(message: "'--fix' and '--diff' cannot be combined", command: spec.name)
    case (true, false): return .apply
    case (false, true): return .diff
    case (false, false): return nil
    }
  }

  /// Analyzes the file, first applying or printing its safe fixes in a fix mode. With `--fix`
  /// the result is the analysis of the fixed file. With `--diff` the file is unchanged, so the
  /// result is the analysis of the file as it is.
  static func analyze(_ path: String, fixMode: FixMode?) throws(FixFailure) -> ModelAnalysis {
    guard let fixMode else {
      do { return try ModelCheck.analyzeFile(path) } catch { throw .input(error) }
    }
    let result = try ModelFixer.fix(path, write: fixMode == .apply)
    switch fixMode {
    case .apply:
      Output.standardOutput(ModelFixer.report(result, path: path, applied: "fixed"))
      return result.analysisAfter
    case .diff:
      Output.standardOutput(result.diff(path: path))
      Output.standardError(ModelFixer.report(result, path: path, applied: "fix"))
      return result.analysisBefore
    }
  }
}
