import ShapeData
import Testing

@Test func placeholderModuleLoads() {
  #expect(Bool(true))
}
