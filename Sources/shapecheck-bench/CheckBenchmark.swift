import Foundation

#if canImport(Glibc)
  import Glibc
#endif
import ShapeCheckKit
import ShapeSource
import ShapeSyntax

/// Timings of `check`: in-process analysis of generated chains of Linear and ReLU layers of
/// growing length and of a file full of typos, and the whole `shapecheck check` process on the
/// 3-vs-7 example.
enum CheckBenchmark {
  /// Layer counts of the generated models; the cost should grow linearly with them.
  static let sizes = [1_250, 2_500, 5_000, 10_000]

  static func run(repositoryRoot: String, executable: String) -> String {
    var lines = ["check: in-process parse and inference of a generated chain (best of 5):"]
    for size in sizes {
      let source = SourceFile(path: "generated.nn", text: generatedModel(layers: size))
      let seconds = best(of: 5) { _ = ModelCheck.analyze(source) }
      let parsing = best(of: 5) { _ = Parser.parse(source) }
      let perLayer = seconds / Double(size) * 1e6
      lines.append(
        String(
          format: "  %6d layers: %.4f s (%.2f µs per layer; parsing alone %.4f s)", size, seconds,
          perLayer, parsing))
    }
    let typos = SourceFile(path: "typos.nn", text: modelWithUndefinedNames(3_000))
    let typoSeconds = best(of: 5) { _ = ModelCheck.analyze(typos) }
    lines.append(
      String(format: "check: in-process, 3,000 undefined names among 3,000 definitions: %.4f s", typoSeconds))
    let example = (repositoryRoot as NSString).appendingPathComponent("fixtures/simple_net.nn")
    if let process = processTime(executable: executable, arguments: ["check", example], repetitions: 20) {
      lines.append(String(format: "check: whole process on fixtures/simple_net.nn: median %.2f ms over 20 runs", process * 1e3))
    } else {
      lines.append("check: whole-process timing skipped: \(executable) not found")
    }
    return lines.joined(separator: "\n")
  }

  /// Writes `count` constant definitions and `count` uses of undefined names that are one
  /// edit away from them, so that every error gets a "did you mean" search.
  static func modelWithUndefinedNames(_ count: Int) -> String {
    var text = ""
    for index in 0..<count {
      text += "c_\(index) = \(index)\n"
    }
    for index in 0..<count {
      text += "u_\(index) = d_\(index)\n"
    }
    return text
  }

  /// Writes a model of `layers` layers: Linear(16, 16) and ReLU alternating, in one Sequential.
  static func generatedModel(layers: Int) -> String {
    var text = "x: Tensor[N, 16]\n"
    var names: [String] = []
    for index in 0..<layers {
      let name = "layer_\(index)"
      text += index.isMultiple(of: 2) ? "\(name) = nn.Linear(16, 16)\n" : "\(name) = nn.ReLU()\n"
      names.append(name)
    }
    text += "net = nn.Sequential(\n    " + names.joined(separator: ",\n    ") + ",\n)\n"
    text += "y = net(x)\nassert y.shape == x.shape\n"
    return text
  }

  static func best(of repetitions: Int, _ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    var best = Double.infinity
    for _ in 0..<repetitions {
      let elapsed = clock.measure(body)
      best = min(best, seconds(elapsed))
    }
    return best
  }

  static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  }

  /// Returns the median wall-clock time of running the executable, or nil when it cannot be
  /// started.
  ///
  /// The process is started with `posix_spawn` and its output goes to /dev/null, because
  /// Foundation's `Process` adds tens of milliseconds of its own on Linux.
  static func processTime(executable: String, arguments: [String], repetitions: Int) -> Double? {
    guard FileManager.default.isExecutableFile(atPath: executable) else { return nil }
    var times: [Double] = []
    let clock = ContinuousClock()
    for _ in 0..<repetitions {
      var failed = false
      let elapsed = clock.measure {
        failed = !spawnAndWait(executable, arguments)
      }
      if failed { return nil }
      times.append(seconds(elapsed))
    }
    return times.sorted()[times.count / 2]
  }

  private static func spawnAndWait(_ executable: String, _ arguments: [String]) -> Bool {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { return false }
    var status: Int32 = 0
    return waitpid(pid, &status, 0) == pid
  }
}
