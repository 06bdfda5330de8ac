import Foundation
import ShapeData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
        guard let bytes = readFile(path) else {
          failures += 1
          continue
        }
        do {
          let image = try PNGDecoder.decodeGrayscale(bytes)
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

  /// Reads a whole file with POSIX calls, which costs less per small file than Foundation.
  private static func readFile(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return nil }
    let size = Int(info.st_size)
    var bytes = [UInt8](repeating: 0, count: size)
    var filled = 0
    while filled < size {
      let count = bytes.withUnsafeMutableBytes { buffer in
        read(descriptor, buffer.baseAddress.map { $0 + filled }, size - filled)
      }
      guard count > 0 else { return nil }
      filled += count
    }
    return bytes
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
