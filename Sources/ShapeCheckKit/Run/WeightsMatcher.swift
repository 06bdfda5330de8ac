import ShapeData
import ShapeDiagnostics
import ShapeInference
import ShapeLayers
import ShapeSource
import ShapeTensor

extension DiagnosticCode {
  public static let weightsMissing = DiagnosticCode(
    "weights.missing", .error, summary: "A parameter of the model has no tensor in the weights file.")
  public static let weightsUnexpected = DiagnosticCode(
    "weights.unexpected", .error, summary: "The weights file has a tensor that no parameter of the model has.")
  public static let weightsShapeMismatch = DiagnosticCode(
    "weights.shape-mismatch", .error,
    summary: "A tensor in the weights file has a different shape from the parameter it loads into.")
  public static let weightsNonFinite = DiagnosticCode(
    "weights.non-finite", .error, summary: "A tensor in the weights file has NaN or infinite values.")
  public static let weightsUnsupportedType = DiagnosticCode(
    "weights.unsupported-dtype", .error,
    summary: "A tensor in the weights file has an element type that cannot be converted to Float32.")
}

/// Matches the tensors of a safetensors file to a model's parameters.
///
/// Two naming schemes are accepted, as `state_dict()` produces them: by the model file's layer
/// names (`linear_1.weight`, `simple_net.0.weight`), or by the positions inside one Sequential
/// (`0.weight`, `2.weight`) when the file was saved from that Sequential. The scheme that
/// matches the most tensor names is used.
public struct WeightsMatcher {
  public var analysis: ModelAnalysis
  public var file: SafetensorsFile
  /// The weights file's path, for messages.
  public var path: String

  public init(analysis: ModelAnalysis, file: SafetensorsFile, path: String) {
    self.analysis = analysis
    self.file = file
    self.path = path
  }

  /// Returns the key of every parameter under the best-matching naming scheme, in
  /// initialization order.
  public func keys() -> [(key: String, parameter: ParameterRecord)] {
    let stored = Set(file.entries.map(\.name))
    let schemes = [namesByLayer()] + analysis.sequentials.map(namesByPosition)
    let best = schemes.max { lhs, rhs in
      lhs.filter { stored.contains($0.key) }.count < rhs.filter { stored.contains($0.key) }.count
    }
    return best ?? []
  }

  /// Every parameter and buffer, such as BatchNorm's `running_mean`, in initialization order.
  private var stateRecords: [ParameterRecord] {
    analysis.layers.flatMap { layer in
      (layer.kind.parameters(of: layer) + layer.kind.buffers(of: layer)).map {
        ParameterRecord(layer: layer, spec: $0)
      }
    }
  }

  private func namesByLayer() -> [(key: String, parameter: ParameterRecord)] {
    stateRecords.map { ("\($0.layer.name).\($0.spec.name)", $0) }
  }

  /// Keys relative to one Sequential, such as `0.weight` for its first layer.
  private func namesByPosition(_ sequential: SequentialInstance) -> [(key: String, parameter: ParameterRecord)] {
    var paths: [String: String] = [:]
    collectPaths(sequential, prefix: "", into: &paths)
    return stateRecords.compactMap { parameter in
      paths[parameter.layer.name].map { ("\($0).\(parameter.spec.name)", parameter) }
    }
  }

  private func collectPaths(_ sequential: SequentialInstance, prefix: String, into paths: inout [String: String]) {
    for (index, child) in sequential.children.enumerated() {
      switch child {
      case .single(let layer): paths[layer.name] = paths[layer.name] ?? "\(prefix)\(index)"
      case .sequential(let inner): collectPaths(inner, prefix: "\(prefix)\(index).", into: &paths)
      }
    }
  }

  /// Compares every stored tensor's name and shape with the model's parameters.
  public func diagnostics() -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let keys = keys()
    let expected = Set(keys.map(\.key))
    for (key, parameter) in keys {
      let shape = parameter.spec.shape
      let values = analysis.values(of: shape)
      let formula = shape.formulaDescription(droppingPrefix: parameter.layer.name)
      guard let entry = file.entry(named: key) else {
        diagnostics.append(
          Diagnostic(
            code: .weightsMissing,
            message: "'\(path)' has no tensor '\(key)' for '\(parameter.qualifiedName)', which has shape \(formula) = \(valueDescription(values))",
            range: parameter.layer.callRange))
        continue
      }
      if entry.shape.map(Optional.some) != values {
        diagnostics.append(
          Diagnostic(
            code: .weightsShapeMismatch,
            message: "'\(key)' in '\(path)' has shape \(valueDescription(entry.shape)), but the model's '\(parameter.qualifiedName)' has shape \(formula) = \(valueDescription(values))",
            range: parameter.layer.callRange,
            facts: ["expected": valueDescription(values), "actual": valueDescription(entry.shape), "formula": formula]))
      } else if !["F32", "F16", "BF16", "F64"].contains(entry.dtype) {
        diagnostics.append(
          Diagnostic(
            code: .weightsUnsupportedType,
            message: "'\(key)' in '\(path)' has element type \(entry.dtype); use F32, F16, BF16 or F64",
            range: parameter.layer.callRange))
      } else if let problem = nonFiniteDiagnostic(entry, key: key, parameter: parameter) {
        diagnostics.append(problem)
      }
    }
    for entry in file.entries where !expected.contains(entry.name) && !isBatchCounter(entry.name, expected: expected) {
      diagnostics.append(
        Diagnostic(
          code: .weightsUnexpected,
          message: "'\(path)' has a tensor '\(entry.name)' of shape \(valueDescription(entry.shape)) that no parameter of the model has",
          range: SourceRange.at(0)))
    }
    return diagnostics
  }

  /// Returns an error when a tensor has NaN or infinite values, which every output computed
  /// from it would carry. A tensor that cannot be decoded is left to `parameterStore()`.
  private func nonFiniteDiagnostic(
    _ entry: SafetensorsFile.Entry, key: String, parameter: ParameterRecord
  ) -> Diagnostic? {
    guard let values = try? file.floats(for: entry),
      let first = values.firstIndex(where: { !$0.isFinite })
    else { return nil }
    let count = values.lazy.filter { !$0.isFinite }.count
    let countPhrase = count == 1 ? "1 value that is" : "\(count) values that are"
    return Diagnostic(
      code: .weightsNonFinite,
      message: "'\(key)' in '\(path)' has \(countPhrase) NaN or infinite, the first at flat index \(first) (\(values[first])); every output computed from '\(parameter.qualifiedName)' would be NaN or infinite too",
      range: parameter.layer.callRange,
      facts: ["count": String(count), "index": String(first)])
  }

  /// Whether `name` is the `num_batches_tracked` counter of a layer whose running statistics
  /// are expected; evaluation does not use it, so it is accepted and ignored.
  private func isBatchCounter(_ name: String, expected: Set<String>) -> Bool {
    let suffix = "num_batches_tracked"
    guard name.hasSuffix(suffix) else { return false }
    return expected.contains(String(name.dropLast(suffix.count)) + "running_mean")
  }

  /// Loads every parameter and buffer as Float32, after `diagnostics()` found no error.
  public func parameterStore() throws(InputError) -> ParameterStore {
    var store = ParameterStore()
    for (key, parameter) in keys() {
      guard let entry = file.entry(named: key) else { continue }
      do {
        let floats = try file.floats(for: entry)
        store.tensors[parameter.layer.name, default: [:]][parameter.spec.name] = Tensor(shape: entry.shape, scalars: floats)
      } catch {
        throw .malformed(path: path, reason: "tensor '\(key)': \(error)")
      }
    }
    return store
  }
}
