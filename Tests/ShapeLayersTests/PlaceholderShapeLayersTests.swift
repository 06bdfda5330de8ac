import ShapeLayers
import Testing

@Test func placeholderModuleLoads() {
  #expect(Bool(true))
}
