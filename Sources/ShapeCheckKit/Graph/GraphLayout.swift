/// Positions of a `ModelGraph`'s nodes, frames and edges for a top-to-bottom drawing.
///
/// Each node gets a rank (its distance from an input) and a lane (a column). A layer node
/// continues its input's lane unless another node already continued it, so a chain of layers
/// stays in one column and the steps of a Sequential form one segment of a lane, which its
/// frame surrounds. Text widths are estimates from a fixed advance per character, which fits
/// monospace fonts.
/// NOTE: a character that a font draws twice as wide, such as a CJK ideograph, counts as one.
struct GraphLayout {
  /// A rectangle in SVG user units, with the origin at the top left.
  struct Box {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var centerX: Double { x + width / 2 }
    var bottom: Double { y + height }
  }

  /// The path of an edge and where its label starts.
  struct Route {
    var points: [(x: Double, y: Double)]
    /// The baseline start of the label's first line.
    var labelX: Double
    var labelY: Double
  }

  static let margin = 20.0
  static let titleHeight = 28.0
  static let nodeHeight = 40.0
  static let titleFontSize = 12.0
  static let labelFontSize = 11.0
  static let lineHeight = 14.0
  static let frameLabelHeight = 20.0
  static let framePadding = 10.0
  static let laneGap = 40.0

  /// Estimates the width of `text` at `fontSize` for a monospace font: 0.6 em per character,
  /// rounded up to 0.62 for fonts that run slightly wider.
  static func textWidth(_ text: String, fontSize: Double) -> Double {
    Double(text.count) * fontSize * 0.62
  }

  var nodeBoxes: [Box] = []
  var frameBoxes: [Int: Box] = [:]
  /// The route of each edge, in the order of `ModelGraph.edges`.
  var routes: [Route] = []
  /// The bottom of the drawing, where the problem list starts.
  var contentBottom = 0.0
  var contentWidth = 0.0

  /// Lays out `graph`, with `labelLines` returning the label lines of each edge.
  init(_ graph: ModelGraph, labelLines: (ModelGraph.Edge) -> [String]) {
    let placement = GraphPlacement(graph)
    let frames = FrameSpans(graph, placement: placement)
    let laneWidths = Self.laneWidths(graph, placement: placement, labelLines: labelLines)
    let laneX = Self.laneOrigins(laneWidths, frameNesting: frames.maxNesting)
    let rankTop = Self.rankTops(graph, placement: placement, frames: frames, labelLines: labelLines)

    for (index, node) in graph.nodes.enumerated() {
      let lane = placement.lanes[index]
      let width = Self.nodeWidth(node)
      let x = laneX[lane] + (laneWidths[lane] - width) / 2
      let y = rankTop[placement.ranks[index]]
      nodeBoxes.append(Box(x: x, y: y, width: width, height: Self.nodeHeight))
    }
    for (frame, span) in frames.spans {
      let pad = Self.framePadding * Double(span.padding)
      let top = rankTop[span.firstRank] - Self.frameLabelHeight * Double(span.openingDepth) - 4
      let closing = Self.framePadding * Double(span.closingDepth)
      let bottom = rankTop[span.lastRank] + Self.nodeHeight + closing
      frameBoxes[frame] = Box(
        x: laneX[span.lane] - pad, y: top, width: laneWidths[span.lane] + 2 * pad,
        height: bottom - top)
    }
    for edge in graph.edges {
      routes.append(route(edge, rankTop: rankTop, frames: frames, placement: placement))
    }
    let lastLane = laneWidths.indices.last
    contentWidth = lastLane.map { laneX[$0] + laneWidths[$0] } ?? 0
    contentWidth += Self.margin + Self.framePadding * Double(frames.maxNesting)
    let lastTop = rankTop.last ?? Self.margin
    let closing = frames.closingCount(atRank: rankTop.count - 1)
    contentBottom = lastTop + Self.nodeHeight + Self.framePadding * Double(closing) + Self.margin
  }

