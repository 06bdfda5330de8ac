import Dispatch
import Foundation
import ShapeDiagnostics
import ShapeSource

/// The command-line settings of `check` that override `.shapecheck.json`.
public struct CheckOptions: Sendable {
  /// Patterns a file found in a folder must match, if any are given.
  public var includes: [GlobPattern] = []
  /// Patterns that skip a file or folder found in a folder.
  public var excludes: [GlobPattern] = []
  /// Overrides the configuration's `warningsAsErrors` when not nil.
  public var warningsAsErrors: Bool?
  /// Codes to drop in addition to the configuration's `disabledCodes`.
  public var disabledCodes: Set<String> = []
  /// Whether `.shapecheck.json` files are looked for.
  public var readsConfiguration = true
  /// A safetensors file whose tensor shapes are compared with each model's parameters.
  public var weightsPath: String?

  public init() {}
}

/// `check` over many files: collects the model files, finds each one's configuration, checks
/// the files in parallel and returns the results in a stable order.
public enum BatchCheck {
  /// Checks the files and folders in `paths`.
  public static func run(_ paths: [String], options: CheckOptions) -> CheckRun {
    let collector = ModelFileCollector(includes: options.includes, excludes: options.excludes)
    let (files, collectionFailures) = collector.collect(paths)
    var failures = collectionFailures

    var finder = ConfigurationFinder()
    var jobs: [(path: String, configuration: Configuration)] = []
    var unchecked = 0
    for file in files {
      guard options.readsConfiguration else {
        jobs.append((file, Configuration()))
        continue
      }
      switch finder.configuration(forFileAt: file) {
      case .success(let configuration):
        jobs.append((file, configuration))
      case .failure(let error):
        let failure = InputFailure(error, path: error.path)
        if !failures.contains(failure) { failures.append(failure) }
        unchecked += 1
      }
    }

    let outcomes = checkInParallel(jobs, options: options)
    var checked: [CheckedFile] = []
    for outcome in outcomes {
      switch outcome {
      case .success(let file): checked.append(file)
      case .failure(let failure):
        failures.append(failure)
        unchecked += 1
      }
    }
    let format = options.readsConfiguration ? configuredFormat(paths.first, finder: &finder) : nil
    return CheckRun(
      files: checked, failures: failures, uncheckedCount: unchecked, configuredFormat: format)
  }

  /// Runs `check(_:configuration:options:)` for every job on all cores; the results keep the
  /// order of `jobs`.
  private static func checkInParallel(
    _ jobs: [(path: String, configuration: Configuration)], options: CheckOptions
  ) -> [Result<CheckedFile, InputFailure>] {
    let slots = ResultSlots<Result<CheckedFile, InputFailure>>(count: jobs.count)
    DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
      let job = jobs[index]
      slots.store(check(job.path, configuration: job.configuration, options: options), at: index)
    }
    return slots.values()
  }

  /// Reads, parses and analyzes one file, then applies its suppressions and disabled codes.
  static func check(
    _ path: String, configuration: Configuration, options: CheckOptions
  ) -> Result<CheckedFile, InputFailure> {
    let bytes: [UInt8]
    do {
      bytes = try FileReader.read(path, limit: ModelCheck.maxSourceBytes)
    } catch {
      return .failure(InputFailure(error, path: path))
    }
    let source = SourceFile(path: path, bytes: bytes)
    let disabled = configuration.disabledCodes.union(options.disabledCodes)
    let analysis = ModelCheck.analyze(source)
    var all = analysis.diagnostics
    if let weights = options.weightsPath, !analysis.hasErrors {
      do {
        all += try WeightsLoading.matcher(path: weights, analysis: analysis).diagnostics()
      } catch {
        // The weights file's errors already start with its path.
        guard case .input(let cause) = error else {
          return .failure(InputFailure(path: weights, message: "\(weights): \(error)"))
        }
        return .failure(InputFailure(path: weights, message: "\(cause)"))
      }
    }
    let diagnostics = all.filter { !disabled.contains($0.code.id) }
    let warningsAsErrors = options.warningsAsErrors ?? configuration.warningsAsErrors ?? false
    return .success(
      CheckedFile(source: source, diagnostics: diagnostics, warningsAsErrors: warningsAsErrors))
  }

  /// Looks up the format of the configuration that applies to the first command-line path.
  /// For a folder that is the configuration inside or above it, for a file the one above it.
  private static func configuredFormat(
    _ path: String?, finder: inout ConfigurationFinder
  ) -> OutputFormat? {
    guard let path else { return nil }
    let result =
      ModelFileCollector.isFolder(path)
      ? finder.configuration(inFolder: path) : finder.configuration(forFileAt: path)
    return (try? result.get())?.format
  }
}

extension InputError {
  /// The path the error is about.
  public var path: String {
    switch self {
    case .notFound(let path), .isDirectory(let path), .unreadable(let path, _),
      .tooLarge(let path, _, _), .malformed(let path, _):
      path
    }
  }
}

/// Fixed-size storage that parallel iterations write to by index under a lock.
private final class ResultSlots<Value: Sendable>: @unchecked Sendable {
  private var slots: [Value?]
  private let lock = NSLock()

  init(count: Int) {
    slots = [Value?](repeating: nil, count: count)
  }

  func store(_ value: Value, at index: Int) {
    lock.lock()
    defer { lock.unlock() }
    slots[index] = value
  }

  /// The stored values; every slot must have been filled.
  func values() -> [Value] {
    lock.lock()
    defer { lock.unlock() }
    return slots.compactMap { $0 }
  }
}
