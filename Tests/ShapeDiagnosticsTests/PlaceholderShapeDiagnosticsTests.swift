import ShapeDiagnostics
import Testing

@Test func placeholderModuleLoads() {
  #expect(Bool(true))
}
