/// The rank (row) and lane (column) of every node of a `ModelGraph`.
struct GraphPlacement {
  var ranks: [Int] = []
  var lanes: [Int] = []
  var laneCount = 0
  var rankCount = 0

  /// Places the nodes in index order, which is data-flow order: a node is one rank below its
  /// input and continues its input's lane when no other node has continued it yet.
  init(_ graph: ModelGraph) {
    var incoming = [Int?](repeating: nil, count: graph.nodes.count)
    for edge in graph.edges
    where graph.nodes.indices.contains(edge.to) && edge.from >= 0 && edge.from < edge.to {
      incoming[edge.to] = edge.from
    }
    var laneTails: [Int] = []
    for index in graph.nodes.indices {
      guard let source = incoming[index] else {
        ranks.append(0)
        lanes.append(laneTails.count)
        laneTails.append(index)
        continue
      }
      ranks.append(ranks[source] + 1)
      let sourceLane = lanes[source]
      if laneTails[sourceLane] == source {
        lanes.append(sourceLane)
        laneTails[sourceLane] = index
      } else {
        lanes.append(laneTails.count)
        laneTails.append(index)
      }
    }
    laneCount = laneTails.count
    rankCount = (ranks.max() ?? -1) + 1
  }
}

/// The ranks and lane that each frame spans, and how frames stack where they start or end at
/// the same rank.
struct FrameSpans {
  struct Span {
    var lane: Int
    var firstRank: Int
    var lastRank: Int
    /// How many frames start at `firstRank` in this lane and are this frame or inside it.
    var openingDepth = 1
    /// How many frames end at `lastRank` in this lane and are this frame or inside it.
    var closingDepth = 1
    /// How many frames are nested in this one, plus 1, which sets its horizontal padding.
    var padding = 1
  }

  var spans: [Int: Span] = [:]
  /// The deepest nesting of frames.
  var maxNesting = 0
  private var openingCounts: [Int: Int] = [:]
  private var closingCounts: [Int: Int] = [:]

  /// Measures the frames in two passes over the nodes, each walking the node's frame chain.
  init(_ graph: ModelGraph, placement: GraphPlacement) {
    let chains = graph.nodes.indices.map { graph.frameChain(ofNode: $0) }
    for (index, chain) in chains.enumerated() {
      maxNesting = max(maxNesting, chain.count)
      let rank = placement.ranks[index]
      for (level, frame) in chain.enumerated() {
        var span =
          spans[frame] ?? Span(lane: placement.lanes[index], firstRank: rank, lastRank: rank)
        span.firstRank = min(span.firstRank, rank)
        span.lastRank = max(span.lastRank, rank)
        span.padding = max(span.padding, level + 1)
        spans[frame] = span
      }
    }
    // A parent frame starts no later and ends no earlier than its child, so the frames that
    // start (or end) at a node's rank are a prefix of its chain, innermost first. A frame's
    // position in that prefix is how many labels (or paddings) stack at its edge.
    for (index, chain) in chains.enumerated() {
      let rank = placement.ranks[index]
      for (level, frame) in chain.enumerated() {
        guard spans[frame]?.firstRank == rank else { break }
        spans[frame]?.openingDepth = level + 1
        openingCounts[rank] = max(openingCounts[rank] ?? 0, level + 1)
      }
      for (level, frame) in chain.enumerated() {
        guard spans[frame]?.lastRank == rank else { break }
        spans[frame]?.closingDepth = level + 1
        closingCounts[rank] = max(closingCounts[rank] ?? 0, level + 1)
      }
    }
  }

  /// Returns the largest number of frames that start at `rank` in any one lane.
  func openingCount(atRank rank: Int) -> Int {
    openingCounts[rank] ?? 0
  }

  /// Returns the largest number of frames that end at `rank` in any one lane.
  func closingCount(atRank rank: Int) -> Int {
    closingCounts[rank] ?? 0
  }
}
