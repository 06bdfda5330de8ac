import ShapeSource
import ShapeSyntax
import Testing

/// SplitMix64, a small deterministic generator so that every run mutates the same way.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}

/// Fragments that are likely to reach unusual parser states when inserted anywhere.
private let fragments: [[UInt8]] = [
  "(", ")", "[", "]", "{", "}", "'", "\"", "'''", "#", "\\", "\n", "\r", "\r\n", "\t", "    ",
  ":", "=", ",", ".", "*", "**", "-", "+=", ";", "@", "$", "0x", "1e", "_", "def ", "if ",
  "assert ", "import ", "from ", "lambda ", "f'", "b'", "é", "\u{FEFF}", "0", "9" + "9999",
].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82], [0x00]]

/// Returns `bytes` with one random mutation: a deletion, an insertion, a duplication or a
/// replacement of a short range.
private func mutate(_ bytes: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
  var result = bytes
  let position = result.isEmpty ? 0 : Int.random(in: 0..<result.count, using: &generator)
  let length = min(Int.random(in: 1...8, using: &generator), result.count - position)
  switch Int.random(in: 0..<4, using: &generator) {
  case 0:
    result.removeSubrange(position..<(position + length))
  case 1:
    result.insert(contentsOf: fragments.randomElement(using: &generator) ?? [], at: position)
  case 2:
    result.insert(contentsOf: result[position..<(position + length)], at: position)
  default:
    let fragment = fragments.randomElement(using: &generator) ?? []
    result.replaceSubrange(position..<(position + length), with: fragment)
  }
  return result
}

/// Returns the depth of an expression tree, a leaf counting as 1.
private func depth(_ expression: Expression) -> Int {
  switch expression.kind {
  case .name, .integer, .float, .string, .boolean, .none, .invalid:
    return 1
  case .tuple(let items), .list(let items):
    return 1 + (items.map(depth).max() ?? 0)
  case .unary(_, let operand):
    return 1 + depth(operand)
  case .binary(_, let left, let right), .comparison(_, let left, let right):
    return 1 + max(depth(left), depth(right))
  case .call(let callee, let arguments):
    return 1 + max(depth(callee), arguments.map { depth($0.value) }.max() ?? 0)
  case .attribute(let base, _):
    return 1 + depth(base)
  case .subscripted(let base, let index):
    return 1 + max(depth(base), depth(index))
  }
}

/// Returns the expressions directly inside a statement.
private func expressions(of statement: Statement) -> [Expression] {
  switch statement.kind {
  case .importStatement, .pass: []
  case .expression(let expression): [expression]
  case .assignment(_, let value): [value]
  case .declaration(_, let annotation, let value): [annotation] + (value.map { [$0] } ?? [])
  case .assertion(let condition, let message): [condition] + (message.map { [$0] } ?? [])
  }
}

@Suite struct FuzzTests {
  @Test func randomMutationsOfFixtureNeverCrash() throws {
    let original = try FixtureTests.fixture("simple_net.nn").bytes
    var generator = SeededGenerator(state: 0x5EED)
    var withErrors = 0
    for _ in 0..<3_000 {
      var bytes = original
      for _ in 0..<Int.random(in: 1...6, using: &generator) {
        bytes = mutate(bytes, using: &generator)
      }
      let tree = parse(bytes: bytes)
      withErrors += tree.hasErrors ? 1 : 0
      for diagnostic in tree.diagnostics {
        #expect(diagnostic.range.start >= 0)
        #expect(diagnostic.range.end <= bytes.count)
        #expect(diagnostic.message.first?.isUppercase != true)
        #expect(!diagnostic.message.hasSuffix("."))
      }
      for statement in tree.statements {
        #expect(statement.range.start >= 0)
        #expect(statement.range.end <= bytes.count)
        for expression in expressions(of: statement) {
          #expect(depth(expression) <= ParserLimits.standard.maxExpressionDepth)
          #expect(expression.range.end <= statement.range.end)
        }
      }
    }
    // Most mutations break the file, so a run without errors means the mutation is broken.
    #expect(withErrors > 1_000)
  }

  @Test func randomBytesNeverCrash() {
    var generator = SeededGenerator(state: 42)
    for _ in 0..<500 {
      let count = Int.random(in: 0...200, using: &generator)
      let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
      let tree = parse(bytes: bytes)
      #expect(tree.diagnostics.allSatisfy { $0.range.end <= bytes.count })
    }
  }
}
