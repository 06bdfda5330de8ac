/// A constructor argument of a generated layer. `site` names the integer sizes that a
/// mutation may change, such as `layer3.in_features` or `constant.hidden_2`.
struct GeneratedArgument {
  var label: String
  var value: String
  var site: String?
}

/// A layer of a generated model, with its arguments in PyTorch's positional order.
struct GeneratedLayer {
  var kind: String
  var arguments: [GeneratedArgument]
}

/// The expression that builds a layer: a constructor call, a `Sequential` of other
/// expressions, or the name of a layer defined by an earlier statement.
indirect enum LayerExpression {
  case layer(GeneratedLayer)
  case sequential([LayerExpression])
  case reference(String)
}

/// One statement of a generated model file.
enum GeneratedStatement {
  /// `name = value`, a size that a later layer argument names.
  case constant(name: String, value: Int)
  /// `name: Tensor[dims]`, with `N` as the batch dimension.
  case input(name: String, dims: [String])
  /// `name = expression`, a named layer or Sequential.
  case define(name: String, LayerExpression)
  /// `output = callee(input)`, where the callee is a name or an inline expression.
  case apply(output: String, callee: LayerExpression, input: String)
}

/// A size that a mutation changes, and the argument whose check the change breaks.
struct MutationSite {
  /// The site whose value changes.
  var site: String
  /// The sites where the checker may report the mismatch: the changed site and the
  /// argument that consumes its value.
  var reportSites: [String]
  var value: Int
}

/// A random model that is consistent by construction, with the shape of every activation.
struct GeneratedModel {
  var seed: UInt64
  var statements: [GeneratedStatement]
  /// The shape of each applied output by name; nil stands for the batch dimension `N`.
  var expectedShapes: [String: [Int?]]
  var mutationSites: [MutationSite]
  var isBatched: Bool
}
