import ShapeLayers
import ShapeSource
import ShapeTensor
import Testing

/// Builds `nn.Embedding(3, 4, padding_idx=1)` without a model file.
private func embedding() -> LayerInstance {
  LayerInstance(
    name: "embedding", kind: EmbeddingKind(),
    arguments: [
      "num_embeddings": .integer(3), "embedding_dim": .integer(4), "padding_idx": .integer(1),
      "max_norm": ArgumentValue.none, "norm_type": .float(2), "scale_grad_by_freq": .boolean(false),
      "sparse": .boolean(false),
    ],
    argumentRanges: [:], callRange: SourceRange.at(0), constructionIndex: 0)
}

@Suite struct EmbeddingLayerTests {
  /// PyTorch 2.13: `torch.manual_seed(42)`, then `nn.Embedding(3, 4, padding_idx=1).weight`.
  /// Below 16 elements PyTorch draws in double precision, which is reproduced bit for bit.
  @Test func smallWeightMatchesPyTorch() throws {
    let layer = embedding()
    var generator = TorchGenerator(seed: 42)
    let weight = try #require(layer.kind.initialParameters(of: layer, generator: &generator)["weight"])
    let expected: [Float] = [
      0.33669036626815796, 0.12880940735340118, 0.23446236550807953, 0.23033303022384644,
      0, 0, 0, 0,
      0.46165722608566284, 0.2673508822917938, 0.5349046587944031, 0.809357225894928,
    ]
    #expect(weight.shape == [3, 4])
    #expect(weight.scalars == expected)
    #expect(!layer.kind.reproducesTorchInitialization)
  }

  @Test func lookupAppendsEmbeddingDimension() throws {
    let layer = embedding()
    let weight = Tensor(shape: [3, 4], scalars: (0..<12).map(Float.init))
    let indices = Tensor(shape: [2, 2], scalars: [2, 0, 1, 2])
    let output = try layer.kind.forward(indices, of: layer, parameters: ["weight": weight])
    #expect(output.shape == [2, 2, 4])
    #expect(Array(output.scalars.prefix(8)) == [8, 9, 10, 11, 0, 1, 2, 3])
  }

  @Test func fractionalIndexThrows() {
    let layer = embedding()
    let weight = Tensor(shape: [3, 4], repeating: 0)
    #expect(throws: KernelError.self) {
      try layer.kind.forward(Tensor(shape: [1], scalars: [0.5]), of: layer, parameters: ["weight": weight])
    }
  }
}
