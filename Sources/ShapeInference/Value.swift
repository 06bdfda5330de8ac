import ShapeLayers
import ShapeSource
import ShapeSymbolic

/// The value of an expression while a model file is checked.
enum Value: Sendable {
  case integer(IntegerValue)
  case float(Double)
  case boolean(Bool)
  case string(String)
  case none
  case tuple([Value])
  case list([Value])
  case layer(LayerReference)
  case tensor(TensorValue)
  case shape([ShapeDim])
  case parameter(layer: LayerInstance, spec: ParameterSpec)
  /// `linear_1.bias` of a layer built with `bias=False`; PyTorch stores None there.
  case absentParameter(layer: LayerInstance, name: String)
  /// `torch`, `nn` or `torch.nn`.
  case namespace(String)
  /// A layer constructor such as `nn.Linear`, or `nn.Sequential`, before it is called.
  case layerConstructor(String)
  /// `Tensor` or `torch.Tensor` in an annotation.
  case tensorType
  /// A value whose computation failed and was already reported; later uses stay quiet.
  case unknown

  /// A short description of the kind of value, for messages.
  var kindDescription: String {
    switch self {
    case .integer: "an integer"
    case .float: "a float"
    case .boolean: "a boolean"
    case .string: "a string"
    case .none: "None"
    case .tuple: "a tuple"
    case .list: "a list"
    case .layer(.single(let layer)): "the layer '\(layer.name)' (\(layer.kind.name))"
    case .layer(.sequential(let sequential)): "the Sequential '\(sequential.name)'"
    case .tensor: "a tensor"
    case .shape: "a shape"
    case .parameter(let layer, let spec): "the parameter '\(layer.name).\(spec.name)'"
    case .absentParameter: "None"
    case .namespace(let name): "the module '\(name)'"
    case .layerConstructor(let name): "the layer class '\(name)'"
    case .tensorType: "the type 'Tensor'"
    case .unknown: "an unknown value"
    }
  }
}

/// An integer: its formula over symbols, and its value when every symbol has one.
struct IntegerValue: Sendable {
  var formula: Dim
  var value: Int?
  var origin: DimOrigin?
}

/// A tensor flowing through the model: an identifier for the run plan, and its shape.
struct TensorValue: Sendable {
  var id: Int
  var shape: [ShapeDim]
  /// Set when a layer left the shape unchanged where a change was expected, such as a
  /// Flatten on an input without a batch dimension, with that layer.
  var noOp: (remark: NoOpRemark, layer: LayerInstance)?
}

/// A layer value: one catalog layer or a Sequential container.
public enum LayerReference: Sendable {
  case single(LayerInstance)
  case sequential(SequentialInstance)

  public var name: String {
    switch self {
    case .single(let layer): layer.name
    case .sequential(let sequential): sequential.name
    }
  }
}

/// An `nn.Sequential` and the layers it applies in order.
public struct SequentialInstance: Sendable {
  public var name: String
  public var children: [LayerReference]
  public var callRange: SourceRange
  /// The number of Sequentials on the longest path from this one down to a layer: 1 when
  /// every child is a single layer.
  public let depth: Int
  /// The number of single layers that one application runs, counting a Sequential that
  /// appears twice two times. Saturates at `Int.max`.
  public let layerApplications: Int

  init(name: String, children: [LayerReference], callRange: SourceRange) {
    self.name = name
    self.children = children
    self.callRange = callRange
    var depth = 1
    var applications = 0
    for child in children {
      let childApplications: Int
      switch child {
      case .single:
        childApplications = 1
      case .sequential(let inner):
        depth = max(depth, inner.depth + 1)
        childApplications = inner.layerApplications
      }
      let (sum, overflow) = applications.addingReportingOverflow(childApplications)
      applications = overflow ? Int.max : sum
    }
    self.depth = depth
    self.layerApplications = applications
  }
}
