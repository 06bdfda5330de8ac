import ShapeSyntax
import Testing

@Test func placeholderModuleLoads() {
  #expect(Bool(true))
}
