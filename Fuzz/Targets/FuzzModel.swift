import ShapeCheckKit
import ShapeDiagnostics
import ShapeSource

/// libFuzzer entry: parses and checks the bytes as a model file, then renders the
/// diagnostics and the shapes table as `check` and `shapes` do.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModel(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let analysis = ModelCheck.analyze(SourceFile(path: "fuzz.nn", bytes: bytes))
  _ = DiagnosticRenderer().render(analysis.diagnostics, in: analysis.source)
  _ = ShapesReport.render(analysis)
  return 0
}
