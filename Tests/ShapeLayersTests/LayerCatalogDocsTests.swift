import Foundation
import ShapeLayers
import Testing

/// docs/layers.md documents every kind of the standard catalog.
@Suite struct LayerCatalogDocsTests {
  static let document = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("docs/layers.md")

  /// Collects the kind names in the document's second-level headings, such as `## Conv1d, Conv2d`.
  private static func documentedNames() throws -> Set<String> {
    let text = try String(contentsOf: document, encoding: .utf8)
    var names: Set<String> = []
    for line in text.split(separator: "\n") where line.hasPrefix("## ") {
      for name in line.dropFirst(3).split(separator: ",") {
        names.insert(name.trimmingCharacters(in: .whitespaces))
      }
    }
    return names
  }

  @Test func everyKindHasASection() throws {
    let documented = try Self.documentedNames()
    let missing = LayerCatalog.standard.names.filter { !documented.contains($0) }
    #expect(missing.isEmpty, "docs/layers.md has no section for \(missing)")
  }

  @Test func everySectionNamesAKindOrATopic() throws {
    let topics: Set = ["How formulas name constants", "The sliding-window rule"]
    let kinds = Set(LayerCatalog.standard.names)
    let unknown = try Self.documentedNames().filter { !kinds.contains($0) && !topics.contains($0) }
    #expect(unknown.isEmpty, "docs/layers.md has sections for unknown kinds \(unknown)")
  }
}
