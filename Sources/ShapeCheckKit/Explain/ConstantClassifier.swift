import ShapeInference
import ShapeLayers
import ShapeSymbolic

/// Sorts the shape constants of a model into groups that must change together, by union-find
/// over the symbols that each layer requirement, each asserted equality and each named
/// constant's use connects, and decides each group's role.
struct ConstantClassifier {
  let analysis: ModelAnalysis
  let inputs: InputTracer
  /// Every constant symbol, in file order; the union-find works on indexes into this list.
  private let symbols: [Symbol]
  private let indexes: [Symbol: Int]
  private var parents: [Int]
  private var ties: [(symbol: Symbol, tie: ConstantTie, sides: (Dim, Dim))] = []
  /// The texts of the recorded ties, to record each tie once.
  private var tieKeys: Set<String> = []
  /// The written formula of every constant that is written with other constants.
  private let writtenFormulas: [Symbol: Dim]
  private var inputBound: Set<Symbol> = []
  private var outputBound: Set<Symbol> = []
  /// The divisibility rules that limit a constant's values, by the constant they limit.
  private var ruleTies: [(symbol: Symbol, tie: ConstantTie, sides: (multiple: Dim, divisor: Dim))] = []

  init(analysis: ModelAnalysis) {
    self.analysis = analysis
    self.inputs = InputTracer(analysis: analysis)
    let writtenSymbols = Self.writtenSymbols(in: analysis)
    symbols = writtenSymbols.sorted { lhs, rhs in
      let left = analysis.definitions[lhs]?.range.start ?? 0
      let right = analysis.definitions[rhs]?.range.start ?? 0
      return (left, lhs.name) < (right, rhs.name)
    }
    var indexes: [Symbol: Int] = [:]
    for (index, symbol) in symbols.enumerated() { indexes[symbol] = index }
    self.indexes = indexes
    parents = Array(symbols.indices)
    var written: [Symbol: Dim] = [:]
    for (symbol, definition) in analysis.definitions where !definition.formula.symbols.isEmpty {
      written[symbol] = definition.formula
    }
    writtenFormulas = written
  }

