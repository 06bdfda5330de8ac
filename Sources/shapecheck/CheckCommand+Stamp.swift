import Foundation
import ShapeCheckKit

extension CheckCommand {
  static let stampOption = OptionSpec(
    name: "--stamp", valueName: "<path>",
    help:
      "Write a stamp file (a Swift comment) at <path> when the check succeeds, for build tools.")

  /// Writes the stamp file that marks a passed check for a build system, or removes a stale
  /// one when the check failed, and returns the final status.
  ///
  /// The stamp is a Swift source file containing only a comment, so that the SwiftPM plugin can
  /// declare it as a generated source: SwiftPM runs a plugin's build command only when a
  /// target consumes one of its outputs.
  static func updateStamp(_ path: String?, status: ExitStatus) -> ExitStatus {
    guard let path else { return status }
    guard status == .success else {
      try? FileManager.default.removeItem(atPath: path)
      return status
    }
    do {
      try OutputFileWriter.write("// shapecheck check found no errors in the models.\n", to: path)
      return .success
    } catch {
      Output.standardError("error: \(error)\n")
      return .internal
    }
  }
}
