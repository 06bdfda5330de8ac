import Foundation
import ShapeDiagnostics

/// The defaults that a `.shapecheck.json` file sets for the model files in its folder and
/// every folder below it:
///
///     {"warningsAsErrors": true, "disabledCodes": ["shape.undecided"], "format": "text"}
///
/// Every key is optional; unknown keys, wrong types, unknown codes and unknown formats make
/// the file invalid. Command-line flags override these values.
public struct Configuration: Sendable, Equatable {
  /// The name of the file that `ConfigurationFinder` looks for.
  public static let fileName = ".shapecheck.json"

  /// The largest configuration file accepted, in bytes.
  public static let maxBytes = 1 << 20

  /// Whether warnings fail the check, or nil when the file does not set it.
  public var warningsAsErrors: Bool?
  /// Codes whose diagnostics are dropped.
  public var disabledCodes: Set<String>
  /// The output format, or nil when the file does not set it.
  public var format: OutputFormat?
  /// The file the values were read from; nil for the built-in defaults.
  public var path: String?

  public init(
    warningsAsErrors: Bool? = nil, disabledCodes: Set<String> = [], format: OutputFormat? = nil,
    path: String? = nil
  ) {
    self.warningsAsErrors = warningsAsErrors
    self.disabledCodes = disabledCodes
    self.format = format
    self.path = path
  }

  /// Parses the contents of the configuration file at `path`.
  public static func parse(_ bytes: [UInt8], path: String) throws(InputError) -> Configuration {
    let document: JSONValue
    do {
      document = try JSONValue.parse(bytes)
    } catch {
      throw invalid(path, "the file is not valid JSON" + syntaxErrorDetail(bytes))
    }
    guard case .object(let members) = document else {
      throw invalid(path, "the file must contain one JSON object")
    }
    var configuration = Configuration(path: path)
    for (key, value) in members.sorted(by: { $0.key < $1.key }) {
      switch (key, value) {
      case ("warningsAsErrors", .bool(let flag)):
        configuration.warningsAsErrors = flag
      case ("disabledCodes", .array(let items)):
        configuration.disabledCodes = try codes(items, path: path)
      case ("format", .string(let name)):
        guard let format = OutputFormat(rawValue: name) else {
          throw invalid(path, "'format' is '\(name)'; use one of \(OutputFormat.names)")
        }
        configuration.format = format
      case ("warningsAsErrors", _):
        throw invalid(path, "'warningsAsErrors' must be true or false")
      case ("disabledCodes", _):
        throw invalid(path, "'disabledCodes' must be an array of diagnostic codes")
      case ("format", _):
        throw invalid(path, "'format' must be a string")
      default:
        throw invalid(
          path, "unknown key '\(key)'; the keys are warningsAsErrors, disabledCodes and format")
      }
    }
    return configuration
  }

  private static func codes(_ items: [JSONValue], path: String) throws(InputError) -> Set<String> {
    var codes = Set<String>()
    for item in items {
      guard case .string(let code) = item else {
        throw invalid(path, "'disabledCodes' must contain only strings")
      }
      guard DiagnosticCode.registered(code) != nil else {
        throw invalid(path, "'disabledCodes' lists unknown code '\(code)'")
      }
      codes.insert(code)
    }
    return codes
  }

  /// Returns Foundation's description of the first JSON syntax error, such as "Invalid value
  /// around character 15.", as a suffix, because JSONDecoder's error does not say where it is.
  private static func syntaxErrorDetail(_ bytes: [UInt8]) -> String {
    do {
      _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
      return ""
    } catch let error as NSError {
      guard let detail = error.userInfo[NSDebugDescriptionErrorKey] as? String, !detail.isEmpty else { return "" }
      return ": " + detail
    }
  }

  private static func invalid(_ path: String, _ reason: String) -> InputError {
    .malformed(path: path, reason: "invalid configuration: \(reason)")
  }
}

/// Finds the `.shapecheck.json` that applies to a file by walking up from the file's folder
/// to the filesystem root. The nearest file wins, and files further up are not merged.
///
/// Results are cached per folder, so one finder must not be shared between threads.
public struct ConfigurationFinder {
  private var cache: [String: Result<Configuration, InputError>] = [:]

  public init() {}

  /// The configuration for the file at `path`: the nearest file's values, or the built-in
  /// defaults when no folder up to the root has one.
  public mutating func configuration(
    forFileAt path: String
  ) -> Result<Configuration, InputError> {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
    return configuration(inFolder: folder)
  }

  /// Finds the configuration that applies to files directly inside `folder`.
  public mutating func configuration(inFolder folder: String) -> Result<Configuration, InputError> {
    var visited: [String] = []
    var current = URL(fileURLWithPath: folder).standardizedFileURL
    var result = Result<Configuration, InputError>.success(Configuration())
    // The bound only guards against a path that never reaches the root.
    for _ in 0..<4096 {
      if let cached = cache[current.path] {
        result = cached
        break
      }
      visited.append(current.path)
      let candidate = current.appendingPathComponent(Configuration.fileName).path
      if FileManager.default.fileExists(atPath: candidate) {
        result = Self.load(candidate)
        break
      }
      let parent = current.deletingLastPathComponent().standardizedFileURL
      if parent.path == current.path { break }
      current = parent
    }
    for folder in visited {
      cache[folder] = result
    }
    return result
  }

  private static func load(_ path: String) -> Result<Configuration, InputError> {
    do throws(InputError) {
      let bytes = try FileReader.read(path, limit: Configuration.maxBytes)
      return .success(try Configuration.parse(bytes, path: path))
    } catch {
      return .failure(error)
    }
  }
}
