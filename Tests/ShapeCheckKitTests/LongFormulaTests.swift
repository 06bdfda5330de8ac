import ShapeCheckKit
import ShapeDiagnostics
import ShapeSource
import Testing

/// Notes that show the shape a layer receives stay readable after long chains of windows,
/// whose formulas name every kernel, stride, padding and dilation on the way.
@Suite struct LongFormulaTests {
  /// Writes a chain of `blocks` blocks, each two dilated convolutions and a pool, then a
  /// Flatten and a Linear whose 7 input features never match.
  static func windowChain(input: String, blocks: Int) -> String {
    var layers: [String] = []
    var channels = 1
    for _ in 0..<blocks {
      layers.append("nn.Conv2d(\(channels), \(channels + 1), 3, padding=1, dilation=1)")
      layers.append("nn.Conv2d(\(channels + 1), \(channels + 2), 3, padding=2, dilation=2)")
      layers.append("nn.MaxPool2d(2, ceil_mode=True)")
      channels += 2
    }
    layers += ["nn.Flatten()", "nn.Linear(7, 10)"]
    return "x: Tensor[\(input)]\nnet = nn.Sequential(\n    " + layers.joined(separator: ",\n    ") + "\n)\ny = net(x)\n"
  }

  @Test(arguments: [("2, 1, 512, 512", 3), ("N, 1, H, W", 3), ("N, 1, H, W", 6)])
  func notesStayShort(input: String, blocks: Int) {
    let source = SourceFile(path: "chain.nn", text: Self.windowChain(input: input, blocks: blocks))
    let analysis = ModelCheck.analyze(source)
    let rendered = DiagnosticRenderer().render(analysis.diagnostics, in: source)
    let applied = rendered.split(separator: "\n").filter { $0.contains("is applied here") }
    #expect(!applied.isEmpty)
    for line in applied {
      #expect(line.count <= 200, "\(line)")
      #expect(!line.contains("kernel_size"), "\(line)")
    }
  }
}
