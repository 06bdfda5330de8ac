import Dispatch

/// The split of independent work items (samples or planes) among worker threads that the
/// convolution, pooling and batch-norm kernels share.
enum ConvWorkers {
  /// Calls `body` once per worker with that worker's contiguous range of `0 ..< items`.
  ///
  /// At most `threads` workers run, where values below 1 mean 1, and a single worker runs on the
  /// caller's thread.
  ///
  /// `body` must only write state that belongs to its range, because the calls run concurrently.
  static func run(items: Int, threads: Int, _ body: @Sendable (Range<Int>) -> Void) {
    guard items > 0 else { return }
    let workers = max(1, min(threads, items))
    if workers == 1 {
      body(0..<items)
      return
    }
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      body(share(of: worker, workers: workers, batch: items))
    }
  }

  /// Splits `batch` items into `workers` contiguous ranges whose sizes differ by at most 1,
  /// without the overflow that `batch * worker` could cause.
  static func share(of worker: Int, workers: Int, batch: Int) -> Range<Int> {
    let (base, extra) = (batch / workers, batch % workers)
    let first = worker * base + min(worker, extra)
    return first..<(first + base + (worker < extra ? 1 : 0))
  }
}
