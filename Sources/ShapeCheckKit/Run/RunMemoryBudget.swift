import ShapeInference
import ShapeLayers
import ShapeSymbolic

/// The bound on the Float32 elements that one `run` allocates (parameters, buffers and
/// activations), checked from the inferred shapes
/// before any tensor exists, so that a model such as `nn.Linear(784, 2 ** 40)` is rejected with
/// a message instead of failing to allocate.
enum RunMemoryBudget {
  /// 2 ** 28 elements, 1 GiB of Float32: every parameter plus every activation of one forward
  /// pass, which `run` keeps until it has compared the shapes.
  /// NOTE: a kernel's temporary buffers are not counted.
  static let maxElements = 1 << 28

  /// Sums the elements of the parameters and of each layer output, with the batch symbol bound
  /// to the number of images, and throws when the sum or one tensor passes `maxElements`.
  static func check(_ analysis: ModelAnalysis, layout: InputLayout, imageCount: Int) throws(RunError) {
    let bindings = analysis.bindings.merging(layout.bindings(imageCount: imageCount)) { $1 }
    var tensors: [(name: String, shape: [ShapeDim])] = []
    for layer in analysis.layers {
      for spec in layer.kind.parameters(of: layer) + layer.kind.buffers(of: layer) {
        tensors.append(("'\(layer.name).\(spec.name)'", spec.shape))
      }
    }
    for step in analysis.plan {
      if case .apply(_, _, let layer, let shape) = step { tensors.append(("the output of '\(layer.name)'", shape)) }
    }
    var total = 0
    for tensor in tensors {
      let values = tensor.shape.map { (try? $0.formula.evaluated(bindings)) ?? nil }
      guard let count = ShapesReport.elementCount(values), count <= maxElements else {
        throw .tooLarge(tensor: tensor.name, elements: ShapesReport.elementCount(values), limit: maxElements)
      }
      total += count
      if total > maxElements {
        throw .tooLarge(tensor: nil, elements: total, limit: maxElements)
      }
    }
  }
}
