import Foundation
import ShapeData
import Testing

@Suite struct DigitCSVTests {
  /// Returns one CSV line: the label at `labelFirst`'s end and 784 pixels `(i + seed) % 256`.
  static func line(label: String, seed: Int = 0, labelFirst: Bool = true) -> String {
    let pixels = (0..<784).map { String(($0 + seed) % 256) }
    let fields = labelFirst ? [label] + pixels : pixels + [label]
    return fields.joined(separator: ",")
  }

  static func pixels(seed: Int) -> [UInt8] {
    (0..<784).map { UInt8(($0 + seed) % 256) }
  }

  static func header(labelName: String = "label", labelFirst: Bool = true) -> String {
    let names = (0..<784).map { "pixel\($0)" }
    return (labelFirst ? [labelName] + names : names + [labelName]).joined(separator: ",")
  }

  private func parse(
    _ text: String, labelColumn: DigitCSV.LabelColumn = .automatic
  ) throws(DigitCSVError) -> [LabeledImage] {
    try DigitCSV.parse(Array(text.utf8), labelColumn: labelColumn, source: "d.csv")
  }

  @Test func headerWithLabelFirst() throws {
    let text =
      [Self.header(), Self.line(label: "3"), Self.line(label: "7", seed: 5)]
      .joined(separator: "\n") + "\n"
    let images = try parse(text)
    #expect(images.count == 2)
    #expect(images.map(\.label) == ["3", "7"])
    #expect(images.map(\.source) == ["d.csv#0", "d.csv#1"])
    #expect(images[1].image.pixels == Self.pixels(seed: 5))
    #expect(images[0].image.width == 28)
    #expect(images[0].image.height == 28)
  }

  @Test func headerWithLabelLast() throws {
    let text = [
      Self.header(labelName: "\"Label\"", labelFirst: false),
      Self.line(label: "9", seed: 2, labelFirst: false),
    ].joined(separator: "\n")
    let images = try parse(text)
    #expect(images.map(\.label) == ["9"])
    #expect(images[0].image.pixels == Self.pixels(seed: 2))
  }

  @Test func numericHeaderNamesAfterLabel() throws {
    let header = (["label"] + (0..<784).map(String.init)).joined(separator: ",")
    let images = try parse(header + "\n" + Self.line(label: "1"))
    #expect(images.map(\.label) == ["1"])
  }

  @Test func noHeaderLabelFirst() throws {
    let images = try parse(Self.line(label: "4") + "\n" + Self.line(label: "5", seed: 1))
    #expect(images.map(\.label) == ["4", "5"])
    #expect(images[1].image.pixels == Self.pixels(seed: 1))
  }

  /// A digit-like line: zero corners, some ink in the middle, and the label at one end.
  static func digitLine(label: Int, labelFirst: Bool) -> String {
    let pixels = (0..<784).map { $0 % 28 > 8 && $0 % 28 < 20 && $0 / 28 > 8 ? "200" : "0" }
    let fields = labelFirst ? [String(label)] + pixels : pixels + [String(label)]
    return fields.joined(separator: ",")
  }

  @Test func noHeaderLabelLastIsDetected() throws {
    let text = [3, 7, 0, 7].map { Self.digitLine(label: $0, labelFirst: false) }.joined(separator: "\n")
    let images = try parse(text)
    #expect(images.map(\.label) == ["3", "7", "0", "7"])
    #expect(images[0].image.pixels.first == 0)
    #expect(images[0].image.pixels.count == 784)
  }

  @Test func noHeaderDigitLabelFirstStaysFirst() throws {
    let text = [3, 7, 0, 7].map { Self.digitLine(label: $0, labelFirst: true) }.joined(separator: "\n")
    let images = try parse(text)
    #expect(images.map(\.label) == ["3", "7", "0", "7"])
  }

  @Test func noHeaderLabelLastWithLargeFirstPixel() throws {
    // A first-column value of 12 cannot be a digit label, so the label must be last.
    var fields = Self.digitLine(label: 5, labelFirst: false).split(separator: ",").map(String.init)
    fields[0] = "12"
    let images = try parse(fields.joined(separator: ","))
    #expect(images.map(\.label) == ["5"])
    #expect(images[0].image.pixels.first == 12)
  }

  @Test func explicitLastWithoutHeader() throws {
    let text = Self.line(label: "8", seed: 3, labelFirst: false)
    let images = try parse(text, labelColumn: .last)
    #expect(images.map(\.label) == ["8"])
    #expect(images[0].image.pixels == Self.pixels(seed: 3))
  }

  @Test func explicitOptionOverridesHeader() throws {
    let text = Self.header(labelFirst: true) + "\n" + Self.line(label: "6", labelFirst: false)
    let images = try parse(text, labelColumn: .last)
    #expect(images.map(\.label) == ["6"])
  }

  @Test func headerWithoutLabelNameMeansFirst() throws {
    let text = Self.header(labelName: "digit") + "\n" + Self.line(label: "2")
    #expect(try parse(text).map(\.label) == ["2"])
  }

  @Test func crlfBlankLinesAndSpaces() throws {
    let spaced = Self.line(label: " 7 ").replacingOccurrences(of: ",1,", with: ", 1 ,")
    let text = Self.header() + "\r\n\r\n" + spaced + "\r\n  \r\n" + Self.line(label: "+3") + "\r\n"
    let images = try parse(text)
    #expect(images.map(\.label) == ["7", "3"])
    #expect(images[0].image.pixels == Self.pixels(seed: 0))
  }

  @Test func limitStopsBeforeBadRows() throws {
    let text = Self.line(label: "1") + "\n" + Self.line(label: "2") + "\nnot,a,row"
    let images = try DigitCSV.parse(Array(text.utf8), limit: 2)
    #expect(images.map(\.label) == ["1", "2"])
    #expect(images[0].source == "#0")
  }

