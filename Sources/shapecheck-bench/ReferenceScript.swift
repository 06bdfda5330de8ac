import Foundation

/// Runs a Python reference benchmark from scripts/ and reads the time it reports.
enum ReferenceScript {
  /// Returns the script's standard output, or nil when python3 or the script's modules are missing.
  static func run(_ script: String, arguments: [String], repositoryRoot: String) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", (repositoryRoot as NSString).appendingPathComponent(script)] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Returns the first duration in a report, written as `1.234 s` or `1.234 ms`, in seconds.
  static func seconds(in report: String) -> Double? {
    let words = report.split(whereSeparator: { $0 == " " || $0 == "(" })
    for (index, word) in words.enumerated() where index + 1 < words.count {
      guard let value = Double(word) else { continue }
      let unit = words[index + 1].trimmingCharacters(in: .punctuationCharacters)
      if unit == "s" { return value }
      if unit == "ms" { return value / 1e3 }
    }
    return nil
  }

  /// "shapecheck takes 0.42× the reference's time", from two reports.
  static func ratio(ours: String, reference: String) -> String {
    guard let mine = seconds(in: ours), let theirs = seconds(in: reference), theirs > 0 else {
      return "ratio: not computed (a report had no time)"
    }
    return String(format: "ratio: shapecheck takes %.2f× the reference's time", mine / theirs)
  }
}
