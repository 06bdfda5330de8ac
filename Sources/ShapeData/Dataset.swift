/// A grayscale image with its class label and where it came from.
public struct LabeledImage: Sendable, Equatable {
  /// The pixels.
  public var image: GrayImage
  /// The class label, or nil when the layout gives none.
  public var label: String?
  /// The file path, or `path#index` for the 0-based item index inside an IDX or CSV file.
  public var source: String

  /// Creates a labeled image.
  public init(image: GrayImage, label: String?, source: String) {
    self.image = image
    self.label = label
    self.source = source
  }
}

/// A set of labeled images loaded from a file or folder.
public struct Dataset: Sendable {
  /// The images in load order.
  public var items: [LabeledImage]
  /// The distinct labels, in numeric order when all are integers and in string order otherwise.
  public var classNames: [String]

  /// Creates a data set, taking the class names from the items' labels.
  public init(items: [LabeledImage]) {
    self.items = items
    self.classNames = Self.sortedClassNames(Set(items.compactMap(\.label)))
  }

  /// Sorts labels numerically when all are integers (so "10" follows "9"), else by string.
  static func sortedClassNames(_ labels: Set<String>) -> [String] {
    let numbered = labels.compactMap { label in Int(label).map { (value: $0, label: label) } }
    if numbered.count == labels.count {
      // The label text breaks ties such as "7" and "07", so the order is still total.
      return numbered.sorted { ($0.value, $0.label) < ($1.value, $1.label) }.map(\.label)
    }
    return labels.sorted()
  }
}
