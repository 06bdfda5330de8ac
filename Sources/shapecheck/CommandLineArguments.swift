/// An option that a command accepts, such as `--format text` or `--warnings-as-errors`.
struct OptionSpec {
  var name: String
  /// The placeholder for the value, such as `<format>`; nil for a flag.
  var valueName: String?
  var help: String
  var isRepeatable = false

  var takesValue: Bool { valueName != nil }
}

/// A subcommand's name, help and accepted arguments.
struct CommandSpec {
  var name: String
  var abstract: String
  var usage: String
  var arguments: [(name: String, help: String)]
  var options: [OptionSpec]
  var minimumPositionals: Int
  var maximumPositionals: Int
}

/// The result of parsing one command's arguments.
struct ParsedArguments {
  var positionals: [String] = []
  var values: [String: [String]] = [:]
  var flags: Set<String> = []

  func value(_ name: String) -> String? { values[name]?.last }
}

/// A command line that does not match the command's specification; exit status 64.
struct UsageError: Error, CustomStringConvertible {
  var message: String
  var command: String?

  var description: String { message }
}

enum ArgumentParser {
  /// Parses `arguments` against `spec`: `--name value`, `--name=value`, flags, `--` to end
  /// options, and `-` as a positional (standard input).
  static func parse(_ arguments: [String], spec: CommandSpec) throws(UsageError) -> ParsedArguments {
    var parsed = ParsedArguments()
    var index = 0
    var optionsEnded = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
        parsed.positionals.append(argument)
        continue
      }
      if argument == "--" {
        optionsEnded = true
        continue
      }
      let (name, inlineValue) = split(argument)
      guard let option = spec.options.first(where: { $0.name == name }) else {
        let hint = closestOption(to: name, in: spec).map { "; did you mean '\($0)'?" } ?? ""
        throw UsageError(message: "unknown option '\(name)'\(hint)", command: spec.name)
      }
      guard option.takesValue else {
        if inlineValue != nil {
          throw UsageError(message: "'\(name)' takes no value", command: spec.name)
        }
        parsed.flags.insert(name)
        continue
      }
      let value: String
      if let inlineValue {
        value = inlineValue
      } else {
        guard index < arguments.count else {
          throw UsageError(message: "'\(name)' needs a value \(option.valueName ?? "")", command: spec.name)
        }
        value = arguments[index]
        index += 1
      }
      if !option.isRepeatable, parsed.values[name] != nil {
        throw UsageError(message: "'\(name)' is given more than once", command: spec.name)
      }
      parsed.values[name, default: []].append(value)
    }
    try checkPositionals(parsed.positionals, spec: spec)
    return parsed
  }

  private static func split(_ argument: String) -> (String, String?) {
    guard let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
    return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
  }

  private static func checkPositionals(_ positionals: [String], spec: CommandSpec) throws(UsageError) {
    if positionals.count < spec.minimumPositionals {
      let missing = spec.arguments.first?.name ?? "argument"
      throw UsageError(message: "missing \(missing)", command: spec.name)
    }
    if positionals.count > spec.maximumPositionals {
      throw UsageError(
        message: "unexpected argument '\(positionals[spec.maximumPositionals])'", command: spec.name)
    }
  }

  private static func closestOption(to name: String, in spec: CommandSpec) -> String? {
    spec.options.map(\.name).min { distance($0, name) < distance($1, name) }.flatMap {
      distance($0, name) <= 2 ? $0 : nil
    }
  }

  private static func distance(_ lhs: String, _ rhs: String) -> Int {
    let a = Array(lhs)
    let b = Array(rhs)
    var previous = Array(0...b.count)
    for i in a.indices {
      var current = [i + 1]
      for j in b.indices {
        current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (a[i] == b[j] ? 0 : 1)))
      }
      previous = current
    }
    return previous[b.count]
  }
}
