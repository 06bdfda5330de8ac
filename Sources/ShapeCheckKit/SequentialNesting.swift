import ShapeInference

/// The nested Sequentials that contain the current step of one Sequential application, kept
/// up to date as the steps go by in order.
///
/// A step path such as `1.0.2` means child 1 of the applied Sequential, which is itself a
/// Sequential, then its child 0, and so on. Steps come in application order, so a nested
/// Sequential that the walk has left never comes back in the same application. Each step
/// costs time proportional to its path's length.
struct SequentialNesting {
  /// A nested Sequential that contains the current step, with the path component that
  /// selected it from its parent.
  struct Level {
    var component: Substring
    var sequential: SequentialInstance
  }

  let outer: SequentialInstance
  /// The nested Sequentials around the current step, outermost first; the applied Sequential
  /// itself is not included.
  private(set) var levels: [Level] = []

  init(outer: SequentialInstance) {
    self.outer = outer
  }

  /// Moves to the step at `path` and returns the nested Sequentials it enters, outermost
  /// first. The depth of `levels[i]` is `i + 1`, where the applied Sequential has depth 0.
  mutating func moveTo(path: String) -> [Level] {
    let components = path.split(separator: ".")
    let containerCount = max(components.count - 1, 0)
    var sharedCount = 0
    let comparable = min(levels.count, containerCount)
    while sharedCount < comparable, levels[sharedCount].component == components[sharedCount] {
      sharedCount += 1
    }
    levels.removeLast(levels.count - sharedCount)
    var entered: [Level] = []
    while levels.count < containerCount {
      let component = components[levels.count]
      let parent = levels.last?.sequential ?? outer
      guard let index = Int(component), parent.children.indices.contains(index),
        case .sequential(let nested) = parent.children[index]
      else { break }
      let level = Level(component: component, sequential: nested)
      levels.append(level)
      entered.append(level)
    }
    return entered
  }
}
