import ShapeInference
import Testing

@Test func placeholderModuleLoads() {
  #expect(Bool(true))
}
