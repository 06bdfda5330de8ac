import ShapeDiagnostics
import ShapeLayers
import ShapeSource
import ShapeSymbolic

/// Everything that checking a model file found: diagnostics, every activation's and
/// parameter's shape, the constraints between constants, and the plan that `run` executes.
public struct ModelAnalysis: Sendable {
  public var source: SourceFile
  /// Syntax and inference diagnostics, sorted by position and code.
  public var diagnostics: [Diagnostic]
  /// Every constructed layer in construction order, which is PyTorch's initialization order.
  public var layers: [LayerInstance]
  /// Every Sequential that was built, by name.
  public var sequentials: [SequentialInstance]
  /// Named activations and applied Sequentials, in file order.
  public var activations: [ActivationRecord]
  /// The tensor operations in file order, for executing the model on data.
  public var plan: [PlanStep]
  /// The value of every bound symbol: named constants and layer constants.
  public var bindings: [Symbol: Int]
  /// The definition of each bound symbol, for explanations and fixes.
  public var definitions: [Symbol: SymbolDefinition]
  /// Every equality the model requires between a layer constant and an incoming dimension.
  public var constraints: [ShapeConstraint]
  /// The free dimensions of input declarations, such as a batch size `N`.
  public var freeSymbols: [Symbol]
  /// Every `assert a == b` on shapes or sizes, as formulas, in file order.
  public var assertedShapes: [AssertedShape] = []

  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  /// Evaluates a formula under the bound constants; nil when it depends on a free symbol.
  public func value(of dim: Dim) -> Int? {
    (try? dim.evaluated(bindings)) ?? nil
  }

  /// Evaluates each dimension of a shape.
  public func values(of shape: [ShapeDim]) -> [Int?] {
    shape.map { value(of: $0.formula) }
  }

  /// Every parameter of every layer, in initialization order.
  public var parameters: [ParameterRecord] {
    layers.flatMap { layer in
      layer.kind.parameters(of: layer).map { ParameterRecord(layer: layer, spec: $0) }
    }
  }
}

/// A layer's parameter, such as `linear_1.weight`.
public struct ParameterRecord: Sendable {
  public var layer: LayerInstance
  public var spec: ParameterSpec

  public init(layer: LayerInstance, spec: ParameterSpec) {
    self.layer = layer
    self.spec = spec
  }

  public var qualifiedName: String { "\(layer.name).\(spec.name)" }
}

/// A named activation, an input declaration, or an applied Sequential with its steps.
public struct ActivationRecord: Sendable {
  /// The assigned name, or the expression's text for an unnamed application.
  public var name: String
  /// `input` for a declaration, else the layer or Sequential that produced the tensor.
  public var producer: String
  public var shape: [ShapeDim]
  public var range: SourceRange
  /// For an applied Sequential, the output of each layer inside it.
  public var steps: [StepRecord]
  public var tensorID: Int
}

/// The output of one layer inside an applied Sequential.
public struct StepRecord: Sendable {
  /// The path inside the Sequential as `state_dict()` names it, such as `0` or `1.2`.
  public var path: String
  public var layerName: String
  public var shape: [ShapeDim]
  public var tensorID: Int
}

/// One tensor operation of the model, in execution order.
public enum PlanStep: Sendable {
  /// An input declaration: tensor `id` is read from the data with `shape`.
  case input(id: Int, name: String, shape: [ShapeDim])
  /// Tensor `output`, with the inferred `shape`, is `layer` applied to tensor `input`.
  case apply(output: Int, input: Int, layer: LayerInstance, shape: [ShapeDim])
}

/// The definition that gave a symbol its value.
public struct SymbolDefinition: Sendable {
  public var value: Int
  /// The formula of the defining expression, over other symbols, such as `hidden * 2`.
  public var formula: Dim
  /// The source of the defining expression: a layer argument's value or a constant's value.
  public var range: SourceRange
  /// Whether the defining expression is a bare integer literal, which a fix can rewrite.
  public var isLiteral: Bool
  /// For a layer constant, the layer's name.
  public var layerName: String?
}

/// An equality between a layer constant and the dimension that flows into it.
public struct ShapeConstraint: Sendable {
  public var layerName: String
  public var argument: String
  /// The consumer's formula, usually the symbol of its argument.
  public var expected: Dim
  /// The incoming dimension's formula.
  public var actual: Dim
  public var meaning: String
  /// The source range where the consumer's argument is set.
  public var range: SourceRange
  /// Whether the two sides have equal values (or equal formulas) for the current constants.
  public var isSatisfied: Bool
  /// The tensor that the layer was applied to, as numbered in `plan`.
  public var inputTensorID: Int = -1
}

/// An asserted equality between two shapes or sizes, such as `assert out.shape == [1]`.
public struct AssertedShape: Sendable {
  /// The left side's dimensions as formulas; one formula for a size.
  public var left: [Dim]
  public var right: [Dim]
  /// The asserted condition.
  public var range: SourceRange
}
