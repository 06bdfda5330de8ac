import ShapeDiagnostics
import ShapeInference
import ShapeLayers
import ShapeSource
import ShapeSyntax

/// The pipeline behind `check` and `shapes`: read a model file, parse it and infer its shapes.
public enum ModelCheck {
  /// The largest model file accepted, in bytes.
  public static let maxSourceBytes = 8 << 20

  /// Reads and analyzes the model file at `path`.
  public static func analyzeFile(_ path: String, catalog: LayerCatalog = .standard) throws(InputError)
    -> ModelAnalysis
  {
    let bytes = try FileReader.read(path, limit: maxSourceBytes)
    return analyze(SourceFile(path: path, bytes: bytes), catalog: catalog)
  }

  /// Parses and analyzes a model that is already in memory, then applies its
  /// `# shapecheck: ignore[code]` comments to the diagnostics.
  public static func analyze(_ source: SourceFile, catalog: LayerCatalog = .standard) -> ModelAnalysis {
    let tree = Parser.parse(source)
    var analysis = ModelChecker.analyze(tree, catalog: catalog)
    let suppressions = Suppressions(comments: tree.comments, source: source)
    analysis.diagnostics = suppressions.apply(to: analysis.diagnostics, in: source)
    return analysis
  }
}
