import Foundation
import ShapeInference
import ShapeSource
import Testing

@testable import ShapeCheckKit

/// `shapecheck graph`: the graph built from an analysis, its layout, and the SVG and DOT text.
@Suite struct GraphTests {
  static func analyze(_ text: String, path: String = "model.nn") -> ModelAnalysis {
    ModelCheck.analyze(SourceFile(path: path, bytes: Array(text.utf8)))
  }

  static func analyzeFixture(_ path: String) throws -> ModelAnalysis {
    ModelCheck.analyze(SourceFile(path: path, bytes: try Repository.bytes(path)))
  }

  /// Writes a model of one Sequential with `count` layers, alternating Linear and ReLU.
  static func deepModel(layers count: Int) -> String {
    var text = "x: Tensor[N, 64]\nmodel = nn.Sequential(\n"
    for index in 0..<count {
      text += index % 2 == 0 ? "    nn.Linear(64, 64),\n" : "    nn.ReLU(),\n"
    }
    return text + ")\ny = model(x)\n"
  }

  @Test func simpleNetNodesAndEdges() throws {
    let graph = ModelGraph(try Self.analyzeFixture("fixtures/simple_net.nn"))
    let nodes = graph.nodes.map { "\($0.title)/\($0.subtitle)/\($0.frame.map(String.init) ?? "-")" }
    #expect(nodes == [
      "example_3_flat/input/-", "linear_1/Linear/-", "relu_layer/ReLU/-", "linear_2/Linear/-",
      "linear_1/Linear/0", "relu_layer/ReLU/0", "linear_2/Linear/0", "act3/output/-",
      "simple_net(example_3_flat)/output/-",
    ])
    let edges = graph.edges.map { "\($0.from)>\($0.to) \($0.tensorName ?? "-") \($0.shape)" }
    #expect(edges == [
      "0>1 - [784]", "1>2 act1 [30]", "2>3 act2 [30]", "0>4 - [784]", "4>5 - [30]", "5>6 - [30]",
      "3>7 - [1]", "6>8 - [1]",
    ])
    #expect(graph.frames.map(\.label) == ["simple_net (Sequential)"])
    #expect(graph.problems.isEmpty)
  }

  @Test func mismatchMarksEdgesIntoLayer() throws {
    let graph = ModelGraph(try Self.analyzeFixture("fixtures/broken/feature_mismatch.nn"))
    let marked = graph.edges.filter { $0.problem != nil }.map { graph.nodes[$0.to].title }
    #expect(marked == ["linear_2", "linear_2"])
    #expect(graph.problems.first?.code == "shape.feature-mismatch")
    #expect(graph.problems.first?.location == "fixtures/broken/feature_mismatch.nn:9:34")
  }

  @Test func unplacedProblemIsListed() {
    let analysis = Self.analyze("x: Tensor[3]\nflat = nn.Flatten(start_dim=1)\ny = flat(x)\n")
    let graph = ModelGraph(analysis)
    #expect(!graph.problems.isEmpty)
    let svg = GraphSVG().render(graph)
    #expect(svg.contains("(not on an edge)"), "\(svg)")
  }

  @Test func freeDimensionShowsByName() throws {
    let graph = ModelGraph(try Self.analyzeFixture("fixtures/valid/batched_mlp.nn"))
    #expect(graph.edges.first?.shape == "[N, 784]")
    #expect(graph.edges.first?.formula == "[N, pixels]")
  }

  @Test func hostileNamesAreEscaped() throws {
    let hostile = "a<&\">'\u{1}\u{FFFE}b"
    let graph = ModelGraph(
      title: hostile,
      nodes: [
        ModelGraph.Node(kind: .input, title: hostile, subtitle: "input"),
        ModelGraph.Node(kind: .layer, title: hostile, subtitle: hostile, frame: 0),
        ModelGraph.Node(kind: .output, title: hostile, subtitle: "output"),
      ],
      edges: [
        ModelGraph.Edge(
          from: 0, to: 1, tensorName: hostile, shape: "[1]", formula: hostile, problem: 0),
        ModelGraph.Edge(from: 1, to: 2, shape: "[1]", formula: "[1]"),
      ],
      frames: [ModelGraph.Frame(label: hostile)],
      problems: [
        ModelGraph.Problem(severity: "error", location: hostile, message: hostile, code: hostile)
      ])
    let svg = GraphSVG(showsFormulas: true).render(graph)
    #expect(try XMLCheck.problem(in: svg) == nil)
    #expect(svg.contains("a&lt;&amp;&quot;&gt;&apos;\u{FFFD}\u{FFFD}b"))
    #expect(!svg.contains("a<&"))

    let dot = GraphDOT(showsFormulas: true).render(graph)
    #expect(dot.contains("a<&\\\">'\u{FFFD}\u{FFFD}b"), "\(dot)")
    #expect(!dot.contains("a<&\">"))
  }

  @Test func simpleNetSVGMatchesGolden() throws {
    let graph = ModelGraph(try Self.analyzeFixture("fixtures/simple_net.nn"))
    let svg = GraphSVG().render(graph)
    #expect(try XMLCheck.problem(in: svg) == nil)
    let mismatch = goldenMismatch(svg, golden: "docs/images/simple_net.svg")
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }

  @Test func brokenSVGMatchesGolden() throws {
    let graph = ModelGraph(try Self.analyzeFixture("fixtures/broken/feature_mismatch.nn"))
    let svg = GraphSVG(showsFormulas: true).render(graph)
    #expect(try XMLCheck.problem(in: svg) == nil)
    #expect(svg.contains("stroke=\"#c62828\""))
    let mismatch = goldenMismatch(svg, golden: "docs/images/feature_mismatch.svg")
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }

  @Test func brokenDOTMatchesGolden() throws {
    let graph = ModelGraph(try Self.analyzeFixture("fixtures/broken/feature_mismatch.nn"))
    let dot = GraphDOT(showsFormulas: true).render(graph)
    let golden = "fixtures/broken/feature_mismatch.graph.dot.expected"
    let mismatch = goldenMismatch(dot, golden: golden)
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }

  @Test func fiftyLayerModelStaysLegible() throws {
    let analysis = Self.analyze(Self.deepModel(layers: 50))
    #expect(!analysis.hasErrors)
    let graph = ModelGraph(analysis)
    #expect(graph.nodes.count == 52)
    let svg = GraphSVG(showsFormulas: true).render(graph)
    #expect(try XMLCheck.problem(in: svg) == nil)

    let size = try #require(XMLCheck.viewBoxSize(svg))
    // One column: narrow enough to read without zooming out, and one rank per layer.
    #expect(size.width < 700, "\(size)")
    #expect(size.height > 50 * GraphLayout.nodeHeight, "\(size)")
    #expect(svg.contains("width=\"\(Int(size.width))\" height=\"\(Int(size.height))\""))
  }

  @Test(arguments: ["fixtures/simple_net.nn", "fixtures/valid/batched_mlp.nn", "deep"])
  func nodesAndFramesDoNotOverlap(_ model: String) throws {
    let analysis =
      model == "deep" ? Self.analyze(Self.deepModel(layers: 50)) : try Self.analyzeFixture(model)
    let graph = ModelGraph(analysis)
    let labels = GraphLabels(graph: graph, showsFormulas: true)
    let layout = GraphLayout(graph, labelLines: labels.lines)
    let boxes = layout.nodeBoxes
    for first in boxes.indices {
      for second in boxes.indices where second > first {
        #expect(!Self.overlaps(boxes[first], boxes[second]), "nodes \(first) and \(second)")
      }
    }
    for (index, node) in graph.nodes.enumerated() {
      guard let frame = node.frame, let box = layout.frameBoxes[frame] else { continue }
      #expect(Self.contains(box, boxes[index]), "node \(index) is outside frame \(frame)")
    }
  }

  @Test func nestedFramesNestInDOT() throws {
    let analysis = Self.analyze(
      """
      x: Tensor[N, 8]
      head = nn.Sequential(nn.ReLU(), nn.Linear(8, 2))
      model = nn.Sequential(nn.Linear(8, 8), head)
      y = model(x)
      """)
    let graph = ModelGraph(analysis)
    #expect(graph.frames.map(\.label) == ["model (Sequential)", "head (Sequential)"])
    #expect(graph.frames.map(\.parent) == [nil, 0])
    let dot = GraphDOT().render(graph)
    let inner = dot.range(of: "subgraph cluster_1")
    let outer = dot.range(of: "subgraph cluster_0")
    let innerStart = try #require(inner).lowerBound
    let outerStart = try #require(outer).lowerBound
    #expect(outerStart < innerStart)
  }

  @Test(arguments: [
    ("short text", 20, ["short text"]),
    ("one two three four", 10, ["one two", "three four"]),
    ("one two three", 12, ["one two", "three"]),
    ("abcdefghijklmnopqrstuvwxyz", 10, ["abcdefghij", "klmnopqrst", "uvwxyz"]),
    ("", 10, [""]),
  ])
  func wrappingSplitsAtSpaces(text: String, width: Int, expected: [String]) {
    #expect(wrapped(text, width: width) == expected)
  }

  static func overlaps(_ a: GraphLayout.Box, _ b: GraphLayout.Box) -> Bool {
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
  }

  static func contains(_ outer: GraphLayout.Box, _ inner: GraphLayout.Box) -> Bool {
    outer.x <= inner.x && outer.y <= inner.y && inner.x + inner.width <= outer.x + outer.width
      && inner.y + inner.height <= outer.y + outer.height
  }
}
