import ShapeSymbolic
import Testing

@Test func placeholderModuleLoads() {
  #expect(Bool(true))
}
