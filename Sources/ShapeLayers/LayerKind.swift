import ShapeDiagnostics
import ShapeSource
import ShapeSymbolic
import ShapeTensor

/// A layer kind of the catalog, such as `Linear` or `ReLU`: its constructor arguments as
/// PyTorch takes them, its parameters, its shape rule and its relationship in words.
///
/// Adding a kind means writing one type that conforms to this protocol and listing it in
/// `LayerCatalog.standard`.
public protocol LayerKind: Sendable {
  /// The PyTorch class name, as written after `nn.`.
  var name: String { get }

  /// The constructor arguments in PyTorch's positional order.
  var arguments: [ArgumentSpec] { get }

  /// The relationship between input and output, in one or two sentences for `explain`.
  var relationship: String { get }

  /// Checks that involve several arguments, such as a probability range or a divisibility,
  /// beyond what each argument's type checks.
  func validate(_ layer: LayerInstance) -> [ArgumentProblem]

  /// Lists the divisibility rules between the layer's arguments, which `validate` checks.
  func divisibilityRules(of layer: LayerInstance) -> [DivisibilityRule]

  /// Lists the learnable parameters' names and shapes, in PyTorch's registration order.
  func parameters(of layer: LayerInstance) -> [ParameterSpec]

  /// Returns the buffers that `state_dict()` stores besides the parameters, such as
  /// BatchNorm's `running_mean`, in registration order. `forward` receives them with the parameters.
  func buffers(of layer: LayerInstance) -> [ParameterSpec]

  /// Infers the output shape for an input shape, with the equalities that must hold between
  /// the layer's constants and the incoming dimensions.
  func outputShape(
    for input: [ShapeDim], of layer: LayerInstance, context: ShapeContext
  ) -> ShapeRuleResult

  /// Runs the layer in evaluation mode, as PyTorch's forward does after `model.eval()`.
  ///
  /// `parameters` contains every tensor that `parameters(of:)` names, with those shapes. The
  /// kernel checks the input's shape itself and throws instead of trapping.
  func forward(_ input: Tensor, of layer: LayerInstance, parameters: [String: Tensor]) throws(KernelError)
    -> Tensor

  /// Draws the layer's parameters as its PyTorch constructor does after `torch.manual_seed`,
  /// taking draws from `generator` in PyTorch's order.
  func initialParameters(of layer: LayerInstance, generator: inout TorchGenerator) -> [String: Tensor]

  /// Whether `initialParameters` gives exactly PyTorch's values.
  var reproducesTorchInitialization: Bool { get }

  /// Describes what the layer did to these values, measured, for element-wise layers such as
  /// ReLU; nil for kinds with nothing to measure.
  func describeEffect(input: Tensor, output: Tensor) -> String?
}

extension LayerKind {
  public func validate(_ layer: LayerInstance) -> [ArgumentProblem] { [] }

  public func divisibilityRules(of layer: LayerInstance) -> [DivisibilityRule] { [] }

  public func parameters(of layer: LayerInstance) -> [ParameterSpec] { [] }

  public func buffers(of layer: LayerInstance) -> [ParameterSpec] { [] }

  public func initialParameters(of layer: LayerInstance, generator: inout TorchGenerator) -> [String: Tensor] {
    [:]
  }

  public var reproducesTorchInitialization: Bool { true }

  public func describeEffect(input: Tensor, output: Tensor) -> String? { nil }
}

/// A failure while running a layer on real data, such as an input whose shape differs from
/// the one the layer was checked with.
public struct KernelError: Error, Sendable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}

/// A learnable tensor of a layer, such as `weight` with shape `[out_features, in_features]`.
public struct ParameterSpec: Sendable {
  public var name: String
  public var shape: [ShapeDim]

  public init(name: String, shape: [ShapeDim]) {
    self.name = name
    self.shape = shape
  }
}

/// A problem with a layer's arguments found by `LayerKind.validate`.
public struct ArgumentProblem: Sendable {
  /// The argument to point at.
  public var argument: String
  public var message: String
  /// The diagnostic code, or nil for `layer.invalid-argument`.
  public var code: DiagnosticCode?

