import ShapeCheckKit
import Testing

/// The test-only schema validator accepts and rejects documents as JSON Schema does.
@Suite struct JSONSchemaValidatorTests {
  static let schema = """
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "type": "object",
      "required": ["name", "points"],
      "additionalProperties": false,
      "properties": {
        "name": {"type": "string"},
        "kind": {"enum": ["a", "b"]},
        "size": {"type": ["integer", "null"], "minimum": 1},
        "points": {"type": "array", "items": {"$ref": "#/$defs/point"}},
        "tags": {"type": "object", "additionalProperties": {"type": "string"}}
      },
      "$defs": {
        "point": {
          "type": "object", "required": ["x"],
          "properties": {"x": {"type": "integer", "minimum": 0}, "ok": {"type": "boolean"}}
        }
      }
    }
    """

  static func validator() throws -> JSONSchemaValidator {
    JSONSchemaValidator(schema: try JSONValue.parse(Array(schema.utf8)))
  }

  static func errors(_ document: String) throws -> [String] {
    try validator().errors(in: try JSONValue.parse(Array(document.utf8)))
  }

  @Test(arguments: [
    #"{"name": "n", "points": []}"#,
    #"{"name": "n", "kind": "b", "size": null, "points": [{"x": 0, "ok": true}]}"#,
    #"{"name": "n", "size": 3, "points": [{"x": 5}], "tags": {"a": "b"}}"#,
  ])
  func validDocumentPasses(_ document: String) throws {
    #expect(try Self.errors(document) == [])
  }

  @Test(arguments: [
    (#"{"points": []}"#, "the required property 'name' is missing"),
    (#"{"name": 1, "points": []}"#, "/name: 1 is not of type string"),
    (#"{"name": "n", "kind": "c", "points": []}"#, "not one of the allowed values"),
    (#"{"name": "n", "size": 0, "points": []}"#, "less than the minimum"),
    (#"{"name": "n", "size": 1.5, "points": []}"#, "not of type integer or null"),
    (#"{"name": "n", "points": [{"x": -1}]}"#, "/points/0/x: -1 is less than the minimum"),
    (#"{"name": "n", "points": [{"y": 1}]}"#, "/points/0: the required property 'x' is missing"),
    (#"{"name": "n", "points": [{"x": 1, "ok": 1}]}"#, "/points/0/ok: 1 is not of type boolean"),
    (#"{"name": "n", "points": [], "extra": 1}"#, "/extra: no value is allowed here"),
    (#"{"name": "n", "points": [], "tags": {"a": 2}}"#, "/tags/a: 2 is not of type string"),
    (#"[1]"#, "an array is not of type object"),
  ])
  func invalidDocumentFails(_ document: String, expected: String) throws {
    let errors = try Self.errors(document)
    #expect(errors.count == 1, "\(errors)")
    #expect(errors.first?.contains(expected) == true, "\(errors)")
  }

  @Test func unsupportedKeywordIsReported() throws {
    let schema = try JSONValue.parse(Array(#"{"type": "string", "pattern": "^a"}"#.utf8))
    let errors = JSONSchemaValidator(schema: schema).errors(in: .string("b"))
    #expect(errors == [": unsupported schema keyword 'pattern'"])
  }

  @Test func unresolvableReferenceIsReported() throws {
    let schema = try JSONValue.parse(Array(##"{"$ref": "#/$defs/missing"}"##.utf8))
    let errors = JSONSchemaValidator(schema: schema).errors(in: .null)
    #expect(errors.count == 1)
    #expect(errors.first?.contains("unresolvable $ref") == true)
  }

  @Test func selfReferenceStopsAtDepthLimit() throws {
    let schema = try JSONValue.parse(
      Array(
        ##"{"$ref": "#/$defs/a", "$defs": {"a": {"$ref": "#/$defs/a"}}}"##.utf8))
    let errors = JSONSchemaValidator(schema: schema).errors(in: .null)
    #expect(errors.count == 1)
    #expect(errors.first?.contains("schema nesting exceeds") == true)
  }
}
