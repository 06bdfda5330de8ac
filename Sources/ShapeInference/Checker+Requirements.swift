import ShapeDiagnostics
import ShapeLayers
import ShapeSource
import ShapeSymbolic

extension Checker {
  /// Decides one equality between a layer constant and an incoming dimension: by value when
  /// both have values, else by formula, and reports a mismatch with both sides and the fixes.
  func check(_ requirement: DimRequirement, layer: LayerInstance, input: TensorValue, callRange: SourceRange) {
    guard input.shape.indices.contains(requirement.inputAxis) else { return }
    let incoming = input.shape[requirement.inputAxis]
    // A value that overflows is an error of its own. Treated as unknown, it would pass as a
    // check that depends on a free dimension.
    let expectedValue: Int?
    let actualValue: Int?
    do {
      expectedValue = try requirement.expected.evaluated(bindings)
    } catch {
      reportEvaluationFailure(
        error, of: "'\(layer.name).\(requirement.argument)' = \(requirement.expected)",
        at: layer.range(of: requirement.argument), note: inputNote(input, callRange: callRange, layer: layer))
      return
    }
    do {
      actualValue = try incoming.formula.evaluated(bindings)
    } catch {
      reportEvaluationFailure(
        error, of: "the incoming \(requirement.meaning) \(incoming.formula)", at: callRange,
        note: inputNote(input, callRange: callRange, layer: layer))
      return
    }
    let decision: Decision
    if let expectedValue, let actualValue {
      decision = expectedValue == actualValue ? .yes : .no
    } else {
      decision = requirement.expected.isEqual(to: incoming.formula)
    }
    constraints.append(
      ShapeConstraint(
        layerName: layer.name, argument: requirement.argument, expected: requirement.expected,
        actual: incoming.formula, meaning: requirement.meaning, range: layer.range(of: requirement.argument),
        isSatisfied: decision == .yes, inputTensorID: input.id))
    switch decision {
    case .yes:
      recordEquality(requirement.expected, incoming.formula)
    case .no:
      reportMismatch(
        requirement, layer: layer, incoming: incoming, expectedValue: expectedValue, actualValue: actualValue,
        input: input, callRange: callRange)
    case .unknown:
      if let expectedValue, let range = equalityRange(of: incoming.formula, equalTo: expectedValue) {
        reportConditional(requirement, range: range, layer: layer, incoming: incoming, input: input, callRange: callRange)
        return
      }
      var notes = [inputNote(input, callRange: callRange, layer: layer)]
      if let expectedValue, let example = commonValue(in: incoming.formula, equalTo: expectedValue) {
        let names = example.symbols.map(\.name).joined(separator: " = ")
        notes.insert(Note(message: "it equals \(expectedValue) when \(names) = \(example.value), for example"), at: 0)
      }
      report(
        .undecidedCheck,
        "cannot decide whether '\(layer.name).\(requirement.argument)' = \(expectedValue.map(String.init) ?? requirement.expected.description) equals the incoming \(requirement.meaning) \(Checker.substitutingConstants(in: incoming.formula, bindings: bindings)); it depends on a free dimension",
        at: layer.range(of: requirement.argument), notes: notes)
    }
  }

  private func reportEvaluationFailure(_ error: SymbolicError, of subject: String, at range: SourceRange, note: Note) {
    switch error {
    case .divisionByZero:
      report(.divisionByZero, "\(subject) divides by zero for the current constants", at: range, notes: [note])
    case .overflow, .tooComplex:
      report(.arithmeticOverflow, "\(subject) overflows 64-bit integers for the current constants", at: range, notes: [note])
    }
  }

  private func recordEquality(_ expected: Dim, _ incoming: Dim) {
    guard expected.symbols.count == 1, let symbol = expected.symbols.first, expected == .symbol(symbol),
      !incoming.symbols.contains(symbol), equalities[symbol] == nil
    else { return }
    equalities[symbol] = incoming
  }

