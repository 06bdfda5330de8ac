/// The layer kinds of the model language, by PyTorch class name.
public struct LayerCatalog: Sendable {
  private let kindsByName: [String: any LayerKind]

  /// The names of all kinds, sorted, for suggestions in diagnostics.
  public let names: [String]

  public init(kinds: [any LayerKind]) {
    var byName: [String: any LayerKind] = [:]
    for kind in kinds {
      precondition(byName[kind.name] == nil, "layer kind '\(kind.name)' is listed twice")
      byName[kind.name] = kind
    }
    self.kindsByName = byName
    self.names = byName.keys.sorted()
  }

  /// Every kind that shapecheck checks and runs. `Sequential` is a container handled by the
  /// checker itself and is not listed here.
  public static let standard = LayerCatalog(kinds: [
    LinearKind(), FlattenKind(), UnflattenKind(), ReLUKind(), LeakyReLUKind(), SigmoidKind(),
    TanhKind(), GELUKind(), SiLUKind(), SoftmaxKind(), LogSoftmaxKind(), DropoutKind(),
    IdentityKind(), Conv1dKind(), Conv2dKind(), MaxPoolKind(spatialRank: 1),
    MaxPoolKind(spatialRank: 2), AvgPoolKind(spatialRank: 1), AvgPoolKind(spatialRank: 2),
    BatchNormKind(spatialRank: 1), BatchNormKind(spatialRank: 2),
    AdaptivePoolKind(.average, spatialRank: 1), AdaptivePoolKind(.average, spatialRank: 2),
    AdaptivePoolKind(.maximum, spatialRank: 1), AdaptivePoolKind(.maximum, spatialRank: 2),
    LayerNormKind(), GroupNormKind(), EmbeddingKind(), FeatureDropoutKind(spatialRank: 1),
    FeatureDropoutKind(spatialRank: 2),
  ])

  /// Returns the kind with this PyTorch class name, such as `Linear`.
  public func kind(named name: String) -> (any LayerKind)? {
    kindsByName[name]
  }

  /// All kinds, sorted by name.
  public var kinds: [any LayerKind] {
    names.compactMap { kindsByName[$0] }
  }
}
