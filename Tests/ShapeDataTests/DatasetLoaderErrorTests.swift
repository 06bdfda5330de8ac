import Foundation
import ShapeData
import Testing

@Suite struct DatasetLoaderErrorTests {
  @Test func missingPath() throws {
    let folder = try DatasetTestFolder()
    defer { folder.remove() }
    let path = folder.path + "/nothing.png"
    let error = #expect(throws: DatasetError.notFound(path: path)) {
      try DatasetLoader.load(path: path)
    }
    #expect(error?.description == path + ": no such file or folder")
  }

  @Test func linkLoopIsUnreadableNotMissing() throws {
    let folder = try DatasetTestFolder()
    defer { folder.remove() }
    let path = folder.path + "/loop.png"
    try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: path)
    let error = #expect(throws: DatasetError.unreadable(path: path, errno: ELOOP)) {
      try DatasetLoader.load(path: path)
    }
    #expect(error?.description == path + ": cannot read the file: too many levels of symbolic links")
  }

  @Test func unreadableFileMessage() {
    let error = DatasetError.unreadable(path: "x/a.png", errno: EACCES)
    #expect(error.description == "x/a.png: cannot read the file: permission denied")
    #expect(error.path == "x/a.png")
  }

  @Test(.enabled(if: getuid() != 0, "root reads files regardless of permissions"))
  func unreadableFile() throws {
    let folder = try DatasetTestFolder()
    defer { folder.remove() }
    let path = try folder.copyInput("datasets/gray-a.png", to: "a.png")
    chmod(path, 0)
    #expect(throws: DatasetError.unreadable(path: path, errno: EACCES)) {
      try DatasetLoader.load(path: path)
    }
  }

  @Test func unsupportedFileType() throws {
    let folder = try DatasetTestFolder()
    defer { folder.remove() }
    let path = try folder.write("model.nn", Array("x".utf8))
    let error = #expect(throws: DatasetError.unsupportedFileType(path: path)) {
      try DatasetLoader.load(path: path)
    }
    #expect(error?.description.hasPrefix(path + ": unsupported file type: expected .png") == true)
  }

  @Test func folderWithoutImages() throws {
    let folder = try DatasetTestFolder()
    defer { folder.remove() }
    try folder.write("readme.txt", Array("x".utf8))
    try folder.makeFolder("train/3")
    let error = #expect(throws: DatasetError.noImages(path: folder.path)) {
      try DatasetLoader.load(path: folder.path)
    }
    let expected =
      folder.path + ": no .png images found: expected *.png, {class}/*.png "
      + "or {train,valid,test}/{class}/*.png in the folder"
    #expect(error?.description == expected)
  }

  @Test func corruptPNGInFolder() throws {
    let folder = try DatasetTestFolder()
    defer { folder.remove() }
    try folder.copyInput("datasets/gray-a.png", to: "3/a.png")
    let bad = try folder.write("3/b.png", Array(try inputBytes("datasets/gray-a.png").prefix(40)))
    let error = #expect(throws: DatasetError.self) {
      try DatasetLoader.load(path: folder.path)
    }
    guard case .png(let path, _)? = error else {
      Issue.record("expected a PNG error, got \(String(describing: error))")
      return
    }
    #expect(path == bad)
    #expect(error?.description.hasPrefix(bad + ": invalid PNG: ") == true)
  }

  @Test func fileOverSizeLimit() throws {
    let folder = try DatasetTestFolder()
    defer { folder.remove() }
    let path = try folder.copyInput("datasets/gray-a.png", to: "a.png")
    let limits = DataLimits(maxDecompressedBytes: 10)
    #expect(throws: DatasetError.fileTooLarge(path: path, byteCount: 73, limit: 10)) {
      try DatasetLoader.load(path: path, limits: limits)
    }
  }

  @Test func labelsFileGivenAsImages() throws {
    let folder = try DatasetTestFolder()
    defer { folder.remove() }
    let labels = try folder.write("train-labels-idx1-ubyte", IDXLabeledImagesTests.labelsBytes)
    let expected = IDXError.notImages(type: .unsignedByte, dimensions: [3])
    #expect(throws: DatasetError.idx(path: labels, error: expected)) {
      try DatasetLoader.load(path: labels)
    }
  }

  @Test func siblingLabelsCountMismatchNamesLabelsFile() throws {
    let folder = try DatasetTestFolder()
    defer { folder.remove() }
    let images = try folder.write("train-images-idx3-ubyte", IDXLabeledImagesTests.imagesBytes)
    let labels = try folder.write(
      "train-labels-idx1-ubyte", IDXTestFile.bytes(dimensions: [2], data: [1, 2]))
    let expected = IDXError.labelCountMismatch(images: 3, labels: 2)
    #expect(throws: DatasetError.idx(path: labels, error: expected)) {
      try DatasetLoader.load(path: images)
    }
  }

  @Test func damagedSiblingLabelsNamesLabelsFile() throws {
    let folder = try DatasetTestFolder()
    defer { folder.remove() }
    let images = try folder.write("a-images-idx3-ubyte", IDXLabeledImagesTests.imagesBytes)
    let labels = try folder.write("a-labels-idx1-ubyte", [0, 0, 8])
    let expected = IDXError.truncatedHeader(byteCount: 3, headerLength: 4)
    #expect(throws: DatasetError.idx(path: labels, error: expected)) {
      try DatasetLoader.load(path: images)
    }
  }

  @Test func csvErrorNamesFile() throws {
    let folder = try DatasetTestFolder()
    defer { folder.remove() }
    let path = try folder.write("d.csv", Array("1,2,3\n".utf8))
    let error = #expect(throws: DatasetError.self) {
      try DatasetLoader.load(path: path)
    }
    #expect(
      error?.description == path + ": invalid digit CSV: line 1: expected 785 fields, found 3")
  }

  @Test(arguments: ["path,label\na.png,1\n", "", "a.png\n"])
  func labelsFileWithBadHeader(text: String) throws {
    let folder = try DatasetTestFolder()
    defer { folder.remove() }
    try folder.copyInput("datasets/gray-a.png", to: "a.png")
    let labels = try folder.write("labels.csv", Array(text.utf8))
    #expect(throws: DatasetError.invalidLabelsHeader(path: labels)) {
      try DatasetLoader.load(path: folder.path)
    }
  }

  @Test(arguments: ["name,label\n\na.png\n", "name,label\n\n,3\n", "name,label\n\na.png,\n"])
  func labelsFileWithBadRow(text: String) throws {
    let folder = try DatasetTestFolder()
    defer { folder.remove() }
    try folder.copyInput("datasets/gray-a.png", to: "a.png")
    let labels = try folder.write("labels.csv", Array(text.utf8))
    let error = #expect(throws: DatasetError.invalidLabelsRow(path: labels, line: 3)) {
      try DatasetLoader.load(path: folder.path)
    }
    #expect(error?.description.hasPrefix(labels + ": line 3: expected a relative path") == true)
  }

  @Test func descriptionsAreOneLine() {
    let errors: [DatasetError] = [
      .notFound(path: "p"), .unreadable(path: "p", errno: ENOENT), .folderUnreadable(path: "p"),
      .notRegularFile(path: "p"),
      .fileTooLarge(path: "p", byteCount: 2, limit: 1), .unsupportedFileType(path: "p"),
      .noImages(path: "p"), .idx(path: "p", error: .invalidMagic(firstBytes: [1, 2])),
      .csv(path: "p", error: .noRows), .invalidLabelsHeader(path: "p"),
      .invalidLabelsRow(path: "p", line: 2),
    ]
    for error in errors {
      #expect(error.description.hasPrefix("p: "), "\(error)")
      #expect(!error.description.contains("\n"), "\(error)")
      #expect(!error.description.hasSuffix("."), "\(error)")
    }
  }
}

@Suite struct DatasetLoaderSpecialFileTests {
  @Test func fifoIsRejectedWithoutOpening() throws {
    let folder = try DatasetTestFolder()
    defer { folder.remove() }
    let path = folder.path + "/pipe.png"
    try #require(mkfifo(path, 0o600) == 0)
    #expect(throws: DatasetError.notRegularFile(path: path)) {
      try DatasetLoader.load(path: path)
    }
  }

  @Test func fifoInFolderIsSkipped() throws {
    let folder = try DatasetTestFolder()
    defer { folder.remove() }
    try folder.copyInput("datasets/gray-a.png", to: "a.png")
    try #require(mkfifo(folder.path + "/b.png", 0o600) == 0)
    #expect(try DatasetLoader.load(path: folder.path).items.count == 1)
  }
}
