/// The normalization layers: BatchNorm1d, BatchNorm2d, GroupNorm and LayerNorm. Each checks
/// sizes of its input against its own arguments and keeps the shape.
extension ModelGenerator {
  /// Builds a BatchNorm whose `num_features` is dimension 1, which the kind reads as the
  /// channels whatever the rank.
  mutating func makeBatchNorm(_ id: String, kind: String) -> GeneratedLayer {
    let site = "\(id).num_features"
    let features = size(at: 1)
    consume(axis: 1, site: site)
    var arguments = [argument("num_features", size: features, site: site)]
    if Bool.random(using: &random) { arguments.append(argument("eps", "0.001")) }
    if Bool.random(using: &random) {
      arguments.append(argument("momentum", Bool.random(using: &random) ? "None" : "0.2"))
    }
    appendFlag("affine", to: &arguments)
    appendFlag("track_running_stats", to: &arguments)
    return GeneratedLayer(kind: kind, arguments: arguments)
  }

  /// Builds a GroupNorm over dimension 1, with `num_groups` a divisor of `num_channels`.
  mutating func makeGroupNorm(_ id: String) -> GeneratedLayer {
    let site = "\(id).num_channels"
    let channels = size(at: 1)
    let groups = divisors(of: channels).randomElement(using: &random) ?? 1
    consume(axis: 1, site: site, divisor: groups)
    var arguments = [
      argument("num_groups", size: groups), argument("num_channels", size: channels, site: site),
    ]
    if Bool.random(using: &random) { arguments.append(argument("eps", "0.0001")) }
    appendFlag("affine", to: &arguments)
    return GeneratedLayer(kind: "GroupNorm", arguments: arguments)
  }

  /// Builds a LayerNorm over one to three trailing dimensions after the batch dimension,
  /// written as an integer, a tuple or a list, with every entry a mutation site.
  mutating func makeLayerNorm(_ id: String) -> GeneratedLayer {
    let count = Int.random(in: 1...min(3, dimensions.count - firstSampleAxis), using: &random)
    let axes = (dimensions.count - count)..<dimensions.count
    let value: GeneratedValue
    if count == 1, Bool.random(using: &random) {
      let site = "\(id).normalized_shape"
      value = .size(size(at: axes.lowerBound), site: site)
      consume(axis: axes.lowerBound, site: site)
    } else {
      var entries: [GeneratedValue] = []
      for (index, axis) in axes.enumerated() {
        let site = "\(id).normalized_shape[\(index)]"
        entries.append(.size(size(at: axis), site: site))
        consume(axis: axis, site: site)
      }
      value = .sequence(entries, isList: Bool.random(using: &random))
    }
    var arguments = [GeneratedArgument(label: "normalized_shape", value: value)]
    if Bool.random(using: &random) { arguments.append(argument("eps", "1e-06")) }
    appendFlag("elementwise_affine", to: &arguments)
    appendFlag("bias", to: &arguments)
    return GeneratedLayer(kind: "LayerNorm", arguments: arguments)
  }
}
