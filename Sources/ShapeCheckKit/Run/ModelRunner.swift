import ShapeInference
import ShapeLayers
import ShapeSymbolic
import ShapeTensor

/// The observed tensors of one forward pass, by tensor identifier.
public struct ForwardTrace: Sendable {
  public var tensors: [Int: Tensor]
  /// The identifier of the last tensor computed, which `run` takes as the model's output.
  public var outputID: Int?
}

/// Executes a checked model's plan on real tensors in evaluation mode.
public struct ModelRunner: Sendable {
  public var analysis: ModelAnalysis
  public var parameters: ParameterStore

  public init(analysis: ModelAnalysis, parameters: ParameterStore) {
    self.analysis = analysis
    self.parameters = parameters
  }

  /// Runs every step of the plan, starting from `input` as the tensor `inputID`; `extra` binds
  /// free symbols such as the batch size.
  ///
  /// Every kernel checks the shape of its input and throws instead of trapping. A kernel that
  /// rejects an input whose shape differs from the inferred one means the inference was wrong
  /// (`RunError.kernelFailed`); one that rejects an input of exactly the inferred shape is a bug
  /// in the kernel (`RunError.internalFailure`).
  public func forward(input: Tensor, inputID: Int, extra: [Symbol: Int] = [:]) throws(RunError)
    -> ForwardTrace
  {
    var trace = ForwardTrace(tensors: [inputID: input], outputID: nil)
    var inferred: [Int: [ShapeDim]] = [:]
    for step in analysis.plan {
      switch step {
      case .input(let id, _, let shape):
        inferred[id] = shape
      case .apply(let output, let inputTensor, let layer, let shape):
        inferred[output] = shape
        guard let value = trace.tensors[inputTensor] else { continue }
        do {
          trace.tensors[output] = try layer.kind.forward(
            value, of: layer, parameters: parameters.parameters(of: layer))
          trace.outputID = output
        } catch {
          let expected = inferred[inputTensor].map { inferredValues($0, extra: extra) }
          if expected == value.shape.map(Optional.some) {
            throw .internalFailure("the kernel of '\(layer.name)' rejected an input of the inferred shape \(value.shape): \(error.message)")
          }
          throw .kernelFailed(error.message)
        }
      }
    }
    return trace
  }

  /// Evaluates a shape's formulas, with free symbols such as the batch size bound in `extra`.
  public func inferredValues(_ shape: [ShapeDim], extra: [Symbol: Int]) -> [Int?] {
    let bindings = analysis.bindings.merging(extra) { $1 }
    return shape.map { (try? $0.formula.evaluated(bindings)) ?? nil }
  }
}
