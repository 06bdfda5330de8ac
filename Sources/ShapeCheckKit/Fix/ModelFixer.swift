import ShapeInference
import ShapeSource

/// A failure of `check --fix` or `--diff` on one file.
public enum FixFailure: Error, CustomStringConvertible {
  case input(InputError)
  case write(FileWriteError)

  public var description: String {
    switch self {
    case .input(let error): error.description
    case .write(let error): error.description
    }
  }
}

/// The outcome of fixing one file.
public struct FixResult: Sendable {
  public var plan: FixPlan
  public var originalBytes: [UInt8]
  /// The fixed bytes, or nil when no fix applies.
  public var fixedBytes: [UInt8]?
  public var analysisBefore: ModelAnalysis
  /// The analysis of the fixed bytes, or of the original when nothing was fixed.
  public var analysisAfter: ModelAnalysis

  /// Renders the fixes as a unified diff, which is empty when nothing changes.
  public func diff(path: String) -> String {
    fixedBytes.map { UnifiedDiff.render(old: originalBytes, new: $0, path: path) } ?? ""
  }
}

/// Plans the safe fixes of a model file and, when asked, writes them.
public enum ModelFixer {
  /// Reads and analyzes the file at `path`, plans its fixes and, when `write` is true and a
  /// fix applies, replaces the file through `writer`.
  ///
  /// The file is read a second time just before it is replaced; when its bytes changed in
  /// between, nothing is written.
  public static func fix(_ path: String, write: Bool, writer: AtomicFileWriter = AtomicFileWriter())
    throws(FixFailure) -> FixResult
  {
    let bytes: [UInt8]
    do { bytes = try FileReader.read(path, limit: ModelCheck.maxSourceBytes) } catch {
      throw .input(error)
    }
    let analysis = ModelCheck.analyze(SourceFile(path: path, bytes: bytes))
    let plan = FixPlanner.plan(analysis)
    guard !plan.hasSyntaxErrors, !plan.applied.isEmpty,
      let fixed = SourceEditor.apply(plan.edits, to: bytes)
    else {
      return FixResult(
        plan: plan, originalBytes: bytes, fixedBytes: nil, analysisBefore: analysis,
        analysisAfter: analysis)
    }
    if write {
      let current: [UInt8]
      do { current = try FileReader.read(path, limit: ModelCheck.maxSourceBytes) } catch {
        throw .input(error)
      }
      guard current == bytes else {
        throw .write(
          FileWriteError(path: path, reason: "the file changed while it was being fixed"))
      }
      do { try writer.replaceContents(of: path, with: fixed) } catch { throw .write(error) }
    }
    let after = ModelCheck.analyze(SourceFile(path: path, bytes: fixed))
    return FixResult(
      plan: plan, originalBytes: bytes, fixedBytes: fixed, analysisBefore: analysis,
      analysisAfter: after)
  }

  /// Lists each applied and each skipped fix on a line, in file order, such as
  /// `model.nn:9:34: fixed: change 'in_features' of 'linear_2' to 30`.
  public static func report(_ result: FixResult, path: String, applied verb: String) -> String {
    var entries: [(location: SourceLocation, text: String)] = []
    for fix in result.plan.applied {
      entries.append((fix.location, "\(verb): \(fix.message)"))
    }
    for fix in result.plan.skipped {
      entries.append((fix.location, "not applied: \(fix.message) (\(fix.reason))"))
    }
    // The index breaks ties, so entries at one place keep their order.
    let ordered = entries.enumerated().sorted { lhs, rhs in
      (lhs.element.location.offset, lhs.offset) < (rhs.element.location.offset, rhs.offset)
    }
    return ordered.map { _, entry in
      "\(path):\(entry.location.line):\(entry.location.column): \(entry.text)\n"
    }.joined()
  }
}
