import Foundation
import ShapeCheckKit
import Testing

@Suite struct FileReaderTests {
  @Test func linkLoopIsNotReportedMissing() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.path("loop.nn")
    try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: path)
    #expect(throws: InputError.unreadable(path: path, reason: "too many levels of symbolic links")) {
      try FileReader.read(path, limit: 1 << 20)
    }
  }

  @Test func missingFileAndMissingFolder() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("file.nn", "x = 1\n")
    for path in [folder.path("absent.nn"), folder.path("absent/m.nn"), folder.path("file.nn/m.nn")] {
      #expect(throws: InputError.notFound(path: path)) {
        try FileReader.read(path, limit: 1 << 20)
      }
    }
  }

  @Test func fifoIsNotOpened() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.path("pipe.nn")
    #expect(mkfifo(path, 0o600) == 0)
    #expect(throws: InputError.unreadable(path: path, reason: "not a regular file")) {
      try FileReader.read(path, limit: 1 << 20)
    }
  }
}