  @Test func shortRowNamesLine() {
    let text = Self.line(label: "1") + "\n1,2,3\n"
    #expect(throws: DigitCSVError.wrongFieldCount(line: 2, expected: 785, found: 3)) {
      try parse(text)
    }
  }

  @Test func millionColumnRowRejected() {
    let text = String(repeating: "0,", count: 999_999) + "0"
    #expect(throws: DigitCSVError.wrongFieldCount(line: 1, expected: 785, found: 1_000_000)) {
      try parse(text)
    }
  }

  @Test func nonIntegerPixelNamesColumn() {
    let text = Self.line(label: "1").replacingOccurrences(of: ",10,", with: ",1.5,")
    #expect(throws: DigitCSVError.notAnInteger(line: 1, column: 12, text: "1.5")) {
      try parse(text)
    }
  }

  @Test func nonIntegerLabelNamesColumn() {
    let text = Self.header() + "\n" + Self.line(label: "3x")
    #expect(throws: DigitCSVError.notAnInteger(line: 2, column: 1, text: "3x")) {
      try parse(text)
    }
  }

  @Test(arguments: ["256", "-1", "99999999999999999999"])
  func pixelOutOfRange(value: String) {
    let text = Self.line(label: "1", seed: 255).replacingOccurrences(
      of: "1,255,", with: "1,\(value),", options: [], range: nil)
    let error = #expect(throws: DigitCSVError.self) {
      try parse(text)
    }
    switch error {
    case .pixelOutOfRange(let line, let column, let text)?:
      #expect(line == 1)
      #expect(column == 2)
      #expect(text == value)
    case .notAnInteger(_, let column, let text)?:
      // Values with more than 18 digits are not parsed as integers at all.
      #expect(value.count > 18)
      #expect(column == 2)
      #expect(text == value.prefix(20))
    default:
      Issue.record("unexpected \(String(describing: error))")
    }
  }

  @Test func labelInMiddleColumnRejected() {
    var names = (0..<785).map { "p\($0)" }
    names[100] = "label"
    let text = names.joined(separator: ",") + "\n" + Self.line(label: "1")
    #expect(throws: DigitCSVError.labelColumnInMiddle(line: 1, column: 101)) {
      try parse(text)
    }
  }

  @Test func tooManyRowsWithoutHeader() {
    let limits = DataLimits(maxImagePixels: 100)
    #expect(DigitCSV.maxRows(limits: limits) == 0)
    #expect(throws: DigitCSVError.tooManyRows(line: 2, limit: 0)) {
      try DigitCSV.parse(Array(("\n" + Self.line(label: "1")).utf8), limits: limits)
    }
  }

  @Test func limitZeroOrNegativeReadsNothing() throws {
    let text = Array("not,a,row".utf8)
    #expect(try DigitCSV.parse(text, limit: 0).isEmpty)
    #expect(try DigitCSV.parse(text, limit: -3).isEmpty)
  }

  @Test func tooManyRows() {
    let limits = DataLimits(maxImagePixels: 784 * 2)
    let text = (1...3).map { Self.line(label: String($0)) }.joined(separator: "\n")
    #expect(DigitCSV.maxRows(limits: limits) == 2)
    #expect(throws: DigitCSVError.tooManyRows(line: 3, limit: 2)) {
      try DigitCSV.parse(Array(text.utf8), limits: limits)
    }
  }

  @Test(arguments: ["", "\n\r\n", header()])
  func noRows(text: String) {
    #expect(throws: DigitCSVError.noRows) {
      try parse(text)
    }
  }

  @Test func descriptionsNameLineAndColumn() {
    let error = DigitCSVError.notAnInteger(line: 4, column: 9, text: "x")
    #expect(error.description == "line 4, column 9: 'x' is not an integer")
    let count = DigitCSVError.wrongFieldCount(line: 2, expected: 785, found: 3)
    #expect(count.description == "line 2: expected 785 fields, found 3")
  }
}

@Suite struct DigitCSVGzipTests {
  @Test func gzipMatchesPlain() throws {
    let text =
      [
        DigitCSVTests.header(), DigitCSVTests.line(label: "3"),
        DigitCSVTests.line(label: "7", seed: 5),
      ].joined(separator: "\n") + "\n"
    let compressed = try inputBytes("datasets/digits.csv.gz")
    let fromGzip = try DigitCSV.parse(compressed, source: "d")
    #expect(fromGzip == (try DigitCSV.parse(Array(text.utf8), source: "d")))
    #expect(fromGzip.map(\.label) == ["3", "7"])
  }

  @Test func gzipDamageIsReported() throws {
    let compressed = try inputBytes("datasets/corrupt-crc.gz")
    let error = #expect(throws: DigitCSVError.self) {
      try DigitCSV.parse(compressed)
    }
    guard case .decompression(.checksumMismatch)? = error else {
      Issue.record("expected a checksum mismatch, got \(String(describing: error))")
      return
    }
  }
}

@Suite struct DigitCSVMalformedTests {
  @Test func everyCSVTruncationParsesOrThrows() {
    let text = DigitCSVTests.header() + "\n" + DigitCSVTests.line(label: "5") + "\n"
    let bytes = Array(text.utf8)
    var accepted = 0
    for length in Array(stride(from: 0, to: bytes.count, by: 7)) + [bytes.count] {
      if (try? DigitCSV.parse(Array(bytes.prefix(length)))) != nil { accepted += 1 }
    }
    // Only prefixes that end inside the last pixel or after the line are complete rows.
    #expect(accepted >= 1)
  }
}
