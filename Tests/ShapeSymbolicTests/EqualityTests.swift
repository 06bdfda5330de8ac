import ShapeSymbolic
import Testing

@Suite struct EqualityTests {
  let x = Dim("x")
  let y = Dim("y")

  @Test func equalFormsAreYes() throws {
    #expect(try (x * y).isEqual(to: y * x) == .yes)
    #expect(try ((x + 1) - 1).isEqual(to: x) == .yes)
    #expect(Dim(784).isEqual(to: try Dim(28) * 28) == .yes)
  }

  @Test func constantDifferenceIsNo() throws {
    #expect(try (x + 1).isEqual(to: x) == .no)
    #expect(Dim(3).isEqual(to: 4) == .no)
    #expect(try (x %/ 2 + 1).isEqual(to: x %/ 2) == .no)
  }

  @Test func otherDifferencesAreUnknown() throws {
    #expect(x.isEqual(to: y) == .unknown)
    #expect(try (Dim(2) * (x %/ 2)).isEqual(to: x) == .unknown)
    #expect(try (x %/ x).isEqual(to: 1) == .unknown)
    #expect(try (x * x).isEqual(to: x) == .unknown)
  }

  @Test func overflowingDifferenceIsUnknown() throws {
    let big = try Dim(Int.max) * x
    let small = try Dim(-1) * x
    #expect(big.isEqual(to: small) == .unknown)
  }
}
