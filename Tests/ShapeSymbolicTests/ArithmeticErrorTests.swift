import ShapeSymbolic
import Testing

@Suite struct ArithmeticErrorTests {
  let x = Dim("x")

  @Test func constantOverflowThrows() {
    #expect(thrownError { try Dim(Int.max) * 2 } == .overflow)
    #expect(thrownError { try Dim(Int.max) + 1 } == .overflow)
    #expect(thrownError { try Dim(Int.min) - 1 } == .overflow)
    #expect(thrownError { try -Dim(Int.min) } == .overflow)
    #expect(thrownError { try Dim(Int.min) %/ -1 } == .overflow)
  }

  @Test func productOfLargeLiteralsThrows() {
    let error = thrownError {
      var product = Dim(1)
      for _ in 0..<10 {
        product = try product * 100_000
      }
      return product
    }
    #expect(error == .overflow)
  }

  @Test func coefficientOverflowThrows() throws {
    let big = try Dim(Int.max) * x
    #expect(thrownError { try big + x } == .overflow)
    #expect(thrownError { try big * 2 } == .overflow)
    #expect(thrownError { try (Dim(Int.min) * x).negated() } == .overflow)
    #expect(thrownError { try (Dim(Int.min) * x) %/ -1 } == .overflow)
  }

  @Test func extremeValuesStayExact() throws {
    #expect(try Dim(Int.min) %/ 1 == Dim(Int.min))
    #expect(try Dim(Int.min) %/ 2 == Dim(Int.min / 2))
    #expect(try Dim(Int.max) %/ -1 == Dim(-Int.max))
    #expect(try Dim(Int.min) %/ Dim(Int.min) == 1)
    // A negative divisor negates the numerator first, which overflows for an `Int.min` term.
    #expect(thrownError { try (Dim(Int.min) * x) %/ Dim(Int.min) } == .overflow)
    let quotient = try (Dim(Int.min) * x) %/ Dim(Int.max)
    #expect(try quotient.evaluated([Symbol("x"): 1]) == -2)
  }

  @Test func zeroDivisorThrows() {
    #expect(thrownError { try x %/ 0 } == .divisionByZero)
    #expect(thrownError { try Dim(5) %/ 0 } == .divisionByZero)
    #expect(thrownError { try x % 0 } == .divisionByZero)
    #expect(thrownError { try x %/ (x - x) } == .divisionByZero)
  }

  @Test func evaluationOverflowThrows() throws {
    let square = try x * x
    let values = [Symbol("x"): Int.max]
    #expect(thrownError { try square.evaluated(values) } == .overflow)
    let quotient = try Dim(Int.min) %/ x
    #expect(thrownError { try quotient.evaluated([Symbol("x"): -1]) } == .overflow)
  }

  @Test func zeroFactorGivesZeroWithoutOverflow() throws {
    let formula = try x * x * x * Dim("y")
    let values = [Symbol("x"): 1 << 30, Symbol("y"): 0]
    #expect(try formula.evaluated(values) == 0)
  }

  @Test func zeroFactorStillEvaluatesDivisions() throws {
    // Python evaluates `y * (x // y)` at y = 0 by raising ZeroDivisionError.
    let y = Dim("y")
    let formula = try y * (x %/ y) + 1
    let values = [Symbol("x"): 5, Symbol("y"): 0]
    #expect(thrownError { try formula.evaluated(values) } == .divisionByZero)
  }

  @Test func evaluationSumIsExactPastPartialOverflow() throws {
    // The terms are x and y, so the partial sum overflows before the constant brings it back.
    let formula = try Dim("x") + Dim("y") - 10
    let values = [Symbol("x"): Int.max, Symbol("y"): 10]
    #expect(try formula.evaluated(values) == Int.max)
    let tooBig = [Symbol("x"): Int.max, Symbol("y"): 11]
    #expect(thrownError { try formula.evaluated(tooBig) } == .overflow)
  }

  @Test func sizeLimitAllowsExactlyMaxSize() throws {
    // Each symbol term has size 2, so 256 of them reach the limit of 512.
    var sum = Dim(0)
    for index in 0..<(Dim.maxSize / 2) {
      sum = try sum + Dim("s\(index)")
    }
    #expect(sum.size == Dim.maxSize)
    #expect(thrownError { try sum + 1 } == .tooComplex)
    #expect(thrownError { try sum + Dim("t") } == .tooComplex)
    #expect(try (sum - Dim("s0") + 1).size == Dim.maxSize - 1)
  }

  @Test func exponentialGrowthThrows() {
    let error = thrownError {
      var formula = try Dim("a") + Dim("b")
      for _ in 0..<20 {
        formula = try formula * formula
      }
      return formula
    }
    #expect(error == .tooComplex)
  }

  @Test func repeatedSquaringOfSymbolThrows() {
    let error = thrownError {
      var formula = Dim("a")
      for _ in 0..<64 {
        formula = try formula * formula
      }
      return formula
    }
    #expect(error == .tooComplex)
  }

  @Test func floorDepthLimitHolds() throws {
    let y = Dim("y")
    var formula = x
    for _ in 0..<Dim.maxFloorDepth {
      formula = try formula %/ y
    }
    #expect(formula.floorDepth == Dim.maxFloorDepth)
    #expect(thrownError { try formula %/ y } == .tooComplex)
  }

  @Test func substitutionBlowUpThrows() throws {
    var formula = Dim("a")
    for _ in 0..<8 {
      formula = try formula * Dim("a")
    }
    let sum = try (0..<8).reduce(Dim(0)) { (partial: Dim, index: Int) throws(SymbolicError) in
      try partial + Dim("b\(index)")
    }
    #expect(thrownError { try formula.substituting([Symbol("a"): sum]) } == .tooComplex)
  }
}
