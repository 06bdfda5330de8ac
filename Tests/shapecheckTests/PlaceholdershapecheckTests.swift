import ShapeCheckKit
import Testing

@Test func placeholderModuleLoads() {
  #expect(Bool(true))
}
