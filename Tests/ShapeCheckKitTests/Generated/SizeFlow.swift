/// One dimension of the tensor that the generator tracks.
struct TrackedDimension {
  /// The size, or nil for the batch dimension `N`.
  var size: Int?
  /// Indexes into `SizeFlow.producers` of the sites whose values this size is made from:
  /// one for a size that a layer argument sets, several after a Flatten merges dimensions.
  var producers: [Int] = []
}

/// The size sites whose values flow into later dimensions, and the checks that read them.
///
/// Changing a producer, such as the `out_channels` of a convolution, breaks every layer that
/// checks the dimension it produced. One fix-it repairs one of them, so a producer becomes a
/// mutation site only when exactly one check reads it. A producer whose dimension passes
/// through a sliding window or an Unflatten is blocked, because a change there makes a window
/// or an unflattened size fail instead of a size check.
struct SizeFlow {
  private struct Consumer {
    var site: String
    /// A number that the consumer's own value must stay a multiple of, such as its `groups`.
    var divisor: Int
  }

  private struct Producer {
    var site: String
    var value: Int
    var divisor: Int
    var consumers: [Consumer] = []
    var isBlocked = false
  }

  private var producers: [Producer] = []

  /// Records a producer site and returns a dimension of its value that carries it.
  mutating func produce(site: String, value: Int, divisor: Int = 1) -> TrackedDimension {
    producers.append(Producer(site: site, value: value, divisor: divisor))
    return TrackedDimension(size: value, producers: [producers.count - 1])
  }

  /// Records that the check at `site` reads `dimension`.
  mutating func consume(_ dimension: TrackedDimension, by site: String, divisor: Int = 1) {
    for index in dimension.producers {
      producers[index].consumers.append(Consumer(site: site, divisor: divisor))
    }
  }

  /// Marks the producers of `dimension` as sites that a mutation must not change.
  mutating func block(_ dimension: TrackedDimension) {
    for index in dimension.producers {
      producers[index].isBlocked = true
    }
  }

  /// Returns a mutation site for every producer that exactly one check reads.
  func mutationSites() -> [MutationSite] {
    producers.compactMap { producer in
      guard !producer.isBlocked, producer.consumers.count == 1, let consumer = producer.consumers.first
      else { return nil }
      return MutationSite(
        site: producer.site, reportSites: [producer.site, consumer.site], value: producer.value,
        step: leastCommonMultiple(producer.divisor, consumer.divisor))
    }
  }
}

/// Returns the least common multiple of two positive integers.
func leastCommonMultiple(_ a: Int, _ b: Int) -> Int {
  a / greatestCommonDivisor(a, b) * b
}

/// Returns the greatest common divisor of two positive integers.
func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
  var (x, y) = (a, b)
  while y != 0 { (x, y) = (y, x % y) }
  return x
}
