import ShapeDiagnostics
import ShapeLayers
import ShapeSource
import ShapeSymbolic
import ShapeSyntax

/// Checks a parsed model file: resolves names, constructs layers, infers every shape
/// symbolically and reports what does not fit.
public enum ModelChecker {
  /// Analyzes `tree`, whose syntax diagnostics are kept in the result.
  ///
  /// - Complexity: linear in the number of statements and layer applications, apart from the
  ///   size of the formulas involved.
  public static func analyze(_ tree: SyntaxTree, catalog: LayerCatalog = .standard) -> ModelAnalysis {
    let checker = Checker(tree: tree, catalog: catalog)
    checker.run()
    return checker.result()
  }
}

/// One name in scope: its value and the statement that defined it.
struct Binding {
  var value: Value
  var range: SourceRange
  /// Whether a second assignment to the name is an error. Tensors may be rebound, as in
  /// `x = relu(x)`; layers, constants and inputs may not.
  var isFixed: Bool
}

/// The mutable state of one check. Not shared between threads.
final class Checker {
  let tree: SyntaxTree
  let catalog: LayerCatalog
  var source: SourceFile { tree.source }

  var scope: [String: Binding] = [:]
  /// Names assigned anywhere in the file, with the first assignment's range, so that a use
  /// before the definition can point at it.
  var laterDefinitions: [String: SourceRange] = [:]
  var diagnostics: [Diagnostic] = []
  var layers: [LayerInstance] = []
  var sequentials: [SequentialInstance] = []
  var activations: [ActivationRecord] = []
  var plan: [PlanStep] = []
  var bindings: [Symbol: Int] = [:]
  var definitions: [Symbol: SymbolDefinition] = [:]
  var constraints: [ShapeConstraint] = []
  var freeSymbols: [Symbol] = []
  var assertedShapes: [AssertedShape] = []
  /// Layer constants that a satisfied requirement ties to an incoming formula, such as
  /// `linear_2.in_features` to `linear_1.out_features`.
  var equalities: [Symbol: Dim] = [:]
  /// The largest lower bound that a window puts on each free dimension, with its warning.
  var freeBounds: [Symbol: (minimum: Int, diagnostic: Diagnostic)] = [:]
  var nextTensorID = 0
  var usedLayerNames: Set<String> = []
  /// Single layers run by the applications so far, against `CheckerLimits.maxLayerApplications`.
  var layerApplications = 0
  var isOverApplicationLimit = false
  /// Whether the error for passing `ModelChecker.maxLayers` is already reported.
  var layerLimitReported = false
  /// The candidate names that "did you mean" suggestions may still compare against; see
  /// `ModelChecker.maxSuggestionComparisons`.
  var suggestionBudget = ModelChecker.maxSuggestionComparisons
  /// The candidates of the last "did you mean" search for an undefined name, with the size
  /// of the scope they were listed from.
  var cachedSuggestionCandidates: (scopeCount: Int, candidates: [SuggestionCandidate])?

  init(tree: SyntaxTree, catalog: LayerCatalog) {
    self.tree = tree
    self.catalog = catalog
  }

  func run() {
    collectDefinitions()
    for statement in tree.statements {
      check(statement)
    }
    reportFreeBounds()
    reportEmptyModel()
  }

  /// Warns about a file that constructs no layer, such as an empty or truncated file, which
  /// would otherwise pass without a message. A file with errors already reports the fault.
  private func reportEmptyModel() {
    guard layers.isEmpty,
      !(tree.diagnostics + diagnostics).contains(where: { $0.severity == .error })
    else { return }
    report(
      .emptyModel, "the file constructs no layers, so there is nothing to check",
      at: .at(0),
      notes: [
        Note(message: "a model file constructs layers, such as 'linear_1 = nn.Linear(784, 30)', and applies them to an input declared as 'x: Tensor[784]'")
      ])
  }

  func result() -> ModelAnalysis {
    // A layer applied twice, directly and inside a Sequential, breaks the same constant twice;
    // the first report (in file order) is kept.
    var seen: Set<String> = []
    let unique = (tree.diagnostics + diagnostics).filter { diagnostic in
      seen.insert("\(diagnostic.code.id)|\(diagnostic.range.start)|\(diagnostic.range.end)|\(diagnostic.message)")
        .inserted
    }
    let all = unique.sorted { lhs, rhs in
      (lhs.range.start, lhs.range.end, lhs.code.id) < (rhs.range.start, rhs.range.end, rhs.code.id)
    }
    return ModelAnalysis(
      source: source, diagnostics: all, layers: layers, sequentials: sequentials,
      activations: activations, plan: plan, bindings: bindings, definitions: definitions,
      constraints: constraints, freeSymbols: freeSymbols, assertedShapes: assertedShapes)
  }