  public init(argument: String, message: String, code: DiagnosticCode? = nil) {
    self.argument = argument
    self.message = message
    self.code = code
  }
}

/// The checker's services available to a shape rule while it infers a shape.
public struct ShapeContext: Sendable {
  private let evaluate: @Sendable (Dim) -> Int?
  private let substitute: @Sendable (Dim) -> Dim

  /// Creates a context from the checker's evaluation and, optionally, its substitution of
  /// constant values for bound symbols.
  public init(
    evaluate: @escaping @Sendable (Dim) -> Int?,
    substitute: @escaping @Sendable (Dim) -> Dim = { $0 }
  ) {
    self.evaluate = evaluate
    self.substitute = substitute
  }

  /// The formula with every bound constant replaced by its value, such as `H // 2 - 4` for
  /// `(H - conv_1.kernel_size[0] + 1) // pool_1.kernel_size[0] - …`, for messages.
  public func valuesSubstituted(in dim: Dim) -> Dim {
    substitute(dim)
  }

  /// Evaluates a formula under the current constants; nil when it depends on a free symbol
  /// such as a batch size.
  public func value(of dim: Dim) -> Int? {
    evaluate(dim)
  }
}

/// An equality between a layer constant and an incoming dimension, which the checker decides.
public struct DimRequirement: Sendable {
  public var code: DiagnosticCode
  /// The consumer's argument that must match, such as `in_features`.
  public var argument: String
  /// The argument's formula.
  public var expected: Dim
  /// The axis of the input shape whose dimension must equal `expected`, counted from 0.
  public var inputAxis: Int
  /// The dimension's meaning in words, such as `input features`.
  public var meaning: String

  public init(code: DiagnosticCode, argument: String, expected: Dim, inputAxis: Int, meaning: String) {
    self.code = code
    self.argument = argument
    self.expected = expected
    self.inputAxis = inputAxis
    self.meaning = meaning
  }
}

/// A shape rule that cannot produce an output, such as a rank the layer does not accept.
public struct ShapeFailure: Sendable, Error {
  public var code: DiagnosticCode
  public var message: String
  /// The argument to point at, or nil to point at the application of the layer.
  public var argument: String?
  public var notes: [String]

  public init(code: DiagnosticCode, message: String, argument: String? = nil, notes: [String] = []) {
    self.code = code
    self.message = message
    self.argument = argument
    self.notes = notes
  }
}

/// The output of a successful shape rule.
public struct ShapeOutput: Sendable {
  public var shape: [ShapeDim]
  /// Equalities between the layer's constants and incoming dimensions, checked by the caller.
  public var requirements: [DimRequirement]
  /// Why the layer left the shape unchanged where a reader would expect a change, such as a
  /// Flatten on an input without a batch dimension; attached as a note to later mismatches.
  public var noOp: NoOpRemark?
  /// Lower bounds on incoming dimensions whose values are not known, such as a free height
  /// that a convolution window must fit in; checked by the caller.
  public var conditions: [DimCondition]

  public init(
    shape: [ShapeDim], requirements: [DimRequirement] = [], noOp: NoOpRemark? = nil,
    conditions: [DimCondition] = []
  ) {
    self.shape = shape
    self.requirements = requirements
    self.noOp = noOp
    self.conditions = conditions
  }
}

/// An explanation of a layer that changed nothing, with the argument value that would make it
/// do what was probably meant.
public struct NoOpRemark: Sendable {
  public var explanation: String
  /// The argument to set, such as `start_dim`.
  public var argument: String
  /// The value to set it to, as source text, such as `0`.
  public var suggestedValue: String

  public init(explanation: String, argument: String, suggestedValue: String) {
    self.explanation = explanation
    self.argument = argument
    self.suggestedValue = suggestedValue
  }
}

/// The result of a shape rule: an output shape with the requirements to check, or a failure.
public enum ShapeRuleResult: Sendable {
  case success(ShapeOutput)
  case failure(ShapeFailure)

  /// Returns a success with no requirements.
  public static func output(_ shape: [ShapeDim]) -> ShapeRuleResult {
    .success(ShapeOutput(shape: shape))
  }
}
