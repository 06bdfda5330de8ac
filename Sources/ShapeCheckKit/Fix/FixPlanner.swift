import ShapeDiagnostics
import ShapeInference
import ShapeSource
import ShapeSymbolic

/// A fix-it chosen for `check --fix`, at the place of the diagnostic it repairs.
public struct PlannedFix: Sendable {
  public var message: String
  public var location: SourceLocation
  public var edits: [TextEdit]
}

/// A fix-it that `check --fix` leaves to a person, at its diagnostic's place, with the reason.
public struct SkippedFix: Sendable {
  public var message: String
  public var location: SourceLocation
  public var reason: String
}

/// The fixes to apply to one file and those left to a person.
public struct FixPlan: Sendable {
  public var applied: [PlannedFix] = []
  public var skipped: [SkippedFix] = []
  /// Whether the file has a syntax error, in which case nothing is applied.
  public var hasSyntaxErrors = false

  /// Every edit of the applied fixes.
  public var edits: [TextEdit] { applied.flatMap(\.edits) }
}

/// Chooses the fix-its that are the single safe repair of a shape mismatch: the consumer's
/// integer literal set to the value that flows into it, where no other requirement, assert or
/// constant uses the consumer.
public enum FixPlanner {
  /// Plans the fixes for an analyzed file.
  public static func plan(_ analysis: ModelAnalysis) -> FixPlan {
    var plan = FixPlan()
    plan.hasSyntaxErrors = analysis.diagnostics.contains {
      $0.code.id.hasPrefix("syntax.") && $0.severity == .error
    }
    let uses = ConstantUses(analysis)
    var kept = KeptEdits()
    for diagnostic in analysis.diagnostics {
      let location = analysis.source.location(of: diagnostic.range.start)
      let alternatives = diagnostic.notes.flatMap(\.fixIts).map {
        SkippedFix(message: $0.message, location: location, reason: "an alternative repair")
      }
      guard let fixIt = diagnostic.fixIts.first else {
        plan.skipped += alternatives
        continue
      }
      if plan.hasSyntaxErrors {
        plan.skipped.append(
          SkippedFix(
            message: fixIt.message, location: location, reason: "the file has a syntax error"))
        continue
      }
      if let reason = unsafeReason(diagnostic, fixIt: fixIt, in: analysis, uses: uses) {
        plan.skipped.append(SkippedFix(message: fixIt.message, location: location, reason: reason))
        plan.skipped += alternatives
        continue
      }
      guard kept.insert(fixIt.edits) else {
        plan.skipped.append(
          SkippedFix(
            message: fixIt.message, location: location, reason: "it overlaps an earlier fix"))
        continue
      }
      plan.applied.append(
        PlannedFix(message: fixIt.message, location: location, edits: fixIt.edits))
    }
    return plan
  }

  /// Returns why a diagnostic's main fix-it is not the single safe repair, or nil when it is.
  static func unsafeReason(
    _ diagnostic: Diagnostic, fixIt: FixIt, in analysis: ModelAnalysis, uses: ConstantUses
  ) -> String? {
    guard diagnostic.code.id.hasPrefix("shape."), diagnostic.severity == .error else {
      return "only shape mismatches are repaired automatically"
    }
    guard let name = diagnostic.facts["argument"], let actual = diagnostic.facts["actual"],
      let value = Int(actual)
    else { return "the incoming size is not known" }
    let symbol = Symbol(name)
    guard let definition = analysis.definitions[symbol], fixIt.edits.count == 1,
      let edit = fixIt.edits.first, edit.range == definition.range,
      edit.replacement == String(value)
    else { return "it does not set one constant" }
    guard definition.isLiteral else { return "'\(name)' is not written as an integer literal" }
    let requirements = uses.requirements[symbol] ?? []
    let this = ConstantUses.key(
      expected: Dim.symbol(symbol), actual: diagnostic.facts["formula"] ?? "")
    guard requirements.subtracting([this]).isEmpty else {
      return "another layer requirement uses '\(name)'"
    }
    guard !uses.asserted.contains(symbol) else { return "an assert uses '\(name)'" }
    guard !uses.writtenWith.contains(symbol) else {
      return "another constant is written with '\(name)'"
    }
    return nil
  }
}

/// The places that use each constant, collected once per file so that planning stays linear
/// in the number of diagnostics.
struct ConstantUses {
  /// For each symbol, the layer requirements that mention it, as `expected|actual` texts, so
  /// that one layer applied twice to the same dimension counts once.
  var requirements: [Symbol: Set<String>] = [:]
  /// The symbols that an `assert` mentions.
  var asserted: Set<Symbol> = []
  /// The symbols that other constants are written with.
  var writtenWith: Set<Symbol> = []

  init(_ analysis: ModelAnalysis) {
    for constraint in analysis.constraints {
      let key = Self.key(expected: constraint.expected, actual: constraint.actual.description)
      for symbol in constraint.expected.symbols.union(constraint.actual.symbols) {
        requirements[symbol, default: []].insert(key)
      }
    }
    for assertion in analysis.assertedShapes {
      for dim in assertion.left + assertion.right { asserted.formUnion(dim.symbols) }
    }
    for (symbol, definition) in analysis.definitions {
      writtenWith.formUnion(definition.formula.symbols.subtracting([symbol]))
    }
  }

  static func key(expected: Dim, actual: String) -> String {
    "\(expected)|\(actual)"
  }
}

/// The edits kept so far, sorted by start, for finding an overlap by binary search.
struct KeptEdits {
  private var edits: [TextEdit] = []

  /// Adds the edits and returns true, or returns false and adds nothing when one of them
  /// overlaps a kept edit or another of them.
  mutating func insert(_ new: [TextEdit]) -> Bool {
    for (index, edit) in new.enumerated() {
      if new[..<index].contains(where: { SourceEditor.overlap($0, edit) }) { return false }
      let position = insertionIndex(edit)
      let neighbors = [position - 1, position].filter { edits.indices.contains($0) }
      if neighbors.contains(where: { SourceEditor.overlap(edits[$0], edit) }) { return false }
    }
    for edit in new { edits.insert(edit, at: insertionIndex(edit)) }
    return true
  }

  /// Returns the index of the first kept edit whose range comes after `edit`'s, ordered by
  /// start and then end.
  private func insertionIndex(_ edit: TextEdit) -> Int {
    var low = 0
    var high = edits.count
    while low < high {
      let middle = (low + high) / 2
      if edits[middle].range < edit.range { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