  /// Returns the constants that the file writes: named constants and written layer arguments.
  /// An omitted argument, such as a default stride, enters formulas as its value, so no tie
  /// could name it and it would wrongly look free.
  private static func writtenSymbols(in analysis: ModelAnalysis) -> [Symbol] {
    let layers = Dictionary(analysis.layers.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    return analysis.definitions.compactMap { symbol, definition in
      guard let layerName = definition.layerName, let layer = layers[layerName] else { return symbol }
      let argument = SourceEditor.argumentAndElement(of: symbol.name, layerName: layerName).argument
      return layer.argumentRanges[argument] == nil ? nil : symbol
    }
  }

  /// Returns the groups in file order of their first member.
  mutating func classify() -> [ConstantGroup] {
    connectDefinitions()
    for constraint in analysis.constraints { connect(constraint) }
    for assertion in analysis.assertedShapes { connect(assertion) }
    for layer in analysis.layers { connectRules(of: layer) }
    return buildGroups()
  }

  // MARK: - Union-find

  private mutating func root(_ index: Int) -> Int {
    var current = index
    while parents[current] != current { current = parents[current] }
    var walker = index
    while parents[walker] != current {
      let next = parents[walker]
      parents[walker] = current
      walker = next
    }
    return current
  }

  private mutating func union(_ members: [Symbol]) {
    let found = members.compactMap { indexes[$0] }
    guard let first = found.first else { return }
    for other in found.dropFirst() {
      let a = root(first)
      let b = root(other)
      if a != b { parents[b] = a }
    }
  }

  /// Returns the constant symbols of a formula, leaving out free dimensions such as `N`.
  private func constants(in dim: Dim) -> [Symbol] {
    dim.symbols.filter { indexes[$0] != nil }.sorted()
  }

  // MARK: - Edges

  /// Ties each constant to the named constants its value is written with, such as
  /// `linear_2.in_features` to `hidden` for `nn.Linear(hidden, 10)`.
  ///
  /// NOTE: the checker records each element of a tuple argument with its value, not with the
  /// formula it was written as, so `side` in `nn.Unflatten(0, (side, side))` is not joined with
  /// the elements and is reported as free.
  private mutating func connectDefinitions() {
    for symbol in symbols {
      guard let definition = analysis.definitions[symbol] else { continue }
      union([symbol] + constants(in: definition.formula))
    }
  }

  private mutating func connect(_ constraint: ShapeConstraint) {
    let members = constants(in: constraint.expected) + constants(in: constraint.actual)
    guard let first = members.first else { return }
    union(members)
    let reachesInput = isInputDerived(constraint.actual)
    let tie = ConstantTie(
      expected: constraint.expected.description, actual: constraint.actual.description,
      expectedValue: analysis.value(of: constraint.expected),
      actualValue: analysis.value(of: constraint.actual), isSatisfied: constraint.isSatisfied,
      reason: "'\(constraint.layerName)' receives \(constraint.actual) \(constraint.meaning)",
      location: analysis.source.location(of: constraint.range.start),
      input: reachesInput ? inputs.input(feeding: constraint.inputTensorID) : nil)
    appendTie(tie, symbol: first, sides: (constraint.expected, constraint.actual))
    if reachesInput { inputBound.insert(first) }
  }

  /// Ties the constants of an asserted equality, dimension by dimension: to each other, or to
  /// the output when the other side is a literal.
  private mutating func connect(_ assertion: AssertedShape) {
    guard assertion.left.count == assertion.right.count else { return }
    for (left, right) in zip(assertion.left, assertion.right) where left != right {
      let members = constants(in: left) + constants(in: right)
      guard let first = members.first else { continue }
      union(members)
      let isLiteral = left.constantValue != nil || right.constantValue != nil
      let location = analysis.source.location(of: assertion.range.start)
      let tie = ConstantTie(
        expected: left.description, actual: right.description,
        expectedValue: analysis.value(of: left), actualValue: analysis.value(of: right),
        isSatisfied: analysis.value(of: left) == analysis.value(of: right),
        reason: "the assert at line \(location.line)", location: location, input: nil)
      appendTie(tie, symbol: first, sides: (left, right))
      if isLiteral { outputBound.insert(first) }
    }
  }

  /// Records the divisibility rules of a layer whose divisor is written. The divisor cannot
  /// take every value, and while it is above 1 neither can the multiples. A rule does not join
  /// groups: a multiple may still change alone to another multiple of the divisor.
  private mutating func connectRules(of layer: LayerInstance) {
    for rule in layer.kind.divisibilityRules(of: layer) {
      let divisor = layer.symbol(rule.divisor)
      guard indexes[divisor] != nil, let divisorValue = analysis.bindings[divisor], divisorValue > 0
      else { continue }
      let range = analysis.definitions[divisor]?.range ?? layer.callRange
      for argument in rule.multiples {
        let multiple = layer.symbol(argument)
        guard let multipleValue = analysis.bindings[multiple] else { continue }
        let remainder = multipleValue % divisorValue
        let tie = ConstantTie(
          expected: "\(multiple.name) % \(divisor.name)", actual: "0", expectedValue: remainder,
          actualValue: 0, isSatisfied: remainder == 0, reason: rule.reason,
          location: analysis.source.location(of: range.start), input: nil)
        let sides = (Dim.symbol(multiple), Dim.symbol(divisor))
        ruleTies.append((divisor, tie, sides))
        if divisorValue > 1, indexes[multiple] != nil {
          ruleTies.append((multiple, tie, sides))
        }
      }
    }
  }

  /// Records a tie once; a layer applied both directly and inside a Sequential meets the same
  /// requirement twice.
  private mutating func appendTie(_ tie: ConstantTie, symbol: Symbol, sides: (Dim, Dim)) {
    let key = "\(tie.expected)|\(tie.actual)|\(tie.location.offset)|\(tie.reason)"
    if tieKeys.insert(key).inserted { ties.append((symbol, tie, sides)) }
  }

  /// Decides whether an incoming dimension carries a part of a declared input: a literal, a free
  /// dimension or a named constant of the declaration, rather than only layer constants.
  ///
  /// Layer outputs are made of layer-constant symbols, so after setting every layer constant
  /// to 1 a dimension that came from layers alone reduces to 1.
  private func isInputDerived(_ dim: Dim) -> Bool {
    let layerSymbols = dim.symbols.filter { analysis.definitions[$0]?.layerName != nil }
    if layerSymbols.isEmpty { return true }
    var ones: [Symbol: Dim] = [:]
    for symbol in layerSymbols { ones[symbol] = Dim(1) }
    guard let reduced = try? dim.substituting(ones) else { return true }
    return reduced != Dim(1)
  }

  // MARK: - Groups

  private mutating func buildGroups() -> [ConstantGroup] {
    var order: [Int] = []
    var membersByRoot: [Int: [Symbol]] = [:]
    for (index, symbol) in symbols.enumerated() {
      let groupRoot = root(index)
      if membersByRoot[groupRoot] == nil { order.append(groupRoot) }
      membersByRoot[groupRoot, default: []].append(symbol)
    }
    var tiesByRoot: [Int: [ConstantTie]] = [:]
    var brokenByNamedChange: Set<Int> = []
    for (symbol, tie, sides) in ties {
      guard let index = indexes[symbol] else { continue }
      tiesByRoot[root(index), default: []].append(tie)
      if !holdsForAnyNamedValue(sides.0, sides.1) { brokenByNamedChange.insert(root(index)) }
    }
    var ruleTiesByRoot: [Int: [ConstantTie]] = [:]
    var ruleKeys: Set<String> = []
    for (symbol, tie, sides) in ruleTies {
      guard let index = indexes[symbol] else { continue }
      let groupRoot = root(index)
      if ruleKeys.insert("\(groupRoot)|\(tie.expected)").inserted {
        ruleTiesByRoot[groupRoot, default: []].append(tie)
      }
      if !dividesForAnyNamedValue(sides.multiple, by: sides.divisor) {
        brokenByNamedChange.insert(groupRoot)
      }
    }
    let inputRoots = Set(inputBound.compactMap { indexes[$0] }.map { root($0) })
    let outputRoots = Set(outputBound.compactMap { indexes[$0] }.map { root($0) })
    let effects = ChangeEffectFinder(analysis: analysis)
    return order.map { groupRoot in
      let members = membersByRoot[groupRoot] ?? []
      let groupTies = tiesByRoot[groupRoot] ?? []
      let role: ConstantRole
      if inputRoots.contains(groupRoot) {
        role = .boundToInput
      } else if outputRoots.contains(groupRoot) {
        role = .boundToOutput
      } else if !groupTies.isEmpty {
        role = .changeTogether
      } else if ruleTiesByRoot[groupRoot] != nil {
        role = .limited
      } else if members.allSatisfy({ analysis.bindings[$0] == -1 && $0.name.hasSuffix("]") }) {
        role = .inferred
      } else {
        role = .free
      }
      let hasNamed = members.contains { analysis.definitions[$0]?.layerName == nil }
      return ConstantGroup(
        role: role, members: members.map(shapeConstant),
        ties: groupTies + (ruleTiesByRoot[groupRoot] ?? []),
        followsNamedConstants: hasNamed && !brokenByNamedChange.contains(groupRoot),
        effect: role == .free || role == .limited ? effects.effect(of: Set(members)) : nil)
    }
  }

  /// Decides whether `left` = `right` as formulas once every constant written with named
  /// constants is replaced by its written formula. Then the equality is true for any values of
  /// those named constants.
  private func holdsForAnyNamedValue(_ left: Dim, _ right: Dim) -> Bool {
    guard let left = expandedWritten(left), let right = expandedWritten(right) else { return false }
    return left == right
  }

  /// Decides whether `divisor` divides `multiple` for any values of the named constants, once
  /// every constant written with named constants is replaced by its written formula, as `c`
  /// divides `2 * c`. Two cases are decided exactly, and the rest count as not dividing:
  /// - a divisor that is one symbol `s` divides a polynomial that is 0 when `s` is 0;
  /// - a constant divisor `d` divides a polynomial whose value is a multiple of `d` for every
  ///   residue of its symbols modulo `d`, since the value modulo `d` depends only on those.
  private func dividesForAnyNamedValue(_ multiple: Dim, by divisor: Dim) -> Bool {
    guard let multiple = expandedWritten(multiple).flatMap(withLayerLiterals),
      let divisor = expandedWritten(divisor).flatMap(withLayerLiterals), multiple.floorDepth == 0
    else { return false }
    if let symbol = divisor.symbols.first, divisor.symbols.count == 1, divisor == .symbol(symbol) {
      return (try? multiple.substituting([symbol: .zero])) == .zero
    }
    guard let modulus = divisor.constantValue, modulus > 0 else { return false }
    return isMultipleForEveryResidue(multiple, of: modulus)
  }

  /// Replaces the layer constants left in an expanded formula, which are written as literals,
  /// by their values, so that only named constants remain.
  private func withLayerLiterals(_ dim: Dim) -> Dim? {
    var values: [Symbol: Dim] = [:]
    for symbol in dim.symbols where analysis.definitions[symbol]?.layerName != nil {
      guard let value = analysis.bindings[symbol] else { return nil }
      values[symbol] = Dim(value)
    }
    return try? dim.substituting(values)
  }

  /// The maximum number of residue combinations that `isMultipleForEveryResidue` tries.
  private static let maxResidueCombinations = 4_096

  private func isMultipleForEveryResidue(_ formula: Dim, of modulus: Int) -> Bool {
    guard modulus <= Self.maxResidueCombinations else { return false }
    let symbols = Array(formula.symbols)
    // Both factors stay at most `maxResidueCombinations`, so the product cannot overflow.
    var combinations = 1
    for _ in symbols {
      combinations *= modulus
      if combinations > Self.maxResidueCombinations { return false }
    }
    for combination in 0..<combinations {
      var values: [Symbol: Int] = [:]
      var rest = combination
      for symbol in symbols {
        values[symbol] = rest % modulus
        rest /= modulus
      }
      guard let value = (try? formula.evaluated(values)) ?? nil, value % modulus == 0 else {
        return false
      }
    }
    return true
  }

  /// Replaces every constant written with other constants by its written formula, level by
  /// level; nil when the arithmetic fails.
  private func expandedWritten(_ dim: Dim) -> Dim? {
    var current = dim
    // Each round replaces one level of constants; named constants defined with other named
    // constants need a round per level, and the bound stops a cycle.
    for _ in 0..<16 {
      guard let next = try? current.substituting(writtenFormulas) else { return nil }
      if next == current { break }
      current = next
    }
    return current
  }

  /// Returns the index in a tuple element's name, such as 1 in `unflatten.unflattened_size[1]`.
  private func elementIndex(_ name: String) -> Int? {
    guard let open = name.lastIndex(of: "["), name.hasSuffix("]") else { return nil }
    return Int(name[name.index(after: open)..<name.index(before: name.endIndex)])
  }

  private func shapeConstant(_ symbol: Symbol) -> ShapeConstant {
    let definition = analysis.definitions[symbol]
    let isElement = symbol.name.hasSuffix("]")
    var range = definition?.range ?? .at(0)
    if isElement, let index = elementIndex(symbol.name),
      let elements = SourceEditor.elementRanges(in: range, of: analysis.source),
      elements.indices.contains(index)
    {
      range = elements[index]
    }
    let value = definition?.value ?? 0
    let written = definition.map { constants(in: $0.formula) } ?? []
    let named = written.filter { analysis.definitions[$0]?.layerName == nil }
    return ShapeConstant(
      name: symbol.name, value: value, layerName: definition?.layerName,
      location: analysis.source.location(of: range.start),
      sourceText: isElement ? String(value) : analysis.source.text(in: range),
      namedConstants: named.map(\.name))
  }
}