  // swiftlint:disable:next function_parameter_count
  private func reportMismatch(
    _ requirement: DimRequirement, layer: LayerInstance, incoming: ShapeDim, expectedValue: Int?,
    actualValue: Int?, input: TensorValue, callRange: SourceRange
  ) {
    let expectedText = expectedValue.map(String.init) ?? requirement.expected.description
    let actualText = actualValue.map(String.init) ?? incoming.formula.description
    let argumentRange = layer.range(of: requirement.argument)
    var message =
      "'\(layer.name).\(requirement.argument)' is \(expectedText), but '\(layer.name)' receives \(actualText) \(requirement.meaning)"
    // A computed size lists its derivation in notes instead of its long formula.
    if incoming.formula.constantValue == nil, actualValue != nil, incoming.origin?.derivation.isEmpty ?? true {
      message += " (\(incoming.formula))"
    }
    var notes: [Note] = []
    if let origin = incoming.origin {
      notes.append(producerNote(origin, actualText: actualText, expectedValue: expectedValue))
      notes.append(contentsOf: derivationNotes(origin))
    }
    if let noOp = input.noOp {
      let edit = argumentEdit(noOp.layer, argument: noOp.remark.argument, value: noOp.remark.suggestedValue)
      let fixIts = edit.map {
        [FixIt(message: "set '\(noOp.remark.argument)=\(noOp.remark.suggestedValue)' on '\(noOp.layer.name)'", edits: [$0])]
      }
      notes.append(Note(message: noOp.remark.explanation, range: noOp.layer.callRange, fixIts: fixIts ?? []))
    }
    notes.append(inputNote(input, callRange: callRange, layer: layer))
    var fixIts: [FixIt] = []
    // After a layer that changed nothing, resizing the consumer would hide the real mistake.
    // A requirement on a formula of the argument, such as the product of Unflatten's sizes,
    // has no single value to write.
    if let actualValue, input.noOp == nil, layer.argumentRanges[requirement.argument] != nil,
      requirement.expected == .symbol(layer.symbol(requirement.argument))
    {
      fixIts.append(
        FixIt(
          message: "change '\(requirement.argument)' of '\(layer.name)' to \(actualValue)",
          edits: [TextEdit(range: argumentRange, replacement: String(actualValue))]))
    }
    report(
      requirement.code, message, at: argumentRange, notes: notes, fixIts: fixIts,
      facts: [
        "expected": expectedText, "actual": actualText, "formula": incoming.formula.description,
        "argument": "\(layer.name).\(requirement.argument)",
      ])
  }

  /// Builds a note at the constant that produced the incoming dimension, with the fix that changes
  /// that constant instead, when it is a literal that one edit can change.
  private func producerNote(_ origin: DimOrigin, actualText: String, expectedValue: Int?) -> Note {
    var fixIts: [FixIt] = []
    if let symbol = origin.symbol, let expectedValue, let definition = definitions[symbol], definition.isLiteral {
      fixIts.append(
        FixIt(
          message: "or change '\(symbol.name)' to \(expectedValue)",
          edits: [TextEdit(range: definition.range, replacement: String(expectedValue))]))
    }
    return Note(message: "the \(actualText) comes from \(origin.description) here", range: origin.range, fixIts: fixIts)
  }

  /// Reports an equality that holds only for some values of one free dimension, or for none.
  // swiftlint:disable:next function_parameter_count
  private func reportConditional(
    _ requirement: DimRequirement, range: FreeRange, layer: LayerInstance, incoming: ShapeDim,
    input: TensorValue, callRange: SourceRange
  ) {
    let constant = "'\(layer.name).\(requirement.argument)'"
    let value = (try? requirement.expected.evaluated(bindings)).flatMap { $0 }.map(String.init) ?? "\(requirement.expected)"
    var notes = incoming.origin.map { derivationNotes($0) } ?? []
    notes.append(inputNote(input, callRange: callRange, layer: layer))
    guard range.lower != nil else {
      report(
        requirement.code,
        "\(constant) is \(value), but the \(requirement.meaning) that '\(layer.name)' receives "
          + "are \(value) for no value of \(range.symbol.name)",
        at: layer.range(of: requirement.argument), notes: notes)
      return
    }
    report(
      .conditionalShape,
      "\(constant) is \(value), which equals the \(requirement.meaning) that '\(layer.name)' "
        + "receives only when \(range.description)",
      at: layer.range(of: requirement.argument), notes: notes,
      facts: ["symbol": range.symbol.name, "range": range.description])
  }

  /// Makes one note per step of a computed size, such as `'pool_1' maps 28 to 14: …`.
  func derivationNotes(_ origin: DimOrigin) -> [Note] {
    origin.derivation.map { Note(message: $0) }
  }
}
