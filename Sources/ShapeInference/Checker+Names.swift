import ShapeDiagnostics
import ShapeLayers
import ShapeSource
import ShapeSyntax

extension Checker {
  /// Records where each name is first assigned, so that a use before its definition can point
  /// at the definition instead of calling the name undefined.
  func collectDefinitions() {
    for statement in tree.statements {
      switch statement.kind {
      case .assignment(let target, _), .declaration(let target, _, _):
        if laterDefinitions[target.name] == nil {
          laterDefinitions[target.name] = target.range
        }
      default:
        continue
      }
    }
  }

  /// Resolves a bare name: a binding, a builtin, or a layer class written without `nn.`.
  func lookUp(_ name: String, range: SourceRange) -> Value {
    if let binding = scope[name] {
      return binding.value
    }
    if let builtin = builtinValue(name) {
      return builtin
    }
    // A skipped `def` or `class` was already reported; its name stays quiet.
    if tree.skippedDefinitions.contains(name) {
      return .unknown
    }
    if let definition = laterDefinitions[name], definition.start > range.start {
      report(
        .usedBeforeDefinition, "'\(name)' is used before it is defined", at: range,
        notes: [Note(message: "'\(name)' is defined here; move this use below it", range: definition)])
      return .unknown
    }
    reportUndefined(name, range: range)
    return .unknown
  }

  private func isFreeDimension(_ value: Value) -> Bool {
    guard case .integer(let integer) = value else { return false }
    return integer.value == nil
  }

  func builtinValue(_ name: String) -> Value? {
    switch name {
    case "torch", "nn": return .namespace(name == "nn" ? "torch.nn" : "torch")
    case "Tensor": return .tensorType
    case "Sequential": return .layerConstructor("Sequential")
    default: return catalog.kind(named: name) != nil ? .layerConstructor(name) : nil
    }
  }

  private func reportUndefined(_ name: String, range: SourceRange) {
    // Free dimensions such as `N` are not offered: replacing a name by a batch size is never
    // the intended fix.
    let candidates =
      scope.filter { !isFreeDimension($0.value.value) }.map(\.key) + catalog.names
      + ["Sequential", "nn", "torch"]
    var fixIts: [FixIt] = []
    var message = "'\(name)' is not defined"
    if name == "F" || name == "functional" {
      report(
        .undefinedName,
        "'\(name)' is not defined; torch.nn.functional is not part of the model language, so use "
          + "layers such as 'relu = nn.ReLU()' and apply them as 'y = relu(x)'",
        at: range)
      return
    }
    if let suggestion = closestNameWithinBudget(to: name, among: candidates) {
      message += "; did you mean '\(suggestion)'?"
      fixIts.append(
        FixIt(message: "replace with '\(suggestion)'", edits: [TextEdit(range: range, replacement: suggestion)]))
    }
    report(.undefinedName, message, at: range, fixIts: fixIts)
  }
}

/// Returns the candidate closest to `name` by edit distance, when it is close enough to be a typo: at
/// most a third of the name's length, and at least one edit.
func closestName(to name: String, among candidates: [String]) -> String? {
  guard name.unicodeScalars.count <= maxSuggestionLength else { return nil }
  let limit = max(1, name.count / 3)
  var best: (name: String, distance: Int)?
  for candidate in Set(candidates).sorted()
  where candidate != name && candidate.unicodeScalars.count <= maxSuggestionLength {
    let distance = editDistance(name, candidate, limit: limit)
    if distance <= limit, distance < (best?.distance ?? Int.max) {
      best = (candidate, distance)
    }
  }
  return best?.name
}

/// Returns the Levenshtein distance between two strings, or `limit + 1` when it is larger than `limit`.
func editDistance(_ lhs: String, _ rhs: String, limit: Int) -> Int {
  let a = Array(lhs.lowercased().unicodeScalars)
  let b = Array(rhs.lowercased().unicodeScalars)
  if abs(a.count - b.count) > limit { return limit + 1 }
  var previous = Array(0...b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...max(a.count, 1) where !a.isEmpty {
    current[0] = i
    for j in stride(from: 1, through: b.count, by: 1) {
      let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
      current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
    }
    swap(&previous, &current)
  }
  return a.isEmpty ? b.count : previous[b.count]
}
