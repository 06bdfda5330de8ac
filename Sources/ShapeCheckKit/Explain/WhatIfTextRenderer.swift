/// Renders the consequences of `--what-if` changes as text.
public enum WhatIfTextRenderer {
  /// Renders the requested changes, the changes they require, the remaining errors, and the
  /// shapes and parameter count that change.
  public static func render(_ outcome: WhatIfOutcome, path: String) -> String {
    let writer = SectionWriter(path: path)
    var output = "what if, in \(path)\n"
    output += writer.section(
      "requested changes",
      outcome.changes.map { change in
        let values = "\(change.oldValue) → \(change.newValue)"
        return "\(change.name): \(values)  \(writer.place(change.location))"
      })
    if !outcome.unappliedRequests.isEmpty {
      output += writer.section(
        "requested changes that cannot be made",
        outcome.unappliedRequests.map { "\($0): its value is not written as an integer literal" })
    }
    let required = outcome.requiredChanges.map { change in
      let values = "must become \(change.newValue) (now \(change.oldValue))"
      return "\(change.name) \(values)  \(writer.place(change.location))"
    }
    let nothing =
      outcome.remainingProblems.isEmpty
      ? "nothing: the change causes no new mismatch"
      : "no other constant can repair the problems below"
    output += writer.section("what else must change", required.isEmpty ? [nothing] : required)
    if !outcome.remainingProblems.isEmpty {
      output += writer.section(
        "problems that remain after these changes",
        outcome.remainingProblems.map { "\(path):\($0)" })
    }
    let notComputed = "not computed, since a layer on its path is not built"
    let notBuilt = "not built, since its arguments have errors or use a layer that is not built"
    output += writer.section(
      "changed activations", outcome.activationChanges.map { line($0, missing: notComputed) })
    output += writer.section(
      "changed parameters", outcome.parameterChanges.map { line($0, missing: notBuilt) })
    let before = outcome.parameterCountBefore.map(groupedDigits) ?? "unknown"
    let after = outcome.parameterCountAfter.map(groupedDigits) ?? "unknown"
    output += "\ntotal parameters: \(before) → \(after)\n"
    return output
  }

  /// Formats one change, with `missing` in place of a shape that one of the models lacks.
  private static func line(_ change: ShapeChange, missing: String) -> String {
    "\(change.name): \(change.before ?? missing) → \(change.after ?? missing)"
  }
}
