import ShapeSource

/// The report of `shapecheck explain` on a model: how freely each constant may change, the
/// relation of each layer's output to its input, and the shapes of its parameters.
public struct Explanation: Sendable {
  public var path: String
  /// The shape constants in groups that must change together, in file order of their first
  /// member.
  public var groups: [ConstantGroup]
  public var namedConstants: [NamedConstant]
  /// Layer arguments that are not shape constants and were written in the file.
  public var otherArguments: [OtherArgument]
  /// The free dimensions of input declarations, such as a batch size `N`.
  public var freeDimensions: [FreeDimension]
  /// Each layer kind used in the file with the catalog's relationship sentence.
  public var layerKinds: [(name: String, relationship: String)]
  public var activations: [ActivationRelation]
  /// One sentence per layer with parameters, such as `linear_1.weight is [out_features, …]`.
  public var parameterSentences: [String]
  public var parameterCount: Int?

  /// Returns the members of every group with `role`, in file order.
  public func constants(_ role: ConstantRole) -> [ShapeConstant] {
    groups.filter { $0.role == role }.flatMap(\.members)
  }
}

/// The freedom of a group of shape constants to change.
public enum ConstantRole: String, Sendable, CaseIterable {
  /// Tied to a declared input's dimension: its value follows from the input.
  case boundToInput = "bound-to-input"
  /// Tied to a literal that an `assert` compares a shape with.
  case boundToOutput = "bound-to-output"
  /// Tied to each other by layer requirements or asserts, and to no input or output.
  case changeTogether = "change-together"
  /// In no requirement, but a layer rule allows only some values, as a convolution's
  /// `groups` must divide its channel counts.
  case limited
  /// In no requirement: changing it alone keeps the model consistent.
  case free
  /// A `-1` inside `unflattened_size`, which the layer infers from its input.
  case inferred
}

/// A layer's shape-constant argument, such as `linear_1.in_features`, or a named constant.
public struct ShapeConstant: Sendable {
  /// The symbol's name, such as `linear_1.in_features` or `hidden`.
  public var name: String
  public var value: Int
  /// The layer that the argument belongs to; nil for a named constant.
  public var layerName: String?
  /// The place of the written value, or of the layer's call when the argument is not written.
  public var location: SourceLocation
  /// The source text of the value, such as `784` or `hidden`.
  public var sourceText: String
  /// The named constants that the value is written with.
  public var namedConstants: [String]
}

/// A requirement that ties constants together, such as `linear_2.in_features` = `30`.
public struct ConstantTie: Sendable {
  /// The consumer's formula, such as `linear_2.in_features`.
  public var expected: String
  /// The formula that the consumer must equal.
  public var actual: String
  public var expectedValue: Int?
  public var actualValue: Int?
  public var isSatisfied: Bool
  /// The reason for the tie, such as `'linear_2' receives 30 input features`.
  public var reason: String
  public var location: SourceLocation
  /// The declared input whose dimension the tie reaches, when it does.
  public var input: InputReference?
}

/// A declared input, such as `example_3_flat: Tensor[784]`.
public struct InputReference: Sendable, Hashable {
  public var name: String
  public var location: SourceLocation
}

/// Shape constants that are tied to each other, with the ties and the role of the group.
public struct ConstantGroup: Sendable {
  public var role: ConstantRole
  public var members: [ShapeConstant]
  public var ties: [ConstantTie]
  /// Whether the group has named constants and every tie holds for any values of them, so
  /// that changing a named constant alone keeps the model consistent.
  public var followsNamedConstants: Bool
  /// For a free or limited group: what changing it changes.
  public var effect: ChangeEffect?
}

/// The activations and parameters whose shapes depend on a group of constants.
public struct ChangeEffect: Sendable {
  public var activations: [String]
  public var parameters: [String]
  /// The total parameter count as a formula over the group's constants, such as
  /// `31 * linear_2.out_features + 23550`; nil when it does not depend on them.
  public var parameterCountFormula: String?
}

/// A named integer constant such as `hidden = 30`.
public struct NamedConstant: Sendable {
  public var name: String
  public var value: Int
  public var location: SourceLocation
  /// Every constant whose value changes with this one, directly or through other constants.
  public var usedBy: [String]
  /// The input declarations whose shapes change with this constant.
  public var inputs: [String]
}

/// A layer argument that is not a shape constant, such as `bias=True` or `p=0.2`.
public struct OtherArgument: Sendable {
  /// The layer and argument, such as `linear_1.bias`.
  public var name: String
  public var value: String
  public var location: SourceLocation
  /// The argument's effect, in words.
  public var effect: String
}

/// A free dimension of an input declaration.
public struct FreeDimension: Sendable {
  public var name: String
  public var input: InputReference?
}

/// The production of a named activation from another one.
public struct ActivationRelation: Sendable {
  public var name: String
  public var shape: String
  /// The layer that produced it, or `input` for a declaration.
  public var producer: String
  /// The kind of the producing layer, such as `ReLU`; nil for inputs and Sequentials.
  public var kind: String?
  /// The named activation that the layer was applied to, or the calls that lead to it from a
  /// named activation, such as `norm(conv_1(images))`.
  public var source: String?
  /// The shape of the layer's input, as `shape` is written.
  public var sourceShape: String?
  /// The producing kind's relationship sentence.
  public var relationship: String?
}
