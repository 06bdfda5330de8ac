import Foundation
import ShapeCheckKit
import Testing

/// Checking folder trees: file discovery, filters, order, exit status and the summary.
@Suite struct BatchCheckTests {
  static func options() -> CheckOptions {
    var options = CheckOptions()
    options.readsConfiguration = false
    return options
  }

  @Test func folderIsSearchedRecursivelyInSortedOrder() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    for name in ["z.nn", "a/y.nn", "a/b/x.nn", "b.nn", "notes.txt", "a/model.py"] {
      try folder.write(name, Models.valid)
    }
    let run = BatchCheck.run([folder.path], options: Self.options())
    let relative = run.files.map { String($0.source.path.dropFirst(folder.path.count + 1)) }
    #expect(relative == ["a/b/x.nn", "a/y.nn", "b.nn", "z.nn"])
  }

  @Test func manyFilesKeepTheirOrder() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    for index in 0..<40 {
      try folder.write("m\(index).nn", index.isMultiple(of: 3) ? Models.mismatch : Models.valid)
    }
    let run = BatchCheck.run([folder.path], options: Self.options())
    let paths = run.files.map(\.source.path)
    #expect(paths.count == 40)
    #expect(paths == paths.sorted())
    #expect(run.count(.error) == 14)
    #expect(run.summary == "40 files checked: 14 errors, 0 warnings in 14 files")
  }

  @Test func includeAndExcludeFilterRelativePaths() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    for name in ["keep/a.nn", "keep/a_test.nn", "vendor/b.nn", "c.nn"] {
      try folder.write(name, Models.valid)
    }
    var options = Self.options()
    options.includes = [GlobPattern("keep/**"), GlobPattern("c.nn")]
    options.excludes = [GlobPattern("*_test.nn")]
    let run = BatchCheck.run([folder.path], options: options)
    #expect(run.files.map(\.source.path) == [folder.path("c.nn"), folder.path("keep/a.nn")])
    options.includes = []
    options.excludes = [GlobPattern("vendor")]
    let pruned = BatchCheck.run([folder.path], options: options)
    #expect(pruned.files.count == 3)
  }

  @Test func unreadableFileDoesNotStopOthers() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("a.nn", Models.valid)
    try folder.write("c.nn", Models.valid)
    let run = BatchCheck.run(
      [folder.path("a.nn"), folder.path("b.nn"), folder.path("c.nn")], options: Self.options())
    #expect(run.files.count == 2)
    #expect(run.failures.map(\.path) == [folder.path("b.nn")])
    #expect(run.exitStatus == .input)
    #expect(run.summary.hasSuffix("; 1 input error, 1 file not checked"))
  }

  @Test func errorsTakePrecedenceOverInputFailures() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("bad.nn", Models.mismatch)
    let run = BatchCheck.run(
      [folder.path("bad.nn"), folder.path("missing.nn")], options: Self.options())
    #expect(run.failures.count == 1)
    #expect(run.exitStatus == .findings)
  }

  @Test func warningsFailOnlyWhenRequested() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("w.nn", Models.warning)
    #expect(BatchCheck.run([folder.path], options: Self.options()).exitStatus == .success)
    var options = Self.options()
    options.warningsAsErrors = true
    #expect(BatchCheck.run([folder.path], options: options).exitStatus == .findings)
  }

  @Test func symbolicLinkLoopEnds() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("a/m.nn", Models.valid)
    try FileManager.default.createSymbolicLink(
      atPath: folder.path("a/loop"), withDestinationPath: "..")
    try FileManager.default.createSymbolicLink(
      atPath: folder.path("a/self"), withDestinationPath: ".")
    let run = BatchCheck.run([folder.path], options: Self.options())
    #expect(run.files.map(\.source.path) == [folder.path("a/m.nn")])
    #expect(run.failures.isEmpty)
  }

  @Test func danglingLinkIsReported() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("ok.nn", Models.valid)
    try FileManager.default.createSymbolicLink(
      atPath: folder.path("gone.nn"), withDestinationPath: "nowhere.nn")
    let run = BatchCheck.run([folder.path], options: Self.options())
    #expect(run.files.count == 1)
    #expect(run.failures.map(\.path) == [folder.path("gone.nn")])
  }

  /// Root reads folders whatever their permissions, so this runs only for other users.
  @Test(.enabled(if: geteuid() != 0)) func unreadableFolderIsReported() throws {
    let folder = try TemporaryFolder()
    defer {
      _ = chmod(folder.path("locked"), 0o755)
      folder.remove()
    }
    try folder.write("open/m.nn", Models.valid)
    try folder.write("locked/m.nn", Models.valid)
    #expect(chmod(folder.path("locked"), 0) == 0)
    let run = BatchCheck.run([folder.path], options: Self.options())
    #expect(run.files.map(\.source.path) == [folder.path("open/m.nn")])
    #expect(run.failures.map(\.message) == ["\(folder.path("locked")): the folder cannot be read"])
    #expect(run.exitStatus == .input)
  }

  @Test func fifoIsRejectedWithoutBlocking() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    #expect(mkfifo(folder.path("pipe.nn"), 0o600) == 0)
    let run = BatchCheck.run([folder.path], options: Self.options())
    #expect(run.files.isEmpty)
    #expect(run.failures.first?.message.contains("not a regular file") == true)
  }

  @Test func folderWithoutModelsIsInputError() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("readme.txt", "")
    let run = BatchCheck.run([folder.path], options: Self.options())
    #expect(run.failures.first?.message.contains("contains no .nn files") == true)
    #expect(run.exitStatus == .input)
  }

  @Test func repeatedPathIsCheckedOnce() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("m.nn", Models.valid)
    let run = BatchCheck.run(
      [folder.path("m.nn"), folder.path, folder.path("m.nn")], options: Self.options())
    #expect(run.files.count == 1)
  }
}
