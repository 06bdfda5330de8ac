/// Bounds on the layer structure of one model file. They keep a generated or hostile file from
/// making the checker recurse past its stack, or expand shared Sequentials without end, as in
/// `s2 = nn.Sequential(s1, s1)` repeated 40 times.
public enum CheckerLimits {
  /// The deepest nesting of Sequentials inside one another, counting the outer one.
  public static let maxSequentialDepth = 100
  /// The maximum number of single-layer applications in one file. A layer inside an applied
  /// Sequential counts once for each time it runs.
  public static let maxLayerApplications = 1_000_000
}
