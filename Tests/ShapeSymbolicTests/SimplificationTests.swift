import ShapeSymbolic
import Testing

@Suite struct SimplificationTests {
  let x = Dim("x")
  let y = Dim("y")
  let z = Dim("z")

  @Test func constructorsAgree() {
    #expect(Dim.constant(5) == 5)
    #expect(Dim.constant(0) == Dim.zero)
    #expect(Dim.symbol(Symbol("x")) == x)
    #expect(Symbol("a") < Symbol("b"))
    #expect(Symbol("x").description == "x")
    #expect(Dim("x").constantValue == nil)
  }

  @Test func sizeCountsTermsAndAtoms() throws {
    #expect(Dim(0).size == 0)
    #expect(Dim(7).size == 1)
    #expect(x.size == 2)
    #expect(try (Dim(2) * x * x + y %/ 3).size == 8)
    #expect(try (x %/ y %/ z).floorDepth == 2)
  }

  @Test func constantsFold() throws {
    #expect(try Dim(28) * 28 == 784)
    #expect(try (Dim(3) + 4) * 5 - 1 == 34)
    #expect(try (Dim(28) * 28).constantValue == 784)
    #expect(try -Dim(5) == -5)
  }

  @Test func identitiesDisappear() throws {
    #expect(try x + 0 == x)
    #expect(try x * 1 == x)
    #expect(try x * 0 == 0)
    #expect(try (x * 0).constantValue == 0)
    #expect(try x - x == 0)
    #expect(try x %/ 1 == x)
    #expect(try (x + 1) - 1 == x)
  }

  @Test func likeTermsCombine() throws {
    let sum = try x + y + x + x - y
    #expect(sum == (try Dim(3) * x))
    #expect(sum.description == "3 * x")
  }

  @Test func sumsAndProductsCommute() throws {
    #expect(try x + y == y + x)
    #expect(try x * y == y * x)
    #expect(try (x + y) + z == x + (y + z))
    #expect(try (x * y) * z == x * (y * z))
  }

  @Test func productsDistribute() throws {
    let product = try (x + 1) * (x - 1)
    #expect(product == (try x * x - 1))
    #expect(product.description == "x * x - 1")
    #expect(try (x + y) * z == x * z + y * z)
  }

  @Test func constantFloorDivisionRoundsDown() throws {
    #expect(try Dim(-7) %/ 2 == -4)
    #expect(try Dim(7) %/ -2 == -4)
    #expect(try Dim(-7) %/ -2 == 3)
    #expect(try Dim(7) %/ 2 == 3)
    #expect(try Dim(-8) %/ 2 == -4)
  }

  @Test func constantModuloHasDivisorSign() throws {
    #expect(try Dim(-7) % 2 == 1)
    #expect(try Dim(7) % -2 == -1)
    #expect(try Dim(-7) % -2 == -1)
    #expect(try Dim(Int.min) % -1 == 0)
    #expect(try Dim(Int.min) % 1 == 0)
  }

  @Test func multiplesLeaveFloorDivision() throws {
    #expect(try (Dim(4) * x + 6) %/ 2 == Dim(2) * x + 3)
    #expect(try (Dim(4) * x + 5) %/ 2 == Dim(2) * x + 2)
    #expect(try (Dim(4) * x - 5) %/ 2 == Dim(2) * x - 3)
    #expect(try (Dim(2) * x + y) %/ 2 == x + y %/ 2)
  }

  @Test func floorConstantLiesBelowDivisor() throws {
    // (H - 2) // 2 + 1 is the output size of a 2x2 max pool with stride 2.
    let h = Dim("H")
    #expect(try (h - 2) %/ 2 + 1 == h %/ 2)
    #expect(try ((h - 5) %/ 2 + 1).description == "(H + 1) // 2 - 2")
  }

  @Test func commonFactorLeavesFloorDivision() throws {
    #expect(try (Dim(2) * x + 2 * y) %/ 4 == (x + y) %/ 2)
    #expect(try (Dim(2) * x + 3) %/ 4 == (x + 1) %/ 2)
    #expect(try (Dim(6) * x + 4) %/ 9 == (Dim(6) * x + 4) %/ 9)
  }

  @Test func nestedConstantFloorsMerge() throws {
    #expect(try (x %/ 2) %/ 3 == x %/ 6)
    #expect(try (x %/ 2 + 1) %/ 3 == (x + 2) %/ 6)
    #expect(try ((Dim(2) * x + 1) %/ 3) %/ 2 == x %/ 3)
  }

  @Test func negativeDivisorFlipsSigns() throws {
    #expect(try x %/ -2 == (-x) %/ 2)
    #expect(try (x %/ -y).description == "(-x) // y")
  }

  @Test func symbolicDivisionStays() throws {
    #expect(try x %/ x != 1)
    #expect(try (x %/ x).description == "x // x")
    #expect(try (Dim(0) %/ x).description == "0 // x")
    #expect(try (Dim(2) * (x %/ 2)).description == "2 * (x // 2)")
    #expect(try Dim(2) * (x %/ 2) != x)
  }

  @Test func moduloExpandsToFloor() throws {
    #expect(try (x % 2).description == "x - 2 * (x // 2)")
    #expect(try (Dim(2) * x + 1) % 2 == 1)
    #expect(try (x % y).description == "x - y * (x // y)")
  }

  @Test func symbolsIncludeThoseInDivisions() throws {
    let formula = try x + (y %/ z) * 2
    #expect(formula.symbols == [Symbol("x"), Symbol("y"), Symbol("z")])
    #expect(formula.constantValue == nil)
    #expect(Dim(5).symbols.isEmpty)
  }

  @Test func substitutionSimplifies() throws {
    let formula = try (x + y) %/ 2
    let bound = try formula.substituting([Symbol("y"): try Dim(3) - x])
    #expect(bound == 1)
    let partial = try formula.substituting([Symbol("x"): z])
    #expect(partial == (try (z + y) %/ 2))
    #expect(try formula.substituting([:]) == formula)
  }

  @Test func substitutionReachesZeroDivisor() throws {
    let formula = try x %/ y
    #expect(thrownError { try formula.substituting([Symbol("y"): 0]) } == .divisionByZero)
  }

  @Test func evaluationUsesFloorSemantics() throws {
    let formula = try (x - 7) %/ y
    #expect(try formula.evaluated([Symbol("x"): 0, Symbol("y"): 2]) == -4)
    #expect(try formula.evaluated([Symbol("x"): 0, Symbol("y"): -2]) == 3)
    #expect(try formula.evaluated([Symbol("x"): 0]) == nil)
    #expect(thrownError { try formula.evaluated([Symbol("x"): 0, Symbol("y"): 0]) }
      == .divisionByZero)
  }
}
