import ShapeSymbolic
import Testing

@Suite struct RenderingTests {
  let h = Dim("H")
  let x = Dim("x")
  let y = Dim("y")

  @Test func constantsAndSymbolsPrintPlainly() throws {
    #expect(try (Dim(28) * 28).description == "784")
    #expect(Dim(0).description == "0")
    #expect(Dim(-3).description == "-3")
    #expect(Dim(Int.min).description == "-9223372036854775808")
    #expect(Dim("linear_1.out_features").description == "linear_1.out_features")
    #expect(Dim("conv_1.kernel_size[0]").description == "conv_1.kernel_size[0]")
  }

  @Test func convOutputWithConstantsFoldsToInput() throws {
    // (H + 2 * padding - dilation * (kernel - 1) - 1) // stride + 1 with padding 2, kernel 5.
    let size = try (h + 2 * 2 - 1 * (Dim(5) - 1) - 1) %/ 1 + 1
    #expect(size == h)
    #expect(size.description == "H")
  }

  @Test func convOutputWithSymbolsStaysReadable() throws {
    let padding = Dim("conv_1.padding")
    let kernel = Dim("conv_1.kernel_size")
    let stride = Dim("conv_1.stride")
    let dilation = Dim("conv_1.dilation")
    let full = try (h + 2 * padding - dilation * (kernel - 1) - 1) %/ stride + 1
    #expect(full.description == """
      (H - conv_1.dilation * conv_1.kernel_size + conv_1.dilation + 2 * conv_1.padding - 1) \
      // conv_1.stride + 1
      """)
    let simple = try (h + 2 * padding - kernel) %/ stride + 1
    let expected = "(H - conv_1.kernel_size + 2 * conv_1.padding) // conv_1.stride + 1"
    #expect(simple.description == expected)
  }

  @Test func constantStrideMovesMultiplesOut() throws {
    let padding = Dim("conv_1.padding")
    let kernel = Dim("conv_1.kernel_size")
    let size = try (h + 2 * padding - kernel) %/ 2 + 1
    #expect(size.description == "conv_1.padding + (H - conv_1.kernel_size) // 2 + 1")
    #expect(try ((h - 4) %/ 2 + 1).description == "H // 2 - 1")
  }

  @Test func coefficientComesFirst() throws {
    let flattened = try Dim("conv_2.out_channels") * 5 * 5
    #expect(flattened.description == "25 * conv_2.out_channels")
    #expect(try (Dim(-2) * x).description == "-2 * x")
  }

  @Test func termsFollowDegreeThenName() throws {
    let product = try Dim("N") * Dim("C") * h * Dim("W")
    #expect(product.description == "C * H * N * W")
    #expect(try (Dim(1) + y + x * y + x).description == "x * y + x + y + 1")
    #expect(try (x * x * 3 - x).description == "3 * x * x - x")
  }

  @Test func positiveTermLeads() throws {
    #expect(try (Dim(3) - x).description == "3 - x")
    #expect(try (y - x).description == "y - x")
    #expect(try (-x - y).description == "-x - y")
    #expect(try (Dim(3) - x - y).description == "3 - x - y")
  }

  @Test func floorDivisionParenthesizesOperands() throws {
    #expect(try (x %/ y).description == "x // y")
    #expect(try (Dim(7) %/ y).description == "7 // y")
    #expect(try (Dim(-7) %/ y).description == "(-7) // y")
    #expect(try ((x + 1) %/ y).description == "(x + 1) // y")
    #expect(try (Dim(2) * x %/ 3).description == "(2 * x) // 3")
    #expect(try (x %/ (y * 2)).description == "x // (2 * y)")
    #expect(try ((x %/ y) %/ Dim("z")).description == "(x // y) // z")
  }

  @Test func floorDivisionInProductIsParenthesized() throws {
    #expect(try (x %/ 2 * y).description == "y * (x // 2)")
    #expect(try (-(x %/ 2)).description == "-(x // 2)")
    #expect(try (y - x %/ 2).description == "y - x // 2")
    #expect(try ((x %/ 2) * (x %/ 2)).description == "(x // 2) * (x // 2)")
  }

  @Test func namingClosureRenamesSymbols() throws {
    let formula = try Dim("linear_1.out_features") * 2 %/ Dim("model.groups")
    let short = formula.rendered { String($0.name.split(separator: ".").last!) }
    #expect(short == "(2 * out_features) // groups")
    #expect(formula.description == "(2 * linear_1.out_features) // model.groups")
  }
}
