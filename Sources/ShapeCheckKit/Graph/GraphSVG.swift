/// Renders a `ModelGraph` as a standalone SVG document, laid out by `GraphLayout`, with no
/// external renderer. Mismatched edges are red, with the diagnostic as their tooltip and
/// listed by number under the diagram.
public struct GraphSVG: Sendable {
  /// Whether edge labels add each shape's formula.
  public var showsFormulas: Bool

  static let fontFamily = "DejaVu Sans Mono, Menlo, Consolas, monospace"
  static let errorColor = "#c62828"
  static let warningColor = "#b26a00"
  static let edgeColor = "#555555"

  public init(showsFormulas: Bool = false) {
    self.showsFormulas = showsFormulas
  }

  /// Renders the SVG document.
  public func render(_ graph: ModelGraph) -> String {
    let labels = GraphLabels(graph: graph, showsFormulas: showsFormulas)
    let layout = GraphLayout(graph, labelLines: labels.lines)
    let legend = problemLines(labels, width: layout.contentWidth)
    let legendTextWidth = legend.map {
      GraphLayout.textWidth($0.text, fontSize: GraphLayout.labelFontSize)
    }.max()
    let legendWidth = legendTextWidth.map { $0 + 2 * GraphLayout.margin + 24 } ?? 0
    let titleWidth = GraphLayout.textWidth(graph.title, fontSize: 13) + 2 * GraphLayout.margin
    let width = Int(max(layout.contentWidth, legendWidth, titleWidth, 200).rounded(.up))
    let legendTop = layout.contentBottom
    let height = Int((legendTop + Double(legend.count) * GraphLayout.lineHeight
      + (legend.isEmpty ? 0 : GraphLayout.margin)).rounded(.up))

    var svg = """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" \
      viewBox="0 0 \(width) \(height)" font-family="\(Self.fontFamily)">
      <title>\(xmlEscaped("shapecheck graph of " + graph.title))</title>
      \(Self.definitions)
      <rect width="\(width)" height="\(height)" fill="#ffffff"/>
      <text x="\(format(GraphLayout.margin))" y="\(format(GraphLayout.margin + 8))" font-size="13" \
      font-weight="bold" fill="#222222">\(xmlEscaped(graph.title))</text>

      """
    for (index, frame) in graph.frames.enumerated() {
      guard let box = layout.frameBoxes[index] else { continue }
      svg += frameElement(frame, box: box)
    }
    for (index, edge) in graph.edges.enumerated() where layout.routes.indices.contains(index) {
      svg += edgeElement(edge, route: layout.routes[index], graph: graph, labels: labels)
    }
    for (index, node) in graph.nodes.enumerated() where layout.nodeBoxes.indices.contains(index) {
      svg += nodeElement(node, box: layout.nodeBoxes[index])
    }
    for (index, line) in legend.enumerated() {
      let y = legendTop + Double(index) * GraphLayout.lineHeight
      let x = GraphLayout.margin + (line.isContinuation ? 24 : 0)
      svg += "<text x=\"\(format(x))\" y=\"\(format(y))\" font-size=\"11\" "
      svg += "fill=\"\(line.color)\">\(xmlEscaped(line.text))</text>\n"
    }
    svg += "</svg>\n"
    return svg
  }

  private static let definitions = """
    <defs>
    <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" \
    markerUnits="userSpaceOnUse" orient="auto">\
    <path d="M0,0 L10,5 L0,10 z" fill="\(edgeColor)"/></marker>
    <marker id="arrow-error" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" \
    markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">\
    <path d="M0,0 L10,5 L0,10 z" fill="\(errorColor)"/></marker>
    </defs>
    """

  private func frameElement(_ frame: ModelGraph.Frame, box: GraphLayout.Box) -> String {
    var text = "<g class=\"frame\"><rect x=\"\(format(box.x))\" y=\"\(format(box.y))\" "
    text += "width=\"\(format(box.width))\" height=\"\(format(box.height))\" rx=\"8\" "
    text += "fill=\"#7a7a7a\" fill-opacity=\"0.06\" stroke=\"#8a8a8a\" stroke-dasharray=\"5 3\"/>"
    text += "<text x=\"\(format(box.x + 8))\" y=\"\(format(box.y + 14))\" font-size=\"11\" "
    text += "font-weight=\"bold\" fill=\"#444444\">\(xmlEscaped(frame.label))</text></g>\n"
    return text
  }

