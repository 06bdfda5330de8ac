import ShapeCheckKit
import ShapeTensor
import Testing

/// A PyTorch layer output reduced to its shape, sum, sum of absolute values and first values.
struct LayerSummary {
  var layer: String
  var shape: [Int]
  var sum: Double
  var absoluteSum: Double
  var first: [Double]

  /// Checks `tensor` against the summary to a relative error of `tolerance`. Sums are compared
  /// relative to the sum of absolute values, because a sum can be near zero, and each value
  /// relative to the larger of its magnitude and the mean magnitude of the tensor.
  func expectMatches(_ tensor: Tensor?, tolerance: Double = 1e-5) {
    guard let tensor else {
      Issue.record("\(layer): no observed tensor")
      return
    }
    #expect(tensor.shape == shape, "\(layer) shape")
    let values = tensor.scalars.map(Double.init)
    let observedSum = values.reduce(0, +)
    let observedAbsoluteSum = values.reduce(0) { $0 + abs($1) }
    let scale = max(absoluteSum, 1e-12)
    #expect(abs(observedSum - sum) <= tolerance * scale, "\(layer) sum \(observedSum) vs \(sum)")
    #expect(
      abs(observedAbsoluteSum - absoluteSum) <= tolerance * scale,
      "\(layer) absolute sum \(observedAbsoluteSum) vs \(absoluteSum)")
    let meanMagnitude = absoluteSum / Double(max(values.count, 1))
    for (index, expected) in first.enumerated() where index < values.count {
      let bound = tolerance * max(abs(expected), meanMagnitude)
      #expect(abs(values[index] - expected) <= bound, "\(layer)[\(index)] \(values[index]) vs \(expected)")
    }
  }
}

extension RunResult {
  /// The observed output of the layer called `layer`, from the first row it produced.
  func output(of layer: String) -> Tensor? {
    comparisons.first { $0.producer == layer }?.tensor
  }
}
