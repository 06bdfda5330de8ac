/// The data-flow graph of a model for `shapecheck graph`: input, layer and output nodes,
/// edges labelled with tensor shapes, Sequential frames, and the problems to mark.
///
/// Every layer takes one tensor, so each layer node has exactly one incoming edge.
public struct ModelGraph: Sendable {
  /// The role of a node, which sets its shape in a diagram.
  public enum NodeKind: Sendable {
    case input
    case layer
    /// A tensor that no layer consumes.
    case output
  }

  /// A box of the diagram.
  public struct Node: Sendable {
    public var kind: NodeKind
    /// The first line: an input's, layer's or output tensor's name.
    public var title: String
    /// The second line, such as the layer kind `Linear`.
    public var subtitle: String
    /// The innermost frame that contains the node, as an index into `frames`.
    public var frame: Int?

    public init(kind: NodeKind, title: String, subtitle: String, frame: Int? = nil) {
      self.kind = kind
      self.title = title
      self.subtitle = subtitle
      self.frame = frame
    }
  }

  /// A tensor flowing from one node to another.
  public struct Edge: Sendable {
    public var from: Int
    public var to: Int
    /// The tensor's name when it has one, such as `act1`.
    public var tensorName: String?
    /// The shape's values, such as `[N, 30]`.
    public var shape: String
    /// The shape's formula, such as `[N, linear_1.out_features]`.
    public var formula: String
    /// The problem that the edge shows, as an index into `problems`.
    public var problem: Int?

    public init(
      from: Int, to: Int, tensorName: String? = nil, shape: String, formula: String,
      problem: Int? = nil
    ) {
      self.from = from
      self.to = to
      self.tensorName = tensorName
      self.shape = shape
      self.formula = formula
      self.problem = problem
    }
  }

  /// A labelled frame around the steps of an applied Sequential.
  public struct Frame: Sendable {
    /// The label, such as `simple_net (Sequential)`.
    public var label: String
    /// The frame that contains this one, as an index into `frames`.
    public var parent: Int?

    public init(label: String, parent: Int? = nil) {
      self.label = label
      self.parent = parent
    }
  }

  /// An error or warning of the model, listed under the diagram.
  public struct Problem: Sendable {
    /// `error` or `warning`.
    public var severity: String
    /// The diagnostic's position, as `path:line:column`.
    public var location: String
    public var message: String
    /// The diagnostic code, such as `shape.feature-mismatch`.
    public var code: String

    public init(severity: String, location: String, message: String, code: String) {
      self.severity = severity
      self.location = location
      self.message = message
      self.code = code
    }

    /// The diagnostic in one line, as `check` prints its first line.
    public var text: String { "\(location): \(severity): \(message) [\(code)]" }
  }

  /// The diagram's title, usually the model file's path.
  public var title: String
  /// Nodes in data-flow order: every edge goes from a lower index to a higher one.
  public var nodes: [Node]
  public var edges: [Edge]
  public var frames: [Frame]
  public var problems: [Problem]

  public init(
    title: String, nodes: [Node], edges: [Edge], frames: [Frame] = [], problems: [Problem] = []
  ) {
    self.title = title
    self.nodes = nodes
    self.edges = edges
    self.frames = frames
    self.problems = problems
  }

  /// Returns the frames that contain node `index`, innermost first.
  func frameChain(ofNode index: Int) -> [Int] {
    var chain: [Int] = []
    var current = nodes.indices.contains(index) ? nodes[index].frame : nil
    // A chain longer than the number of frames has a cycle, which a hand-built graph can have.
    while let frame = current, frames.indices.contains(frame), chain.count < frames.count {
      chain.append(frame)
      current = frames[frame].parent
    }
    return chain
  }
}
