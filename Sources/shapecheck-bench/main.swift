import Foundation

// Release-build benchmarks; docs/benchmarks.md records the figures and the machine.
//
// Usage: shapecheck-bench [check|decode|forward|conv|all] [--shared PATH] [--threads N]
// PATH is the folder holding mnist_sample/ (default: ../shared beside the repository).
// Each benchmark that has a Python reference runs it in the same process run and prints the
// ratio; a missing folder or Python module skips that part.

let arguments = Array(CommandLine.arguments.dropFirst())
let repositoryRoot = FileManager.default.currentDirectoryPath
let executableFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path

func option(_ name: String) -> String? {
  guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
  return arguments[index + 1]
}

let which = arguments.first { !$0.hasPrefix("--") && $0 != option("--shared") && $0 != option("--threads") } ?? "all"
let shared = option("--shared") ?? (repositoryRoot as NSString).appendingPathComponent("../shared")
let threadCounts = option("--threads").flatMap(Int.init).map { [$0] } ?? [1, 2]
let sample = (shared as NSString).appendingPathComponent("mnist_sample")

func compare(_ ours: String, reference script: String, arguments: [String]) {
  print(ours)
  guard let reference = ReferenceScript.run(script, arguments: arguments, repositoryRoot: repositoryRoot) else {
    print("reference: skipped (\(script) could not run; it needs python3 and its modules)")
    return
  }
  print(reference)
  print(ReferenceScript.ratio(ours: ours, reference: reference))
}

if which == "check" || which == "all" {
  let executable = (executableFolder as NSString).appendingPathComponent("shapecheck")
  print(CheckBenchmark.run(repositoryRoot: repositoryRoot, executable: executable))
  print()
}
if which == "decode" || which == "all" {
  if let report = DecodeBenchmark.run(sampleRoot: sample) {
    compare(report, reference: "scripts/bench_decode_pillow.py", arguments: [sample])
  } else {
    print("decode: skipped: \(sample) not found")
  }
  print()
}
if which == "forward" || which == "all" {
  for threads in threadCounts {
    compare(
      ForwardBenchmark.run(threads: threads), reference: "scripts/bench_forward_torch.py",
      arguments: [String(threads)])
  }
  print()
}
if which == "conv" || which == "all" {
  for threads in threadCounts {
    compare(
      ConvBenchmark.run(threads: threads), reference: "scripts/bench_conv_torch.py", arguments: [String(threads)])
  }
}
