import ShapeInference
import ShapeLayers
import ShapeTensor

/// The parameter tensors of a model's layers, by layer name and parameter name.
public struct ParameterStore: Sendable {
  public var tensors: [String: [String: Tensor]]

  public init(tensors: [String: [String: Tensor]] = [:]) {
    self.tensors = tensors
  }

  /// The parameters that PyTorch's constructors draw after `torch.manual_seed(seed)`: one
  /// generator shared by every layer, in construction order, weight before bias.
  public static func initialized(for analysis: ModelAnalysis, seed: UInt64) -> ParameterStore {
    var generator = TorchGenerator(seed: seed)
    var store = ParameterStore()
    for layer in analysis.layers.sorted(by: { $0.constructionIndex < $1.constructionIndex }) {
      store.tensors[layer.name] = layer.kind.initialParameters(of: layer, generator: &generator)
    }
    return store
  }

  /// Returns the parameters of one layer.
  public func parameters(of layer: LayerInstance) -> [String: Tensor] {
    tensors[layer.name] ?? [:]
  }

  /// Lists the layer kinds in the model whose `--seed` initialization does not match PyTorch's.
  public static func kindsNotReproduced(in analysis: ModelAnalysis) -> [String] {
    Array(Set(analysis.layers.filter { !$0.kind.reproducesTorchInitialization }.map(\.kind.name))).sorted()
  }
}
