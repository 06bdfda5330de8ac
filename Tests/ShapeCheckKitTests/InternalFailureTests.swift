import ShapeCheckKit
import ShapeLayers
import ShapeTensor
import Testing

/// A layer kind whose kernel always fails, standing in for a kernel bug.
private struct FaultyKind: ElementwiseKind {
  let name = "Faulty"
  let arguments: [ArgumentSpec] = []
  let relationship = "same shape"

  func activation(for layer: LayerInstance) -> Activation { .identity }

  func forward(_ input: Tensor, of layer: LayerInstance, parameters: [String: Tensor])
    throws(KernelError) -> Tensor
  {
    throw KernelError("always fails")
  }
}

@Suite struct InternalFailureTests {
  @Test func kernelRejectingInferredShapeIsInternal() throws {
    let model = try TemporaryModel("x: Tensor[784]\nf = Faulty()\ny = f(x)\n")
    var options = RunOptions(modelPath: model.path, inputPath: Repository.path("fixtures/digits/train/3/1500.png"))
    options.catalog = LayerCatalog(kinds: LayerCatalog.standard.kinds + [FaultyKind()])
    #expect {
      try ModelRun.run(options)
    } throws: { error in
      guard case RunFailure.run(.internalFailure(let message)) = error else { return false }
      return message.contains("'f'")
    }
  }
}
