import Testing

@testable import ShapeTensor

/// Shape contracts the kernels enforce with preconditions; each case runs in a child process.
@Suite("Kernel contracts")
struct KernelContractTests {
  @Test("linear rejects mismatched features")
  func linearMismatchedFeatures() async {
    await #expect(processExitsWith: .failure) {
      let input = Tensor(shape: [2, 3], repeating: 1)
      let weight = Tensor(shape: [4, 5], repeating: 1)
      _ = Tensor.linear(input: input, weight: weight, bias: nil)
    }
  }

  @Test("linear rejects wrong bias shape")
  func linearWrongBias() async {
    await #expect(processExitsWith: .failure) {
      let input = Tensor(shape: [2, 3], repeating: 1)
      let weight = Tensor(shape: [4, 3], repeating: 1)
      _ = Tensor.linear(input: input, weight: weight, bias: Tensor(shape: [3], repeating: 0))
    }
  }

  @Test("linear rejects scalar input")
  func linearScalarInput() async {
    await #expect(processExitsWith: .failure) {
      let weight = Tensor(shape: [1, 1], repeating: 1)
      _ = Tensor.linear(input: Tensor(shape: [], scalars: [1]), weight: weight, bias: nil)
    }
  }

  @Test("softmax rejects out-of-range dim")
  func softmaxInvalidDimension() async {
    await #expect(processExitsWith: .failure) {
      _ = Tensor(shape: [2, 2], repeating: 1).softmax(dim: 2)
    }
    await #expect(processExitsWith: .failure) {
      _ = Tensor(shape: [2, 2], repeating: 1).logSoftmax(dim: -3)
    }
  }

  @Test("uniform rejects reversed bounds")
  func uniformReversedBounds() async {
    await #expect(processExitsWith: .failure) {
      var generator = TorchGenerator(seed: 0)
      _ = TorchInit.uniform(count: 1, from: 1, to: 0, generator: &generator)
    }
  }
}
