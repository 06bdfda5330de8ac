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
  /// by a batch size is never the intended fix. Names are only ever added to the scope, so
  /// the list is kept until the scope grows.
  private func suggestionCandidates() -> [SuggestionCandidate] {
    if let cached = cachedSuggestionCandidates, cached.scopeCount == scope.count {
      return cached.candidates
    }
    var names: [String] = []
    names.reserveCapacity(scope.count + catalog.names.count + 3)
    for (name, binding) in scope where !isFreeDimension(binding.value) {
      names.append(name)
    }
    let candidates = (names + catalog.names + Self.suggestedBuiltins).map(SuggestionCandidate.init)
    cachedSuggestionCandidates = (scope.count, candidates)
    return candidates
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
