import Foundation
import ShapeSource

/// Renders an `Explanation`, with an optional `--what-if` outcome, as one JSON object whose
/// fields docs/explain.md documents.
public enum ExplainJSON {
  /// The version of the JSON layout; it changes when a field changes meaning or is removed.
  public static let version = 1

  /// Renders pretty-printed JSON with sorted keys and a trailing newline.
  public static func render(_ explanation: Explanation, whatIf: WhatIfOutcome? = nil) -> String {
    var object = object(explanation)
    if let whatIf { object["whatIf"] = self.object(whatIf) }
    guard
      let data = try? JSONSerialization.data(
        withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  static func object(_ explanation: Explanation) -> [String: Any] {
    [
      "version": version,
      "path": explanation.path,
      "groups": explanation.groups.map(object),
      "namedConstants": explanation.namedConstants.map { constant in
        [
          "name": constant.name, "value": constant.value, "location": object(constant.location),
          "usedBy": constant.usedBy, "inputs": constant.inputs,
        ] as [String: Any]
      },
      "otherArguments": explanation.otherArguments.map { argument in
        [
          "name": argument.name, "value": argument.value, "location": object(argument.location),
          "effect": argument.effect,
        ] as [String: Any]
      },
      "freeDimensions": explanation.freeDimensions.map { dimension in
        ["name": dimension.name, "input": optional(dimension.input.map(object))] as [String: Any]
      },
      "layerKinds": explanation.layerKinds.map {
        ["name": $0.name, "relationship": $0.relationship]
      },
      "activations": explanation.activations.map(object),
      "parameterSentences": explanation.parameterSentences,
      "parameterCount": optional(explanation.parameterCount),
    ]
  }

  private static func object(_ group: ConstantGroup) -> [String: Any] {
    var result: [String: Any] = [
      "role": group.role.rawValue,
      "members": group.members.map { member in
        [
          "name": member.name, "value": member.value, "layer": optional(member.layerName),
          "location": object(member.location), "sourceText": member.sourceText,
          "namedConstants": member.namedConstants,
        ] as [String: Any]
      },
      "ties": group.ties.map(object),
      "followsNamedConstants": group.followsNamedConstants,
    ]
    if let effect = group.effect {
      result["effect"] =
        [
          "activations": effect.activations, "parameters": effect.parameters,
          "parameterCountFormula": optional(effect.parameterCountFormula),
        ] as [String: Any]
    }
    return result
  }

  private static func object(_ tie: ConstantTie) -> [String: Any] {
    [
      "expected": tie.expected, "actual": tie.actual, "expectedValue": optional(tie.expectedValue),
      "actualValue": optional(tie.actualValue), "isSatisfied": tie.isSatisfied,
      "reason": tie.reason,
      "location": object(tie.location), "input": optional(tie.input.map(object)),
    ]
  }

  private static func object(_ activation: ActivationRelation) -> [String: Any] {
    [
      "name": activation.name, "shape": activation.shape, "producer": activation.producer,
      "kind": optional(activation.kind), "source": optional(activation.source),
      "sourceShape": optional(activation.sourceShape),
      "relationship": optional(activation.relationship),
    ]
  }

  private static func object(_ input: InputReference) -> [String: Any] {
    ["name": input.name, "location": object(input.location)]
  }

  private static func object(_ location: SourceLocation) -> [String: Any] {
    ["line": location.line, "column": location.column]
  }

  static func object(_ outcome: WhatIfOutcome) -> [String: Any] {
    func changes(_ list: [ConstantChange]) -> [[String: Any]] {
      list.map {
        [
          "name": $0.name, "oldValue": $0.oldValue, "newValue": $0.newValue,
          "location": object($0.location),
        ]
      }
    }
    func shapes(_ list: [ShapeChange]) -> [[String: Any]] {
      list.map { ["name": $0.name, "before": optional($0.before), "after": optional($0.after)] }
    }
    return [
      "changes": changes(outcome.changes), "requiredChanges": changes(outcome.requiredChanges),
      "unappliedRequests": outcome.unappliedRequests,
      "remainingProblems": outcome.remainingProblems,
      "activationChanges": shapes(outcome.activationChanges),
      "parameterChanges": shapes(outcome.parameterChanges),
      "parameterCountBefore": optional(outcome.parameterCountBefore),
      "parameterCountAfter": optional(outcome.parameterCountAfter),
    ]
  }

  /// Returns the value, or JSON null for nil.
  private static func optional(_ value: Any?) -> Any {
    value ?? NSNull()
  }
}
