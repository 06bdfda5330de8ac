import Dispatch
import Foundation

/// The blocked, SIMD, optionally multi-threaded matrix multiply behind `Tensor.linear`.
///
/// It computes `output[m, n] = bias[n] + Σₖ input[m, k] · weight[n, k]` for row-major `input`
/// [rows, inFeatures], `weight` [outFeatures, inFeatures] and `output` [rows, outFeatures]. Both
/// operands are read along k, so each output element is a dot product of two contiguous rows.
/// The output is cut into tiles of `rowBlock` × `columnBlock` elements, and one thread computes
/// each tile. Inside a tile the k axis is walked in chunks of `depthBlock`, so the input rows and
/// weight rows being combined stay in the L1 and L2 caches.
enum LinearKernel {
  /// Rows of the input per output tile.
  static let rowBlock = 32
  /// Weight rows (output features) per output tile.
  static let columnBlock = 64
  /// Input features per pass over a tile; 32 rows of 256 Float32 values fill 32 KiB.
  static let depthBlock = 256
  /// Multiply-adds below which the kernel stays on the calling thread. An estimate: 2²⁰
  /// multiply-adds take roughly 50 µs on one core at 20 GFLOP/s, which is well above the
  /// microseconds `concurrentPerform` needs to start its workers.
  static let parallelThreshold = 1 << 20

  /// The dimensions of one call.
  struct Dimensions: Sendable {
    var rows: Int
    var inFeatures: Int
    var outFeatures: Int
  }

  /// The element buffers of one call.
  ///
  /// `@unchecked Sendable` because the workers of `run` share these pointers: they only read
  /// `input`, `weight` and `bias`, and each writes a disjoint set of output tiles, while the
  /// caller keeps all buffers alive until `run` returns.
  struct Operands: @unchecked Sendable {
    var input: UnsafePointer<Float>
    var weight: UnsafePointer<Float>
    var bias: UnsafePointer<Float>?
    var output: UnsafeMutablePointer<Float>
  }

  /// Computes the whole output, spreading the tiles over at most `threadCount` threads.
  ///
  /// - Precondition: the buffers contain `rows · inFeatures`, `outFeatures · inFeatures`,
  ///   `outFeatures` (when present) and `rows · outFeatures` elements.
  static func run(operands: Operands, dimensions: Dimensions, threadCount: Int) {
    let rowTiles = (dimensions.rows + rowBlock - 1) / rowBlock
    let columnTiles = (dimensions.outFeatures + columnBlock - 1) / columnBlock
    let (tileCount, tileOverflow) = rowTiles.multipliedReportingOverflow(by: columnTiles)
    precondition(!tileOverflow, "linear: too many output tiles")
    guard tileCount > 0 else { return }

    let work = multiplyAddCount(dimensions)
    let workers = min(max(threadCount, 1), tileCount)
    guard workers > 1, work >= parallelThreshold else {
      for tile in 0..<tileCount {
        computeTile(tile, columnTiles: columnTiles, operands: operands, dimensions: dimensions)
      }
      return
    }
    // Workers take tiles from a shared counter instead of a fixed share, because Dispatch may
    // start a worker milliseconds late on a busy machine and the others should not wait for it.
    let queue = TileQueue(count: tileCount)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while let tile = queue.take() {
        computeTile(tile, columnTiles: columnTiles, operands: operands, dimensions: dimensions)
      }
    }
  }

  /// A counter that hands out each tile number in 0..<count exactly once, to any thread.
  final class TileQueue: @unchecked Sendable {
    // `@unchecked Sendable` because `lock` guards every access to `next`.
    private let lock = NSLock()
    private var next = 0
    private let count: Int

    init(count: Int) {
      self.count = count
    }

    /// Returns the next tile number, or nil when all tiles are taken.
    func take() -> Int? {
      lock.lock()
      defer { lock.unlock() }
      guard next < count else { return nil }
      let tile = next
      next += 1
      return tile
    }
  }

  /// Returns rows · inFeatures · outFeatures, saturating at `Int.max`.
  static func multiplyAddCount(_ dimensions: Dimensions) -> Int {
    let (partial, overflow1) = dimensions.rows.multipliedReportingOverflow(
      by: dimensions.inFeatures)
    let (total, overflow2) = partial.multipliedReportingOverflow(by: dimensions.outFeatures)
    return overflow1 || overflow2 ? Int.max : total
  }

  /// Computes the output elements of tile number `tile`, counting tiles row-major.
  private static func computeTile(
    _ tile: Int, columnTiles: Int, operands: Operands, dimensions: Dimensions
  ) {
    let rowStart = (tile / columnTiles) * rowBlock
    let columnStart = (tile % columnTiles) * columnBlock
    let rows = rowStart..<min(rowStart + rowBlock, dimensions.rows)
    let columns = columnStart..<min(columnStart + columnBlock, dimensions.outFeatures)
    let output = operands.output
    let bias = operands.bias
    let depth = dimensions.inFeatures
    let width = dimensions.outFeatures
    for row in rows {
      for column in columns {
        output[row * width + column] = bias?[column] ?? 0
      }
    }

    for depthStart in stride(from: 0, to: depth, by: depthBlock) {
      let length = min(depthBlock, depth - depthStart)
      var column = columns.lowerBound
      while column < columns.upperBound {
        let columnCount = min(4, columns.upperBound - column)
        for row in stride(from: rows.lowerBound, to: rows.upperBound, by: 2) {
          let rowCount = min(2, rows.upperBound - row)
          let block = MicroBlock(
            row: row, rowCount: rowCount, column: column, columnCount: columnCount,
            depthStart: depthStart, length: length)
          if columnCount == 4 {
            accumulateTwoByFour(
              operands: operands, dimensions: dimensions, block: block)
          } else {
            accumulateTwoByOne(
              operands: operands, dimensions: dimensions, block: block)
          }
        }
        column += columnCount == 4 ? 4 : 1
      }
    }
  }
}