  // MARK: - Statements

  private func check(_ statement: Statement) {
    switch statement.kind {
    case .importStatement, .pass:
      return
    case .declaration(let name, let annotation, let value):
      declare(name: name, annotation: annotation, value: value, statement: statement)
    case .assignment(let target, let value):
      assign(target: target, value: value)
    case .assertion(let condition, _):
      checkAssertion(condition)
    case .expression(let expression):
      let value = evaluate(expression)
      if case .tensor(let tensor) = value, case .call = expression.kind {
        recordActivation(name: source.text(in: expression.range), tensor: tensor, expression: expression)
      }
    }
  }

  func assign(target: Identifier, value expression: Expression) {
    let value = evaluate(expression, nameHint: target.name)
    // A name whose value is unknown already has an error, and an unknown value may be a tensor,
    // so neither side of such a rebinding is reported again.
    if let existing = scope[target.name], !isUnknown(existing.value), existing.isFixed || !mayBeTensor(value) {
      report(
        .redefinedName,
        "'\(target.name)' is already defined; give this \(describeForRedefinition(value)) another name",
        at: target.range,
        notes: [Note(message: "'\(target.name)' was first defined here", range: existing.range)])
      return
    }
    var stored = value
    switch value {
    case .integer(let integer):
      stored = .integer(defineConstant(target, integer: integer, expression: expression))
    case .tensor(let tensor):
      recordActivation(name: target.name, tensor: tensor, expression: expression)
    default:
      break
    }
    scope[target.name] = Binding(value: stored, range: target.range, isFixed: !mayBeTensor(value))
  }

  private func mayBeTensor(_ value: Value) -> Bool {
    switch value {
    case .tensor, .unknown: true
    default: false
    }
  }

  private func isUnknown(_ value: Value) -> Bool {
    if case .unknown = value { return true }
    return false
  }

  private func describeForRedefinition(_ value: Value) -> String {
    switch value {
    case .layer: "layer"
    case .integer: "constant"
    case .tensor: "tensor"
    default: "value"
    }
  }

  /// Binds a named integer constant such as `hidden = 30` to a symbol of its own, so that
  /// formulas can name it.
  private func defineConstant(_ target: Identifier, integer: IntegerValue, expression: Expression)
    -> IntegerValue
  {
    guard let value = integer.value else { return integer }
    let symbol = Symbol(target.name)
    bindings[symbol] = value
    definitions[symbol] = SymbolDefinition(
      value: value, formula: integer.formula, range: expression.range,
      isLiteral: isIntegerLiteral(expression), layerName: nil)
    let origin = DimOrigin(description: "'\(target.name)'", range: expression.range, symbol: symbol)
    return IntegerValue(formula: .symbol(symbol), value: value, origin: origin)
  }

  func isIntegerLiteral(_ expression: Expression) -> Bool {
    if case .integer = expression.kind { return true }
    return false
  }

  // MARK: - Activations

  func newTensorID() -> Int {
    defer { nextTensorID += 1 }
    return nextTensorID
  }

  /// Records a tensor under a name. An applied Sequential was already recorded under its call's
  /// text, with its steps; naming it renames that record.
  func recordActivation(name: String, tensor: TensorValue, expression: Expression) {
    if let last = activations.indices.last, activations[last].tensorID == tensor.id,
      !activations[last].steps.isEmpty, activations[last].name == source.text(in: expression.range)
    {
      activations[last].name = name
      return
    }
    activations.append(
      ActivationRecord(
        name: name, producer: producers[tensor.id] ?? "input", shape: tensor.shape,
        range: expression.range, steps: [], tensorID: tensor.id))
  }

  /// The layer or Sequential that produced each tensor, by tensor identifier.
  var producers: [Int: String] = [:]

  // MARK: - Reporting

  func report(
    _ code: DiagnosticCode, _ message: String, at range: SourceRange, notes: [Note] = [],
    fixIts: [FixIt] = [], facts: [String: String] = [:]
  ) {
    diagnostics.append(
      Diagnostic(code: code, message: message, range: range, notes: notes, fixIts: fixIts, facts: facts))
  }
}