  static func nodeWidth(_ node: ModelGraph.Node) -> Double {
    let title = textWidth(node.title, fontSize: titleFontSize)
    let subtitle = textWidth(node.subtitle, fontSize: labelFontSize)
    return max(90, max(title, subtitle) + 24)
  }

  /// Routes an edge down from the source, across at the top of the gap, and down into the
  /// target, so the label can sit beside the last segment.
  private func route(
    _ edge: ModelGraph.Edge, rankTop: [Double], frames: FrameSpans, placement: GraphPlacement
  ) -> Route {
    guard nodeBoxes.indices.contains(edge.from), nodeBoxes.indices.contains(edge.to) else {
      return Route(points: [], labelX: 0, labelY: 0)
    }
    let source = nodeBoxes[edge.from]
    let target = nodeBoxes[edge.to]
    let sourceRank = placement.ranks[edge.from]
    let closing = Self.framePadding * Double(frames.closingCount(atRank: sourceRank))
    let jogY = source.bottom + closing + 6
    var points = [(x: source.centerX, y: source.bottom), (x: source.centerX, y: jogY)]
    if source.centerX != target.centerX {
      points.append((x: target.centerX, y: jogY))
    }
    points.append((x: target.centerX, y: target.y))
    return Route(points: points, labelX: target.centerX + 6, labelY: jogY + Self.lineHeight)
  }

  private static func laneWidths(
    _ graph: ModelGraph, placement: GraphPlacement, labelLines: (ModelGraph.Edge) -> [String]
  ) -> [Double] {
    var widths = [Double](repeating: 0, count: placement.laneCount)
    let frameLabelWidths = graph.frames.map { textWidth($0.label, fontSize: labelFontSize) }
    for (index, node) in graph.nodes.enumerated() {
      let lane = placement.lanes[index]
      widths[lane] = max(widths[lane], nodeWidth(node))
      for frame in graph.frameChain(ofNode: index) {
        widths[lane] = max(widths[lane], 2 * (frameLabelWidths[frame] + 16))
      }
    }
    for edge in graph.edges where placement.lanes.indices.contains(edge.to) {
      let lane = placement.lanes[edge.to]
      for line in labelLines(edge) {
        widths[lane] = max(widths[lane], 2 * (textWidth(line, fontSize: labelFontSize) + 10))
      }
    }
    return widths
  }

  private static func laneOrigins(_ widths: [Double], frameNesting: Int) -> [Double] {
    let gap = laneGap + 2 * framePadding * Double(frameNesting)
    var x = margin + framePadding * Double(frameNesting)
    var origins: [Double] = []
    for width in widths {
      origins.append(x)
      x += width + gap
    }
    return origins
  }

  /// Computes the top of the nodes of each rank, leaving room above each rank for the closing
  /// frames of the rank before, the edge labels and the labels of frames that start at the rank.
  private static func rankTops(
    _ graph: ModelGraph, placement: GraphPlacement, frames: FrameSpans,
    labelLines: (ModelGraph.Edge) -> [String]
  ) -> [Double] {
    var labelLineCount = [Int](repeating: 1, count: placement.rankCount)
    for edge in graph.edges where placement.ranks.indices.contains(edge.to) {
      let rank = placement.ranks[edge.to]
      labelLineCount[rank] = max(labelLineCount[rank], labelLines(edge).count)
    }
    var tops: [Double] = []
    var y = margin + titleHeight + frameLabelHeight * Double(frames.openingCount(atRank: 0))
    for rank in 0..<placement.rankCount {
      if rank > 0 {
        y += nodeHeight + framePadding * Double(frames.closingCount(atRank: rank - 1))
        y += 6 + lineHeight * Double(labelLineCount[rank]) + 10
        y += frameLabelHeight * Double(frames.openingCount(atRank: rank))
      }
      tops.append(y)
    }
    return tops
  }
}
