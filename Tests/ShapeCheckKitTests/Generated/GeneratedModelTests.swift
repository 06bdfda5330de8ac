import Foundation
import ShapeCheckKit
import ShapeDiagnostics
import ShapeInference
import ShapeLayers
import ShapeSource
import Testing

/// The number of generated models per test: SHAPECHECK_GENERATED_CASES, or 1000.
private let caseCount = ProcessInfo.processInfo.environment["SHAPECHECK_GENERATED_CASES"].flatMap(Int.init) ?? 1000

/// The seed of the first case: SHAPECHECK_GENERATED_SEED, or 1, so that a longer run can
/// start where an earlier one ended.
private let firstSeed = ProcessInfo.processInfo.environment["SHAPECHECK_GENERATED_SEED"].flatMap(UInt64.init) ?? 1

private func seeds() -> Range<UInt64> {
  firstSeed..<(firstSeed + UInt64(caseCount))
}

private func analyze(_ text: String) -> ModelAnalysis {
  ModelCheck.analyze(SourceFile(path: "generated.nn", text: text))
}

/// Returns the values of every activation shape by activation name.
private func shapeValues(_ analysis: ModelAnalysis) -> [String: [Int?]] {
  var result: [String: [Int?]] = [:]
  for activation in analysis.activations {
    result[activation.name] = analysis.values(of: activation.shape)
  }
  return result
}

/// Applies the edits of a fix-it to `text`, last edit first so that offsets stay valid.
private func applying(_ fixIt: FixIt, to text: String) -> String {
  var bytes = Array(text.utf8)
  for edit in fixIt.edits.sorted(by: { $0.range.start > $1.range.start }) {
    bytes.replaceSubrange(edit.range.start..<edit.range.end, with: Array(edit.replacement.utf8))
  }
  return String(decoding: bytes, as: UTF8.self)
}

private func overlaps(_ range: SourceRange, _ site: Range<Int>) -> Bool {
  range.start < site.upperBound && site.lowerBound < max(range.end, range.start + 1)
}

/// Records a failure with the seed and the model text, so that the case can be rebuilt.
private func record(_ problem: String, seed: UInt64, text: String) {
  Issue.record("seed \(seed): \(problem)\n\(text)")
}

@Suite struct GeneratedModelTests {
  @Test func everyCatalogKindIsGeneratedOrSkipped() {
    for kind in LayerCatalog.standard.kinds {
      let covered = ModelGenerator.supportedKinds.contains(kind.name) || ModelGenerator.skippedKinds[kind.name] != nil
      #expect(covered, "layer kind '\(kind.name)' has no generator; add one to ModelGenerator or list it in skippedKinds with the reason")
    }
  }

  @Test func everySupportedKindIsGenerated() {
    var counts: [String: Int] = [:]
    for seed in UInt64(1)...1000 {
      var generator = ModelGenerator(seed: seed)
      for kind in generator.generate().kinds {
        counts[kind, default: 0] += 1
      }
    }
    for kind in ModelGenerator.supportedKinds.sorted() {
      let count = counts[kind, default: 0]
      #expect(count >= 10, "seeds 1 to 1000 build '\(kind)' only \(count) times")
    }
  }

  @Test func everySizeArgumentIsMutated() {
    var arguments: Set<String> = []
    for seed in UInt64(1)...1000 {
      var generator = ModelGenerator(seed: seed)
      for site in generator.generate().mutationSites {
        // `layer3.normalized_shape[1]` names the argument `normalized_shape`, and
        // `constant.hidden_2` a named constant.
        let argument = site.site.split(separator: ".").last.map { $0.prefix { $0 != "[" } } ?? ""
        arguments.insert(site.site.hasPrefix("constant.") ? "constant" : String(argument))
      }
    }
    let expected = [
      "constant", "embedding_dim", "in_channels", "in_features", "normalized_shape", "num_channels",
      "num_features", "out_channels", "out_features",
    ]
    for argument in expected {
      #expect(arguments.contains(argument), "no model of seeds 1 to 1000 mutates '\(argument)'")
    }
  }

  @Test func generatedModelsCheckWithoutErrors() {
    var failures = 0
    for seed in seeds() where failures < 5 {
      var generator = ModelGenerator(seed: seed)
      let model = generator.generate()
      var renderer = ModelRenderer(style: .plain)
      let text = renderer.render(model)
      let analysis = analyze(text)
      if !analysis.diagnostics.isEmpty {
        record("diagnostics \(analysis.diagnostics.map(\.message))", seed: seed, text: text)
        failures += 1
        continue
      }
      let inferred = shapeValues(analysis)
      for (name, expected) in model.expectedShapes where inferred[name] != expected {
        record("'\(name)' is inferred as \(String(describing: inferred[name])), expected \(expected)", seed: seed, text: text)
        failures += 1
      }
    }
  }

