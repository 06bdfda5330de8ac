import Foundation
import ShapeData
import Testing

@Suite struct DatasetLoaderTests {
  @Test func singlePNG() throws {
    let folder = try DatasetTestFolder()
    defer { folder.remove() }
    let path = try folder.copyInput("datasets/gray-a.png", to: "a.png")

    let dataset = try DatasetLoader.load(path: path)
    #expect(dataset.items.count == 1)
    #expect(
      dataset.items[0].image == GrayImage(width: 3, height: 2, pixels: DatasetTestImages.grayA))
    #expect(dataset.items[0].label == nil)
    #expect(dataset.items[0].source == path)
    #expect(dataset.classNames.isEmpty)
  }

  @Test func flatFolderSkipsHiddenAndOtherFiles() throws {
    let folder = try DatasetTestFolder()
    defer { folder.remove() }
    try folder.copyInput("datasets/gray-b.png", to: "b.PNG")
    try folder.copyInput("datasets/gray-a.png", to: "a.png")
    try folder.write(".hidden.png", [1, 2, 3])
    try folder.write(".cache/x.png", [1, 2, 3])
    try folder.write("notes.txt", Array("not an image".utf8))

    let dataset = try DatasetLoader.load(path: folder.path)
    #expect(dataset.items.map(\.source) == [folder.path + "/a.png", folder.path + "/b.PNG"])
    #expect(
      dataset.items.map(\.image.pixels) == [DatasetTestImages.grayA, DatasetTestImages.grayB])
    #expect(dataset.items.allSatisfy { $0.label == nil })
  }

  @Test func classFolders() throws {
    let folder = try DatasetTestFolder()
    defer { folder.remove() }
    try folder.copyInput("datasets/gray-a.png", to: "7/x.png")
    try folder.copyInput("datasets/gray-b.png", to: "3/z.png")
    try folder.copyInput("datasets/gray-a.png", to: "3/y.png")

    let dataset = try DatasetLoader.load(path: folder.path + "/")
    #expect(
      dataset.items.map(\.source)
        == ["3/y.png", "3/z.png", "7/x.png"].map { folder.path + "/" + $0 })
    #expect(dataset.items.map(\.label) == ["3", "3", "7"])
    #expect(dataset.classNames == ["3", "7"])
  }

  @Test func splitAndClassFolders() throws {
    let folder = try DatasetTestFolder()
    defer { folder.remove() }
    try folder.copyInput("datasets/gray-a.png", to: "train/3/a.png")
    try folder.copyInput("datasets/gray-b.png", to: "train/7/b.png")
    try folder.copyInput("datasets/gray-a.png", to: "valid/3/c.png")
    try folder.copyInput("datasets/gray-b.png", to: "test/loose.png")
    try folder.copyInput("datasets/gray-b.png", to: "train/7/deeper/ignored.png")

    let dataset = try DatasetLoader.load(path: folder.path)
    let relative = dataset.items.map { String($0.source.dropFirst(folder.path.count + 1)) }
    #expect(relative == ["test/loose.png", "train/3/a.png", "train/7/b.png", "valid/3/c.png"])
    #expect(dataset.items.map(\.label) == [nil, "3", "7", "3"])
    #expect(dataset.classNames == ["3", "7"])
  }

  @Test func classNamesSortNumerically() throws {
    let folder = try DatasetTestFolder()
    defer { folder.remove() }
    try folder.copyInput("datasets/gray-a.png", to: "10/a.png")
    try folder.copyInput("datasets/gray-a.png", to: "9/a.png")
    #expect(try DatasetLoader.load(path: folder.path).classNames == ["9", "10"])

    let named = try DatasetTestFolder()
    defer { named.remove() }
    try named.copyInput("datasets/gray-a.png", to: "seven/a.png")
    try named.copyInput("datasets/gray-a.png", to: "10/a.png")
    #expect(try DatasetLoader.load(path: named.path).classNames == ["10", "seven"])
  }

  @Test func labelsFileReplacesFolderLabels() throws {
    let folder = try DatasetTestFolder()
    defer { folder.remove() }
    try folder.copyInput("datasets/gray-a.png", to: "train/3/a.png")
    try folder.copyInput("datasets/gray-b.png", to: "train/7/b.png")
    try folder.copyInput("datasets/gray-b.png", to: "valid/7/c.png")
    try folder.write(
      "labels.csv", Array("name,label\r\ntrain/3/a.png,0\r\n./train/7/b.png, 1\r\n".utf8))

    let dataset = try DatasetLoader.load(path: folder.path)
    #expect(dataset.items.map(\.label) == ["0", "1", nil])
    #expect(dataset.classNames == ["0", "1"])
  }

  @Test func limitStopsBeforeLaterFiles() throws {
    let folder = try DatasetTestFolder()
    defer { folder.remove() }
    try folder.copyInput("datasets/gray-a.png", to: "a.png")
    try folder.copyInput("datasets/gray-b.png", to: "b.png")
    try folder.write("c.png", [0x89, 0x50])

    let dataset = try DatasetLoader.load(path: folder.path, limit: 2)
    #expect(dataset.items.count == 2)
    #expect(try DatasetLoader.load(path: folder.path, limit: 0).items.isEmpty)
  }

  @Test func idxImagesWithSiblingLabels() throws {
    let folder = try DatasetTestFolder()
    defer { folder.remove() }
    let images = try folder.write("train-images-idx3-ubyte", IDXLabeledImagesTests.imagesBytes)
    try folder.write("train-labels-idx1-ubyte", IDXLabeledImagesTests.labelsBytes)

    let dataset = try DatasetLoader.load(path: images)
    #expect(dataset.items.map(\.label) == ["7", "3", "7"])
    #expect(dataset.items.map(\.source) == [images + "#0", images + "#1", images + "#2"])
    #expect(dataset.items[2].image.pixels == [20, 21, 22, 23, 24, 25])
    #expect(dataset.classNames == ["3", "7"])
    #expect(try DatasetLoader.load(path: images, limit: 1).items.count == 1)
  }

  @Test func gzipIDXWithPlainLabels() throws {
    let folder = try DatasetTestFolder()
    defer { folder.remove() }
    let images = try folder.copyInput("datasets/images.idx.gz", to: "t10k-images.idx3-ubyte.gz")
    try folder.write("t10k-labels.idx1-ubyte", IDXLabeledImagesTests.labelsBytes)

    let dataset = try DatasetLoader.load(path: images)
    #expect(dataset.items.map(\.label) == ["7", "3", "7"])
  }

  @Test func idxImagesWithoutLabels() throws {
    let folder = try DatasetTestFolder()
    defer { folder.remove() }
    let images = try folder.write("digits.idx", IDXLabeledImagesTests.imagesBytes)

    let dataset = try DatasetLoader.load(path: images)
    #expect(dataset.items.count == 3)
    #expect(dataset.items.allSatisfy { $0.label == nil })
  }

  @Test func plainAndGzipCSV() throws {
    let folder = try DatasetTestFolder()
    defer { folder.remove() }
    let text = DigitCSVTests.line(label: "4") + "\n" + DigitCSVTests.line(label: "2", seed: 1)
    let plain = try folder.write("d.csv", Array(text.utf8))
    let compressed = try folder.copyInput("datasets/digits.csv.gz", to: "d.CSV.gz")

    let fromPlain = try DatasetLoader.load(path: plain)
    #expect(fromPlain.items.map(\.label) == ["4", "2"])
    #expect(fromPlain.items.map(\.source) == [plain + "#0", plain + "#1"])
    #expect(fromPlain.classNames == ["2", "4"])
    #expect(try DatasetLoader.load(path: compressed).items.map(\.label) == ["3", "7"])
    #expect(try DatasetLoader.load(path: plain, limit: 1).items.count == 1)
  }
}
