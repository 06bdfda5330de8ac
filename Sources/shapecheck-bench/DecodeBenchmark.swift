import Foundation
import ShapeData

/// A timing of PNG decoding over every *.png file under a folder.
enum DecodeBenchmark {
  /// Finds every *.png file under `sampleRoot`, reads and decodes each to gray once, and
  /// returns a one-paragraph report, or nil when the folder does not exist.
  ///
  /// The time covers reading and decoding but not the directory walk.
  static func run(sampleRoot: String) -> String? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: sampleRoot, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { return nil }
    let paths = pngPaths(under: sampleRoot)

    let clock = ContinuousClock()
    var failures = 0
    var pixelSum = 0
    let elapsed = clock.measure {
      for path in paths {
        guard let data = FileManager.default.contents(atPath: path) else {
          failures += 1
          continue
        }
        do {
          let image = try PNGDecoder.decodeGrayscale([UInt8](data))
          pixelSum &+= Int(image.pixels.first ?? 0)
        } catch {
          failures += 1
        }
      }
    }
    let seconds = Double(elapsed.components.seconds)
      + Double(elapsed.components.attoseconds) / 1e18
    let rate = seconds > 0 ? Double(paths.count) / seconds : 0
    return "decode: read and decoded \(paths.count) PNG files under \(sampleRoot) to gray in "
      + String(format: "%.3f s (%.0f images/s)", seconds, rate)
      + "; \(failures) failed; checksum of first pixels \(pixelSum)."
  }

  /// Returns the paths of all *.png files under `root`, sorted.
  private static func pngPaths(under root: String) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
    var paths: [String] = []
    while let relative = enumerator.nextObject() as? String {
      if relative.lowercased().hasSuffix(".png") {
        paths.append((root as NSString).appendingPathComponent(relative))
      }
    }
    return paths.sorted()
  }
}
