/// The value of a constructor argument as the generator writes it.
indirect enum GeneratedValue {
  /// Text written as it is, such as `'same'`, `True`, `0.25` or the name of a size constant.
  case text(String)
  /// An integer; `site` names it when a mutation may change it, such as `layer3.in_features`.
  case size(Int, site: String?)
  /// A tuple or list of values, such as `(3, 5)`, `(6,)` or `[4, 4]`.
  case sequence([GeneratedValue], isList: Bool)
}

/// A constructor argument of a generated layer.
struct GeneratedArgument {
  var label: String
  var value: GeneratedValue
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

/// A size that a mutation changes, and the arguments whose check the change breaks.
struct MutationSite {
  /// The site whose value changes.
  var site: String
  /// The sites where the checker may report the mismatch: the changed site and the
  /// argument that consumes its value.
  var reportSites: [String]
  var value: Int
  /// A mutation adds a multiple of `step`, so that divisibility rules such as `groups`
  /// dividing `in_channels` still hold for the changed value and for the value that a
  /// fix-it writes into the consumer. The only error is then the mismatch itself.
  var step = 1
}

/// A random model that is consistent by construction, with the shape of every activation.
struct GeneratedModel {
  var seed: UInt64
  var statements: [GeneratedStatement]
  /// The shape of each applied output by name; nil stands for the batch dimension `N`.
  var expectedShapes: [String: [Int?]]
  var mutationSites: [MutationSite]
  var isBatched: Bool
  /// The kind of every constructed layer, in the order of construction.
  var kinds: [String]
}
