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

  /// Applies or prints the safe fixes of every model file under `paths`, before the files are
  /// checked. With `--fix` the report goes to standard output; with `--diff` the patch does,
  /// and the report goes to standard error.
  static func applyFixes(to paths: [String], options: CheckOptions, mode: FixMode) {
    let collector = ModelFileCollector(includes: options.includes, excludes: options.excludes)
    for path in collector.collect(paths).files {
      do {
        let result = try ModelFixer.fix(path, write: mode == .apply)
        switch mode {
        case .apply:
          Output.standardOutput(ModelFixer.report(result, path: path, applied: "fixed"))
        case .diff:
          Output.standardOutput(result.diff(path: path))
          Output.standardError(ModelFixer.report(result, path: path, applied: "fix"))
        }
      } catch {
        Output.standardError("error: \(error)\n")
      }
    }
  }
}