  @Test func mutatedSizeIsReportedAndFixed() {
    var failures = 0
    var mutated = 0
    var withoutFixIt = 0
    for seed in seeds() where failures < 5 {
      var generator = ModelGenerator(seed: seed)
      let model = generator.generate()
      var random = SplitMix64(seed: seed ^ 0x5EED)
      guard let site = model.mutationSites.randomElement(using: &random) else { continue }
      let newValue = site.value + site.step * Int.random(in: 1...5, using: &random)
      var renderer = ModelRenderer(style: .plain, overrides: [site.site: newValue])
      let text = renderer.render(model)
      let analysis = analyze(text)
      let reportRanges = site.reportSites.compactMap { renderer.siteRanges[$0] }
      let error = analysis.diagnostics.first { diagnostic in
        diagnostic.severity == .error && reportRanges.contains { overlaps(diagnostic.range, $0) }
      }
      guard let error else {
        record("changing \(site.site) to \(newValue) gave no error at \(site.reportSites): \(analysis.diagnostics.map(\.message))", seed: seed, text: text)
        failures += 1
        continue
      }
      guard let fixIt = error.fixIts.first else {
        // Some specific diagnostics, such as an input that was probably never flattened,
        // name the cause without offering one edit; they are counted, not failed.
        withoutFixIt += 1
        mutated += 1
        continue
      }
      let fixed = applying(fixIt, to: text)
      let remaining = analyze(fixed).diagnostics.filter { $0.severity == .error }
      if !remaining.isEmpty {
        record("after '\(fixIt.message)': \(remaining.map(\.message))", seed: seed, text: fixed)
        failures += 1
      }
      mutated += 1
    }
    #expect(mutated > caseCount / 2, "only \(mutated) of \(caseCount) models had a size to mutate")
    #expect(withoutFixIt * 20 < mutated, "\(withoutFixIt) of \(mutated) mutation errors had no fix-it")
  }

  @Test func reformattingChangesNoResult() {
    var failures = 0
    for seed in seeds() where failures < 5 {
      var generator = ModelGenerator(seed: seed)
      let model = generator.generate()
      var random = SplitMix64(seed: seed ^ 0xF0F0)
      var overrides: [String: Int] = [:]
      if Bool.random(using: &random), let site = model.mutationSites.randomElement(using: &random) {
        overrides[site.site] = site.value + site.step
      }
      var plainRenderer = ModelRenderer(style: .plain, overrides: overrides)
      let plain = analyze(plainRenderer.render(model))
      var styledRenderer = ModelRenderer(style: .random(using: &random), overrides: overrides)
      let styledText = styledRenderer.render(model)
      let styled = analyze(styledText)
      if styled.diagnostics.map(\.code) != plain.diagnostics.map(\.code) {
        record("codes \(styled.diagnostics.map(\.code)) differ from \(plain.diagnostics.map(\.code))", seed: seed, text: styledText)
        failures += 1
      } else if shapeValues(styled) != shapeValues(plain) {
        record("activation shapes differ from the plain layout", seed: seed, text: styledText)
        failures += 1
      }
    }
  }

  @Test func runConfirmsGeneratedShapes() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("shapecheck-generated-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    // NOTE: no sample starts with an Embedding, because `run` feeds pixels / 255, which are
    // not the whole-number indices that an Embedding reads.
    let image = GeneratedInput.image(channels: 1, height: 28, width: 28)
    let features = seeds().prefix(16).map { ($0, GeneratedInput.features(784)) }
    let images = seeds().prefix(32).map { ($0, image) }
    for (index, (seed, input)) in (features + images).enumerated() {
      var generator = ModelGenerator(seed: seed, input: input)
      var renderer = ModelRenderer(style: .plain)
      let text = renderer.render(generator.generate())
      let path = folder.appendingPathComponent("model\(index).nn")
      try text.write(to: path, atomically: true, encoding: .utf8)
      var options = RunOptions(modelPath: path.path, inputPath: Repository.path("fixtures/digits/valid"))
      options.limit = 4
      do {
        let result = try ModelRun.run(options)
        #expect(result.allConfirmed, "seed \(seed): run disagrees with the inferred shapes\n\(text)")
        #expect(!result.comparisons.isEmpty, "seed \(seed): run compared no tensor")
      } catch {
        record("run failed: \(error)", seed: seed, text: text)
      }
    }
  }
}