  private func edgeElement(
    _ edge: ModelGraph.Edge, route: GraphLayout.Route, graph: ModelGraph, labels: GraphLabels
  ) -> String {
    guard let first = route.points.first else { return "" }
    let color = edgeColor(edge, graph: graph)
    let marker = color == Self.edgeColor ? "arrow" : "arrow-error"
    var path = "M\(format(first.x)),\(format(first.y))"
    for point in route.points.dropFirst() {
      path += " L\(format(point.x)),\(format(point.y))"
    }
    let strokeWidth = edge.problem == nil ? "1.4" : "2.2"
    var text = "<g class=\"edge\"><title>\(xmlEscaped(labels.tooltip(edge)))</title>"
    text += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"\(strokeWidth)\" "
    text += "marker-end=\"url(#\(marker))\"/>"
    for (index, line) in labels.lines(edge).enumerated() {
      let y = route.labelY + Double(index) * GraphLayout.lineHeight
      var fill = color
      if edge.problem == nil {
        fill = index == 0 ? "#222222" : "#666666"
      }
      text += "<text x=\"\(format(route.labelX))\" y=\"\(format(y))\" font-size=\"11\" "
      text += "fill=\"\(fill)\">\(xmlEscaped(line))</text>"
    }
    return text + "</g>\n"
  }

  private func edgeColor(_ edge: ModelGraph.Edge, graph: ModelGraph) -> String {
    guard let problem = edge.problem, graph.problems.indices.contains(problem) else {
      return Self.edgeColor
    }
    return graph.problems[problem].severity == "error" ? Self.errorColor : Self.warningColor
  }

  private func nodeElement(_ node: ModelGraph.Node, box: GraphLayout.Box) -> String {
    let (fill, stroke, radius) =
      switch node.kind {
      case .input: ("#e3ecfa", "#3d6aa8", 6.0)
      case .layer: ("#ffffff", "#444444", 3.0)
      case .output: ("#e6f4e6", "#3f7f3f", box.height / 2)
      }
    var text = "<g class=\"node\"><rect x=\"\(format(box.x))\" y=\"\(format(box.y))\" "
    text += "width=\"\(format(box.width))\" height=\"\(format(box.height))\" "
    text += "rx=\"\(format(radius))\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"1.2\"/>"
    text += "<text x=\"\(format(box.centerX))\" y=\"\(format(box.y + 17))\" font-size=\"12\" "
    text += "font-weight=\"bold\" text-anchor=\"middle\" fill=\"#111111\">"
    text += "\(xmlEscaped(node.title))</text>"
    text += "<text x=\"\(format(box.centerX))\" y=\"\(format(box.y + 32))\" font-size=\"11\" "
    text += "text-anchor=\"middle\" fill=\"#555555\">\(xmlEscaped(node.subtitle))</text></g>\n"
    return text
  }

  /// Wraps the problem list into colored lines under a heading.
  private func problemLines(_ labels: GraphLabels, width: Double) -> [LegendLine] {
    let entries = labels.problemEntries()
    guard !entries.isEmpty else { return [] }
    let characters = max(72, Int(width / (GraphLayout.labelFontSize * 0.62)) - 8)
    var lines = [LegendLine(text: "problems", color: "#222222", isContinuation: false)]
    for (index, entry) in entries.enumerated() {
      let isError = labels.graph.problems[index].severity == "error"
      let color = isError ? Self.errorColor : Self.warningColor
      for (part, line) in wrapped(entry, width: characters).enumerated() {
        lines.append(LegendLine(text: line, color: color, isContinuation: part > 0))
      }
    }
    return lines
  }

  /// One line of the problem list; a continuation line of a wrapped entry is indented.
  private struct LegendLine {
    var text: String
    var color: String
    var isContinuation: Bool
  }

  /// Formats a coordinate with at most one decimal, without locale-dependent formatting.
  private func format(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let tenths = Int((value * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    let magnitude = tenths.magnitude
    let whole = "\(sign)\(magnitude / 10)"
    return magnitude % 10 == 0 ? whole : "\(whole).\(magnitude % 10)"
  }
}
