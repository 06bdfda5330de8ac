import ShapeData
import Testing

@Suite struct DatasetTests {
  private func item(_ label: String?) -> LabeledImage {
    LabeledImage(image: GrayImage(width: 1, height: 1, pixels: [0]), label: label, source: "s")
  }

  @Test func classNamesKeepLabelText() {
    let dataset = Dataset(items: ["07", "10", "9", "7", "10"].map(item))
    #expect(dataset.classNames == ["07", "7", "9", "10"])
  }

  @Test func classNamesSortTextWhenNotAllNumbers() {
    let dataset = Dataset(items: [item("b"), item("10"), item(nil), item("A")])
    #expect(dataset.classNames == ["10", "A", "b"])
  }

  @Test func unlabeledItemsGiveNoClasses() {
    #expect(Dataset(items: [item(nil)]).classNames.isEmpty)
    #expect(Dataset(items: []).classNames.isEmpty)
  }
}
