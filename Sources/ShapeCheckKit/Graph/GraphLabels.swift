/// The text of edge labels, tooltips and the problem list, shared by the SVG and DOT output.
struct GraphLabels {
  let graph: ModelGraph
  /// Whether edge labels add the shape's formula when it differs from the values.
  let showsFormulas: Bool

  /// Returns the label lines of an edge: the tensor name with the shape's values and the problem
  /// number, then the formula when requested.
  func lines(_ edge: ModelGraph.Edge) -> [String] {
    var first = edge.tensorName.map { "\($0): \(edge.shape)" } ?? edge.shape
    if let problem = edge.problem, graph.problems.indices.contains(problem) {
      first += "  (\(graph.problems[problem].severity) \(problem + 1))"
    }
    var lines = [first]
    if showsFormulas, edge.formula != edge.shape {
      lines.append(edge.formula)
    }
    return lines
  }

  /// Returns the tooltip of an edge: the diagnostic it shows, or the shape with its formula.
  func tooltip(_ edge: ModelGraph.Edge) -> String {
    if let problem = edge.problem, graph.problems.indices.contains(problem) {
      return graph.problems[problem].text
    }
    let shape = edge.formula == edge.shape ? edge.shape : "\(edge.shape) = \(edge.formula)"
    return edge.tensorName.map { "\($0): \(shape)" } ?? shape
  }

  /// Lists one entry per problem, numbered from 1, and marks those that no edge shows.
  func problemEntries() -> [String] {
    let shown = Set(graph.edges.compactMap(\.problem))
    return graph.problems.enumerated().map { index, problem in
      let placement = shown.contains(index) ? "" : " (not on an edge)"
      return "\(index + 1). \(problem.text)\(placement)"
    }
  }
}

/// Splits `text` into lines of at most `width` characters at spaces, splitting a longer word.
func wrapped(_ text: String, width: Int) -> [String] {
  let limit = max(width, 10)
  var lines: [String] = []
  var line = ""
  for word in text.split(separator: " ", omittingEmptySubsequences: true) {
    var rest = Substring(word)
    while rest.count > limit {
      if !line.isEmpty {
        lines.append(line)
        line = ""
      }
      lines.append(String(rest.prefix(limit)))
      rest = rest.dropFirst(limit)
    }
    if line.isEmpty {
      line = String(rest)
    } else if line.count + 1 + rest.count <= limit {
      line += " " + rest
    } else {
      lines.append(line)
      line = String(rest)
    }
  }
  if !line.isEmpty || lines.isEmpty { lines.append(line) }
  return lines
}
