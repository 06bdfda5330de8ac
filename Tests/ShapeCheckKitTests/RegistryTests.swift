import Foundation
import ShapeCheckKit
import ShapeDiagnostics
import ShapeSource
import Testing

/// `DiagnosticCode.all` lists every code once, and docs/diagnostics.md documents each one.
@Suite struct RegistryTests {
  @Test func registryHasNoDuplicateIds() {
    let ids = DiagnosticCode.all.map(\.id)
    #expect(Set(ids).count == ids.count)
  }

  @Test func registryIsSorted() {
    let ids = DiagnosticCode.all.map(\.id)
    #expect(ids == ids.sorted())
  }

  @Test func everyFixtureCodeIsRegistered() throws {
    for model in Repository.models(in: "fixtures/broken") {
      let analysis = ModelCheck.analyze(SourceFile(path: model, bytes: try Repository.bytes(model)))
      for diagnostic in analysis.diagnostics {
        #expect(
          DiagnosticCode.registered(diagnostic.code.id) != nil, "\(diagnostic.code.id) in \(model)")
      }
    }
  }

  @Test func everyCodeHasDocumentation() throws {
    let text = String(decoding: try Repository.bytes("docs/diagnostics.md"), as: UTF8.self)
    let anchors = Set(
      text.split(separator: "\n").filter { $0.hasPrefix("## ") }.map {
        githubAnchor(String($0.dropFirst(3)))
      })
    for code in DiagnosticCode.all {
      #expect(anchors.contains(code.documentationAnchor), "no section for \(code.id)")
    }
  }

  @Test func everyDocumentedCodeIsRegistered() throws {
    let text = String(decoding: try Repository.bytes("docs/diagnostics.md"), as: UTF8.self)
    for heading in text.split(separator: "\n") where heading.hasPrefix("## ") {
      let id = String(heading.dropFirst(3))
      #expect(DiagnosticCode.registered(id) != nil, "stale section \(id)")
    }
  }

  /// Every section's example model, checked as `model.nn`, reports the message shown below it.
  /// Examples that start with a `#` comment describe the input instead of containing it.
  @Test func documentedMessagesMatchTool() throws {
    let text = String(decoding: try Repository.bytes("docs/diagnostics.md"), as: UTF8.self)
    var checked = 0
    for section in text.components(separatedBy: "\n## ").dropFirst() {
      let parts = section.components(separatedBy: "```")
      guard parts.count >= 4, parts[1].hasPrefix("python\n"), parts[3].hasPrefix("text\n") else {
        continue
      }
      let model = String(parts[1].dropFirst("python\n".count))
      if model.hasPrefix("#") { continue }
      let expected = parts[3].dropFirst("text\n".count).trimmingCharacters(in: .newlines)
      let analysis = ModelCheck.analyze(SourceFile(path: "model.nn", text: model))
      let rendered = DiagnosticRenderer().render(analysis.diagnostics, in: analysis.source)
      let headers = rendered.split(separator: "\n").map(String.init)
      #expect(headers.contains(expected), "\(section.prefix { $0 != "\n" }): \(headers)")
      checked += 1
    }
    #expect(checked >= 50)
  }

  @Test func anchorDropsDots() {
    #expect(DiagnosticCode.featureMismatch.documentationAnchor == "shapefeature-mismatch")
  }

  /// The anchor GitHub generates for a heading: lowercase, spaces to `-`, and punctuation
  /// other than `-` and `_` dropped.
  private func githubAnchor(_ heading: String) -> String {
    String(
      heading.lowercased().compactMap { character -> Character? in
        if character == " " { return "-" }
        return character.isLetter || character.isNumber || character == "-" || character == "_"
          ? character : nil
      })
  }
}
