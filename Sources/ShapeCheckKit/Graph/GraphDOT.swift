/// Renders a `ModelGraph` in Graphviz's DOT language: nodes in data-flow order, a cluster per
/// Sequential frame, and mismatched edges in red with the diagnostic as their tooltip.
public struct GraphDOT: Sendable {
  /// Whether edge labels add each shape's formula.
  public var showsFormulas: Bool

  public init(showsFormulas: Bool = false) {
    self.showsFormulas = showsFormulas
  }

  /// Renders the DOT document.
  public func render(_ graph: ModelGraph) -> String {
    let labels = GraphLabels(graph: graph, showsFormulas: showsFormulas)
    var dot = "digraph \"\(dotEscaped(graph.title))\" {\n"
    dot += "  graph [rankdir=TB, fontname=\"DejaVu Sans Mono\", fontsize=11, "
    dot += "label=\"\(dotEscaped(graph.title))\", labelloc=t];\n"
    dot += "  node [shape=box, fontname=\"DejaVu Sans Mono\", fontsize=12];\n"
    dot += "  edge [fontname=\"DejaVu Sans Mono\", fontsize=11, color=\"#555555\"];\n"
    dot += frameClusters(graph)
    for (index, node) in graph.nodes.enumerated() where !isInCluster(node, graph: graph) {
      dot += "  " + nodeStatement(node, index: index) + "\n"
    }
    for edge in graph.edges {
      dot += "  " + edgeStatement(edge, graph: graph, labels: labels) + "\n"
    }
    for entry in labels.problemEntries() {
      dot += "  // problem \(dotEscaped(entry))\n"
    }
    return dot + "}\n"
  }

  /// Writes a cluster per frame, nested as the frames are, each with its own nodes. The
  /// nesting is walked with an explicit stack, so a deep nesting cannot exhaust the call stack,
  /// and a frame whose parent chain loops is left out with its nodes.
  private func frameClusters(_ graph: ModelGraph) -> String {
    var children: [Int: [Int]] = [:]
    for (index, frame) in graph.frames.enumerated() where !isInCycle(index, graph: graph) {
      let parent = frame.parent.flatMap { graph.frames.indices.contains($0) ? $0 : nil }
      children[parent ?? -1, default: []].append(index)
    }
    var nodesByFrame: [Int: [Int]] = [:]
    for (index, node) in graph.nodes.enumerated() {
      if let frame = node.frame { nodesByFrame[frame, default: []].append(index) }
    }
    enum Event { case open(Int, depth: Int), close(depth: Int) }
    var stack: [Event] = (children[-1] ?? []).reversed().map { .open($0, depth: 1) }
    var text = ""
    while let event = stack.popLast() {
      switch event {
      case .close(let depth):
        text += String(repeating: "  ", count: depth) + "}\n"
      case .open(let frame, let depth):
        let indent = String(repeating: "  ", count: depth)
        text += "\(indent)subgraph cluster_\(frame) {\n"
        text += "\(indent)  label=\"\(dotEscaped(graph.frames[frame].label))\"; style=dashed; "
        text += "color=\"#8a8a8a\";\n"
        for index in nodesByFrame[frame] ?? [] {
          text += "\(indent)  " + nodeStatement(graph.nodes[index], index: index) + "\n"
        }
        stack.append(.close(depth: depth))
        stack += (children[frame] ?? []).reversed().map { .open($0, depth: depth + 1) }
      }
    }
    return text
  }

  private func isInCluster(_ node: ModelGraph.Node, graph: ModelGraph) -> Bool {
    guard let frame = node.frame, graph.frames.indices.contains(frame) else { return false }
    return !isInCycle(frame, graph: graph)
  }

  private func isInCycle(_ frame: Int, graph: ModelGraph) -> Bool {
    var seen: Set<Int> = []
    var current: Int? = frame
    while let index = current, graph.frames.indices.contains(index) {
      if !seen.insert(index).inserted { return true }
      current = graph.frames[index].parent
    }
    return false
  }

  private func nodeStatement(_ node: ModelGraph.Node, index: Int) -> String {
    let label = "\(dotEscaped(node.title))\\n\(dotEscaped(node.subtitle))"
    let style =
      switch node.kind {
      case .input: "style=\"rounded,filled\", fillcolor=\"#e3ecfa\", color=\"#3d6aa8\""
      case .layer: "style=solid"
      case .output: "shape=ellipse, style=filled, fillcolor=\"#e6f4e6\", color=\"#3f7f3f\""
      }
    return "n\(index) [label=\"\(label)\", \(style)];"
  }

  private func edgeStatement(
    _ edge: ModelGraph.Edge, graph: ModelGraph, labels: GraphLabels
  ) -> String {
    let label = labels.lines(edge).map(dotEscaped).joined(separator: "\\n")
    var attributes = "label=\"\(label)\", tooltip=\"\(dotEscaped(labels.tooltip(edge)))\""
    if let problem = edge.problem, graph.problems.indices.contains(problem) {
      let color = graph.problems[problem].severity == "error" ? "#c62828" : "#b26a00"
      attributes += ", color=\"\(color)\", fontcolor=\"\(color)\", penwidth=2"
    }
    return "n\(edge.from) -> n\(edge.to) [\(attributes)];"
  }
}
