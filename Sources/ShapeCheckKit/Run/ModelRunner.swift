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

  /// Runs every step of the plan, starting from `input` as the tensor `inputID`.
  ///
  /// Every kernel checks the shape of its input and throws instead of trapping, so a model whose
  /// real shapes differ from the inferred ones ends in `RunError.kernelFailed`.
  public func forward(input: Tensor, inputID: Int) throws(RunError) -> ForwardTrace {
    var trace = ForwardTrace(tensors: [inputID: input], outputID: nil)
    for step in analysis.plan {
      guard case .apply(let output, let inputTensor, let layer, _) = step,
        let value = trace.tensors[inputTensor]
      else { continue }
      do {
        trace.tensors[output] = try layer.kind.forward(value, of: layer, parameters: parameters.parameters(of: layer))
        trace.outputID = output
      } catch {
        throw .kernelFailed(error.message)
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
