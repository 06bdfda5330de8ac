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

  /// Lists the names that an undefined name may be a typo of: every binding in scope, the layer
  /// classes, and the builtins. Free dimensions such as `N` are left out: replacing a name
  /// by a batch size is never the intended fix.
  private func suggestionCandidates() -> [String] {
    var names: [String] = []
    names.reserveCapacity(scope.count + catalog.names.count + 3)
    for (name, binding) in scope where !isFreeDimension(binding.value) {
      names.append(name)
    }
    return names + catalog.names + Self.suggestedBuiltins
  }

  /// The builtin names that suggestions offer besides the scope and the layer classes.
  static let suggestedBuiltins = ["Sequential", "nn", "torch"]

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
    // The budget is checked before the candidates are listed, because listing them copies the scope.
    if spendSuggestionBudget(scope.count + catalog.names.count + Self.suggestedBuiltins.count),
      let suggestion = closestName(to: name, among: suggestionCandidates())
    {
      message += "; did you mean '\(suggestion)'?"
      fixIts.append(
        FixIt(message: "replace with '\(suggestion)'", edits: [TextEdit(range: range, replacement: suggestion)]))
    }
    report(.undefinedName, message, at: range, fixIts: fixIts)
  }
}

/// Returns the candidate closest to `name` by edit distance ignoring case, when it is close
/// enough to be a typo. The limit is a third of the name's length, and at least one edit.
/// Names of one or two characters get only changes of case, because one edit reaches any
/// other short name. Ties go to the candidate closer with case, so `linaer` suggests the
/// layer `linear` over the class `Linear`, and then to the first in lexicographic order.
func closestName(to name: String, among candidates: [String]) -> String? {
  guard name.unicodeScalars.count <= maxSuggestionLength else { return nil }
  let target = Array(name.lowercased().unicodeScalars)
  let limit = name.count <= 2 ? 0 : max(1, name.count / 3)
  let exactTarget = Array(name.unicodeScalars)
  let nameIsASCII = name.utf8.allSatisfy { $0 < 0x80 }
  var best: (name: String, rank: SuggestionRank)?
  for candidate in candidates where candidate != name {
    // Lowercasing keeps the length of ASCII text, so two ASCII names whose lengths differ by
    // more than the limit are skipped before anything is allocated.
    if nameIsASCII, abs(candidate.utf8.count - target.count) > limit, candidate.utf8.allSatisfy({ $0 < 0x80 }) {
      continue
    }
    guard candidate.unicodeScalars.count <= maxSuggestionLength else { continue }
    let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars), limit: limit)
    guard distance <= limit else { continue }
    let rank = SuggestionRank(
      distance: distance,
      exactDistance: editDistance(exactTarget, Array(candidate.unicodeScalars), limit: maxSuggestionLength),
      name: candidate)
    if let current = best, current.rank <= rank {
      continue
    }
    best = (candidate, rank)
  }
  return best?.name
}

/// The order of suggestion candidates: the edit distance ignoring case, then the distance
/// with case, then the name.
private struct SuggestionRank: Comparable {
  var distance: Int
  var exactDistance: Int
  var name: String

  static func < (lhs: Self, rhs: Self) -> Bool {
    (lhs.distance, lhs.exactDistance, lhs.name) < (rhs.distance, rhs.exactDistance, rhs.name)
  }
}

/// Returns the Levenshtein distance between two scalar sequences, or `limit + 1` when it is
/// larger than `limit`. The rows of the distance table never decrease in their minimum, so
/// the search stops at the first row whose every entry is past the limit.
func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
  if abs(a.count - b.count) > limit { return limit + 1 }
  if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
  var previous = Array(0...b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    var rowMinimum = i
    for j in 1...b.count {
      let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
      current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      rowMinimum = min(rowMinimum, current[j])
    }
    if rowMinimum > limit { return limit + 1 }
    swap(&previous, &current)
  }
  return min(previous[b.count], limit + 1)
}
