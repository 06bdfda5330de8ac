import ShapeCheckKit

/// A validator for the subset of JSON Schema (draft 2020-12) that the schemas of this
/// repository use: `type`, `properties`, `required`, `additionalProperties`, `items`, `enum`,
/// `minimum` and `$ref` to `#/$defs/NAME`.
///
/// Annotation keywords (`$schema`, `$id`, `title`, `description`, `$defs`) are skipped. Any
/// other keyword is reported as an error, so a schema cannot rely on a check that this
/// validator silently skips.
struct JSONSchemaValidator {
  let root: JSONValue

  private static let annotations: Set<String> = ["$schema", "$id", "title", "description", "$defs"]
  private static let supported: Set<String> = [
    "type", "properties", "required", "additionalProperties", "items", "enum", "minimum", "$ref",
  ]
  /// The deepest `$ref` chain followed, so that a schema that refers to itself without
  /// consuming input cannot loop forever.
  private static let maxDepth = 200

  init(schema: JSONValue) {
    root = schema
  }

  /// Every violation, as `path: reason`; empty when `instance` is valid.
  func errors(in instance: JSONValue) -> [String] {
    var errors: [String] = []
    validate(instance, against: root, path: "", depth: 0, errors: &errors)
    return errors
  }

  private func validate(
    _ instance: JSONValue, against schema: JSONValue, path: String, depth: Int,
    errors: inout [String]
  ) {
    guard depth < Self.maxDepth else {
      errors.append("\(path): schema nesting exceeds \(Self.maxDepth) levels")
      return
    }
    if case .bool(let accepts) = schema {
      if !accepts { errors.append("\(path): no value is allowed here") }
      return
    }
    guard case .object(let keywords) = schema else {
      errors.append("\(path): the schema is neither an object nor a boolean")
      return
    }
    for (keyword, value) in keywords.sorted(by: { $0.key < $1.key }) {
      if Self.annotations.contains(keyword) { continue }
      guard Self.supported.contains(keyword) else {
        errors.append("\(path): unsupported schema keyword '\(keyword)'")
        continue
      }
      apply(
        keyword, value, schema: keywords, to: instance, path: path, depth: depth, errors: &errors)
    }
  }

  private func apply(
    _ keyword: String, _ value: JSONValue, schema: [String: JSONValue], to instance: JSONValue,
    path: String, depth: Int, errors: inout [String]
  ) {
    switch keyword {
    case "type":
      checkType(value, instance, path: path, errors: &errors)
    case "enum":
      guard case .array(let allowed) = value, allowed.contains(instance) else {
        errors.append("\(path): \(describe(instance)) is not one of the allowed values")
        return
      }
    case "minimum":
      if let number = numeric(instance), let bound = numeric(value), number < bound {
        errors.append("\(path): \(describe(instance)) is less than the minimum \(describe(value))")
      }
    case "required":
      guard case .object(let members) = instance, case .array(let names) = value else { return }
      for case .string(let name) in names where members[name] == nil {
        errors.append("\(path): the required property '\(name)' is missing")
      }
    case "properties":
      guard case .object(let members) = instance, case .object(let schemas) = value else { return }
      for (name, member) in members.sorted(by: { $0.key < $1.key }) {
        if let memberSchema = schemas[name] {
          validate(
            member, against: memberSchema, path: "\(path)/\(name)", depth: depth + 1,
            errors: &errors)
        }
      }
    case "additionalProperties":
      guard case .object(let members) = instance else { return }
      var declared: [String: JSONValue] = [:]
      if case .object(let schemas)? = schema["properties"] { declared = schemas }
      for (name, member) in members.sorted(by: { $0.key < $1.key }) where declared[name] == nil {
        validate(member, against: value, path: "\(path)/\(name)", depth: depth + 1, errors: &errors)
      }
    case "items":
      guard case .array(let elements) = instance else { return }
      for (index, element) in elements.enumerated() {
        validate(
          element, against: value, path: "\(path)/\(index)", depth: depth + 1, errors: &errors)
      }
    case "$ref":
      guard case .string(let reference) = value, let target = resolve(reference) else {
        errors.append("\(path): unresolvable $ref \(describe(value))")
        return
      }
      validate(instance, against: target, path: path, depth: depth + 1, errors: &errors)
    default:
      break
    }
  }

  private func checkType(
    _ value: JSONValue, _ instance: JSONValue, path: String, errors: inout [String]
  ) {
    let names: [String]
    switch value {
    case .string(let name): names = [name]
    case .array(let items):
      names = items.compactMap { if case .string(let name) = $0 { name } else { nil } }
    default: names = []
    }
    if !names.contains(where: { has(instance, type: $0) }) {
      errors.append(
        "\(path): \(describe(instance)) is not of type \(names.joined(separator: " or "))")
    }
  }

  private func has(_ instance: JSONValue, type name: String) -> Bool {
    switch (name, instance) {
    case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array),
      ("object", .object), ("integer", .int), ("number", .int), ("number", .double):
      true
    case ("integer", .double(let value)):
      value.rounded() == value
    default:
      false
    }
  }

  /// The schema at `#/$defs/NAME`; other references are not supported.
  private func resolve(_ reference: String) -> JSONValue? {
    let prefix = "#/$defs/"
    guard reference.hasPrefix(prefix), case .object(let members) = root,
      case .object(let definitions)? = members["$defs"]
    else { return nil }
    return definitions[String(reference.dropFirst(prefix.count))]
  }

  private func numeric(_ value: JSONValue) -> Double? {
    switch value {
    case .int(let number): Double(number)
    case .double(let number): number
    default: nil
    }
  }

  private func describe(_ value: JSONValue) -> String {
    switch value {
    case .null: "null"
    case .bool(let flag): String(flag)
    case .int(let number): String(number)
    case .double(let number): String(number)
    case .string(let text): "'\(text)'"
    case .array: "an array"
    case .object: "an object"
    }
  }
}
