import Foundation
import PackagePlugin

/// Checks the `.nn` model files of a target with `shapecheck check` as part of the build.
///
/// The plugin adds one build command per target. Its inputs are the target's `.nn` files and
/// its output is a generated Swift file that `shapecheck check --stamp` writes only when the
/// models have no errors. Because the output is a Swift source of the target, SwiftPM runs the
/// command before compiling the target, reruns it only when a model changes, and fails the
/// build when the check fails. SwiftPM passes the plugin only the target's own files, so the
/// model files must belong to the target, for example as resources.
@main
struct ShapeCheckPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
    guard let sourceTarget = target as? any SourceModuleTarget else { return [] }
    let models = sourceTarget.sourceFiles(withSuffix: "nn").map(\.url)
      .sorted { $0.path < $1.path }
    guard !models.isEmpty else { return [] }

    let tool = try context.tool(named: "shapecheck")
    let stamp = context.pluginWorkDirectoryURL
      .appendingPathComponent("ShapeCheckStamp_\(sourceTarget.moduleName).swift")
    let arguments = ["check", "--color", "never", "--stamp", stamp.path] + models.map(\.path)
    return [
      .buildCommand(
        displayName: "Checking tensor shapes of \(models.count) model file(s) in \(target.name)",
        executable: tool.url,
        arguments: arguments,
        inputFiles: models,
        outputFiles: [stamp])
    ]
  }
}
