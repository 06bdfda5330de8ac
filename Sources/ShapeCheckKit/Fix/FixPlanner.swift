import ShapeDiagnostics
import ShapeInference
import ShapeSource
import ShapeSymbolic

/// A fix-it chosen for `check --fix`, with the diagnostic it repairs.
public struct PlannedFix: Sendable {
  public var message: String
  public var location: SourceLocation
  public var edits: [TextEdit]
}

/// A fix-it that `check --fix` leaves to a person, with the reason.
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
          SkippedFix(message: fixIt.message, location: location, reason: "the file has a syntax error"))
        continue
      }
      if let reason = unsafeReason(diagnostic, fixIt: fixIt, in: analysis) {
        plan.skipped.append(SkippedFix(message: fixIt.message, location: location, reason: reason))
        plan.skipped += alternatives
        continue
      }
      let overlaps = plan.edits.contains { known in
        fixIt.edits.contains { SourceEditor.overlap(known, $0) }
      }
      if overlaps {
        plan.skipped.append(
          SkippedFix(message: fixIt.message, location: location, reason: "it overlaps an earlier fix"))
        continue
      }
      plan.applied.append(PlannedFix(message: fixIt.message, location: location, edits: fixIt.edits))
    }
    return plan
  }

  /// Returns why a diagnostic's main fix-it is not the single safe repair, or nil when it is.
  static func unsafeReason(_ diagnostic: Diagnostic, fixIt: FixIt, in analysis: ModelAnalysis)
    -> String?
  {
    guard diagnostic.code.id.hasPrefix("shape."), diagnostic.severity == .error else {
      return "only shape mismatches are repaired automatically"
    }
    guard let name = diagnostic.facts["argument"], let actual = diagnostic.facts["actual"],
      let value = Int(actual)
    else { return "the incoming size is not known" }
    let symbol = Symbol(name)
    guard let definition = analysis.definitions[symbol], fixIt.edits.count == 1,
      let edit = fixIt.edits.first, edit.range == definition.range, edit.replacement == String(value)
    else { return "it does not set one constant" }
    guard definition.isLiteral else { return "'\(name)' is not written as an integer literal" }
    let incoming = diagnostic.facts["formula"]
    let others = analysis.constraints.filter { constraint in
      let uses = constraint.expected.symbols.contains(symbol) || constraint.actual.symbols.contains(symbol)
      let isThis = constraint.expected == .symbol(symbol) && constraint.actual.description == incoming
      return uses && !isThis
    }
    guard others.isEmpty else { return "another layer requirement uses '\(name)'" }
    let asserted = analysis.assertedShapes.contains { assertion in
      (assertion.left + assertion.right).contains { $0.symbols.contains(symbol) }
    }
    guard !asserted else { return "an assert uses '\(name)'" }
    let dependents = analysis.definitions.contains { other, otherDefinition in
      other != symbol && otherDefinition.formula.symbols.contains(symbol)
    }
    guard !dependents else { return "another constant is written with '\(name)'" }
    return nil
  }
}
