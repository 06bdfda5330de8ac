import ShapeSymbolic
import Testing

/// Property tests over random expression trees from a fixed seed, so every run checks the same
/// cases and a failure names the tree that broke.
@Suite struct RandomFormulaTests {
  static let treeCount = 4000
  static let assignmentsPerTree = 12

  /// Converts tree values to dim values.
  private func symbolValues(_ values: [String: Int]) -> [Symbol: Int] {
    Dictionary(uniqueKeysWithValues: values.map { (Symbol($0.key), $0.value) })
  }

  @Test func simplifiedValueMatchesDirectValue() {
    var generator = TreeGenerator(random: SplitMix64(seed: 0x5EED_0001))
    var compared = 0
    var built = 0
    var expandedOverflows = 0
    for _ in 0..<Self.treeCount {
      let tree = generator.tree(depth: 4)
      let dim: Dim
      do {
        dim = try tree.dim()
      } catch .divisionByZero {
        // A divisor that simplifies to 0 is 0 for every value, so Python raises too.
        let values = generator.assignment()
        #expect(throws: SymbolicError.divisionByZero, "\(tree)") { try tree.value(values) }
        continue
      } catch {
        continue
      }
      built += 1
      for _ in 0..<Self.assignmentsPerTree {
        let values = generator.assignment()
        guard let expected = try? tree.value(values) else { continue }
        compared += 1
        let actual = Result { () throws(SymbolicError) in try dim.evaluated(symbolValues(values)) }
        // The expanded form may overflow in a term where the tree as written does not, but
        // only with large values.
        let isSmall = values.values.allSatisfy { abs($0) <= TreeGenerator.smallBound }
        if actual == .failure(.overflow) && !isSmall {
          expandedOverflows += 1
          continue
        }
        #expect(actual == .success(expected), "\(tree) -> \(dim) at \(values)")
      }
    }
    #expect(built > Self.treeCount * 9 / 10)
    #expect(compared > Self.treeCount * Self.assignmentsPerTree / 2)
    #expect(expandedOverflows < compared / 100)
  }

  @Test func renderingParsesBackToSameValue() throws {
    var generator = TreeGenerator(random: SplitMix64(seed: 0x5EED_0002))
    for _ in 0..<Self.treeCount {
      let tree = generator.tree(depth: 4)
      guard let dim = try? tree.dim() else { continue }
      let text = dim.description
      let parsed = try #require(RenderedFormulaParser.parse(text), "\(text) from \(tree)")
      for _ in 0..<4 {
        let values = generator.assignment()
        guard let expected = try? dim.evaluated(symbolValues(values)) else { continue }
        let actual = Result { () throws(SymbolicError) in try parsed.value(values) }
        // Left-to-right evaluation of a product may overflow before it meets a zero factor.
        let isSmall = values.values.allSatisfy { abs($0) <= TreeGenerator.smallBound }
        if actual == .failure(.overflow) && !isSmall { continue }
        #expect(actual == .success(expected), "\(text) at \(values)")
      }
    }
  }

  @Test func renderingRebuildsCanonicalForm() throws {
    var generator = TreeGenerator(random: SplitMix64(seed: 0x5EED_0003))
    for _ in 0..<Self.treeCount {
      let tree = generator.tree(depth: 4)
      guard let dim = try? tree.dim() else { continue }
      let parsed = try #require(RenderedFormulaParser.parse(dim.description))
      let rebuilt = Result { () throws(SymbolicError) in try parsed.dim() }
      #expect(rebuilt == .success(dim), "\(dim.description) from \(tree)")
    }
  }

  @Test func substitutionMatchesDirectValue() throws {
    var generator = TreeGenerator(random: SplitMix64(seed: 0x5EED_0005))
    var compared = 0
    for _ in 0..<(Self.treeCount / 2) {
      let tree = generator.tree(depth: 3)
      let replacement = generator.tree(depth: 2)
      guard let dim = try? tree.dim(), let replacementDim = try? replacement.dim(),
        let substituted = try? dim.substituting([Symbol("x"): replacementDim])
      else { continue }
      for _ in 0..<4 {
        // The replacement may contain x itself, which keeps its value from `values`.
        let values = generator.assignment()
        guard let xValue = try? replacement.value(values) else { continue }
        var treeValues = values
        treeValues["x"] = xValue
        guard let expected = try? tree.value(treeValues) else { continue }
        let actual = Result { () throws(SymbolicError) in
          try substituted.evaluated(symbolValues(values))
        }
        let isSmall = treeValues.values.allSatisfy { abs($0) <= TreeGenerator.smallBound }
        if actual == .failure(.overflow) && !isSmall { continue }
        compared += 1
        #expect(actual == .success(expected), "\(tree) with x = \(replacement) at \(values)")
      }
    }
    #expect(compared > Self.treeCount / 2)
  }

  @Test func equalityDecisionsAgreeWithValues() {
    var generator = TreeGenerator(random: SplitMix64(seed: 0x5EED_0006))
    var decided = 0
    for index in 0..<Self.treeCount {
      let first = generator.tree(depth: 3)
      // Every third pair shifts the first formula by a constant, so `no` answers occur often.
      let shift = Int.random(in: -2...2, using: &generator.random)
      let second = index % 3 == 0 ? .sum(first, .literal(shift)) : generator.tree(depth: 3)
      guard let a = try? first.dim(), let b = try? second.dim() else { continue }
      let decision = a.isEqual(to: b)
      if decision == .unknown { continue }
      decided += 1
      for _ in 0..<4 {
        let values = symbolValues(generator.assignment())
        guard let valueA = try? a.evaluated(values), let valueB = try? b.evaluated(values) else {
          continue
        }
        #expect((valueA == valueB) == (decision == .yes), "\(a) vs \(b): \(decision)")
      }
    }
    #expect(decided > Self.treeCount / 4)
  }

  @Test func algebraicLawsGiveEqualForms() throws {
    var generator = TreeGenerator(random: SplitMix64(seed: 0x5EED_0004))
    var checked = 0
    for _ in 0..<(Self.treeCount / 4) {
      guard let a = try? generator.tree(depth: 2).dim(),
        let b = try? generator.tree(depth: 2).dim(),
        let c = try? generator.tree(depth: 2).dim()
      else { continue }
      do {
        #expect(try a + b == b + a, "\(a), \(b)")
        #expect(try a * b == b * a, "\(a), \(b)")
        #expect(try (a + b) + c == a + (b + c), "\(a), \(b), \(c)")
        #expect(try (a * b) * c == a * (b * c), "\(a), \(b), \(c)")
        #expect(try a * (b + c) == a * b + a * c, "\(a), \(b), \(c)")
        #expect(try (a + b) - b == a, "\(a), \(b)")
        #expect(try a - a == 0, "\(a)")
        #expect(try -(-a) == a, "\(a)")
        #expect(try (a * b).isEqual(to: b * a) == .yes)
        #expect(try (a + 3).isEqual(to: a) == .no)
        checked += 1
      } catch {
        continue
      }
    }
    #expect(checked > Self.treeCount / 8)
  }
}
