import ShapeInference
import Testing

/// A file that constructs no layer gets one `model.empty` warning, so that an empty or
/// truncated file does not pass `check` unnoticed.
@Suite struct EmptyModelTests {
  static let filesWithoutLayers = [
    "",
    "\n\n",
    "# only a comment\n",
    "import torch\nfrom torch import nn\n",
    "x: Tensor[784]\n",
    "hidden = 30\n",
    "empty = nn.Sequential()\n",
  ]

  @Test(arguments: filesWithoutLayers)
  func fileWithoutLayersIsReportedAtItsStart(text: String) throws {
    let analysis = analyze(text)
    #expect(analysis.codes == ["model.empty"])
    let position = try #require(analysis.position(of: "model.empty"))
    #expect(position.line == 1)
    #expect(position.column == 1)
    #expect(!analysis.hasErrors)
  }

  @Test(arguments: [
    "x: Tensor[784]\nrelu = nn.ReLU()\n",
    "relu = nn.ReLU()\n",
    "net = nn.Sequential(nn.Linear(784, 30))\n",
  ])
  func fileWithALayerGetsNoWarning(text: String) {
    #expect(analyze(text).codes.isEmpty)
  }

  @Test(arguments: [
    ("linear = nn.Linaer(784, 30)\n", "layer.unknown-kind"),
    ("x: Tensor[784]\ny = relu(x)\n", "name.undefined"),
    ("x = (\n", "syntax.unclosed-bracket"),
  ])
  func fileWithErrorsGetsOnlyItsErrors(text: String, code: String) {
    let codes = analyze(text).codes
    #expect(codes.contains(code))
    #expect(!codes.contains("model.empty"))
  }
}
