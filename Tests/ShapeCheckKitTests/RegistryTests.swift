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
