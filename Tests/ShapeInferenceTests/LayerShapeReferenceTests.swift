import ShapeInference
import ShapeLayers
import Testing

/// Output shapes that PyTorch 2.13.0 (CPU) computes, or nil where it raises, from
/// scripts/make_layer_shape_reference.py.
private let cases: [(constructor: String, input: [Int], output: [Int]?)] = [
  ("nn.Conv2d(1, 6, kernel_size=5, padding=2)", [4, 1, 28, 28], [4, 6, 28, 28]),
  ("nn.Conv2d(1, 6, kernel_size=5)", [1, 28, 28], [6, 24, 24]),
  ("nn.Conv2d(3, 8, kernel_size=(3, 5), stride=(2, 1), padding=(1, 2))", [2, 3, 17, 9], [2, 8, 9, 9]),
  ("nn.Conv2d(4, 8, kernel_size=3, dilation=2, groups=4)", [1, 4, 12, 12], [1, 8, 8, 8]),
  ("nn.Conv2d(2, 4, kernel_size=4, padding='same')", [1, 2, 7, 6], [1, 4, 7, 6]),
  ("nn.Conv2d(2, 4, kernel_size=3, padding='valid', stride=3)", [1, 2, 10, 11], [1, 4, 3, 3]),
  ("nn.Conv2d(2, 4, kernel_size=3, padding=1, padding_mode='reflect')", [1, 2, 5, 5], [1, 4, 5, 5]),
  ("nn.Conv2d(2, 4, kernel_size=3, padding=2, padding_mode='circular')", [1, 2, 2, 5], [1, 4, 4, 7]),
  ("nn.Conv2d(1, 2, kernel_size=6)", [1, 1, 5, 8], nil),
  ("nn.Conv1d(3, 5, kernel_size=3, stride=2, padding=1)", [2, 3, 16], [2, 5, 8]),
  ("nn.Conv1d(3, 5, 4, padding='same', dilation=3)", [3, 10], [5, 10]),
  ("nn.Conv1d(2, 2, kernel_size=3, padding=3, padding_mode='replicate')", [1, 2, 2], [1, 2, 6]),
  ("nn.MaxPool2d(2)", [4, 6, 28, 28], [4, 6, 14, 14]),
  ("nn.MaxPool2d(3, stride=2, ceil_mode=True)", [1, 1, 8, 9], [1, 1, 4, 4]),
  ("nn.MaxPool2d(2, stride=2, padding=1, ceil_mode=True)", [1, 1, 5, 5], [1, 1, 3, 3]),
  ("nn.MaxPool2d(3, stride=2, padding=1, dilation=2)", [1, 11, 10], [1, 5, 4]),
  ("nn.MaxPool2d(1, stride=3, ceil_mode=True)", [1, 1, 5, 7], [1, 1, 2, 3]),
  ("nn.MaxPool2d(4)", [1, 1, 3, 8], nil),
  ("nn.MaxPool1d(3, stride=2, padding=1)", [2, 4, 9], [2, 4, 5]),
  ("nn.AvgPool2d(kernel_size=2, stride=2)", [4, 16, 10, 10], [4, 16, 5, 5]),
  ("nn.AvgPool2d(3, stride=2, padding=1, ceil_mode=True)", [1, 2, 6, 7], [1, 2, 4, 4]),
  ("nn.AvgPool2d((2, 3), divisor_override=2)", [3, 7, 7], [3, 3, 2]),
  ("nn.AvgPool1d(3, ceil_mode=True)", [1, 2, 10], [1, 2, 4]),
  ("nn.AdaptiveAvgPool2d((5, None))", [2, 3, 11, 13], [2, 3, 5, 13]),
  ("nn.AdaptiveMaxPool2d(1)", [3, 9, 9], [3, 1, 1]),
  ("nn.AdaptiveAvgPool1d(4)", [2, 3, 10], [2, 3, 4]),
  ("nn.AdaptiveMaxPool1d(None)", [2, 7], nil),
  ("nn.BatchNorm2d(6)", [2, 6, 3, 3], [2, 6, 3, 3]),
  ("nn.BatchNorm2d(6)", [6, 3, 3], nil),
  ("nn.BatchNorm1d(6)", [2, 6], [2, 6]),
  ("nn.BatchNorm1d(6)", [2, 6, 5], [2, 6, 5]),
  ("nn.BatchNorm1d(6)", [2, 6, 5, 5], nil),
  ("nn.LayerNorm((3, 4))", [2, 3, 4], [2, 3, 4]),
  ("nn.LayerNorm(4)", [2, 3, 5], nil),
  ("nn.GroupNorm(2, 6)", [2, 6, 4], [2, 6, 4]),
  ("nn.Embedding(10, 3)", [2, 5], [2, 5, 3]),
  ("nn.Dropout1d()", [2, 3, 4], [2, 3, 4]),
  ("nn.Dropout1d()", [2, 3, 4, 5], nil),
  ("nn.Dropout2d()", [3, 4, 5], [3, 4, 5]),
]

@Suite struct LayerShapeReferenceTests {
  @Test(arguments: cases.indices)
  func shapeMatchesPyTorch(_ index: Int) {
    let (constructor, input, output) = cases[index]
    let dims = input.map(String.init).joined(separator: ", ")
    let analysis = analyze("x: Tensor[\(dims)]\nlayer = \(constructor)\ny = layer(x)\n")
    guard let output else {
      #expect(analysis.hasErrors, "\(constructor) on \(input) should be rejected")
      return
    }
    #expect(!analysis.hasErrors, "\(constructor) on \(input): \(analysis.codes)")
    #expect(analysis.shapeValues(of: "y") == output.map { Optional($0) }, "\(constructor) on \(input)")
  }
}
