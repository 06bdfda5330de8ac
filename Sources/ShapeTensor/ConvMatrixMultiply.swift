/// A blocked single-precision matrix multiply for the convolution kernels:
/// `C[m × n] = A[m × k] · B[k × n] + bias[m]`, all row-major and contiguous.
///
/// Four rows of `C` and 8 columns form one register tile, so each load of `B` feeds four
/// multiply-adds. With the baseline x86-64 target (SSE, 16 vector registers), a tile of 16
/// columns spilled accumulators to the stack and measured slower. Columns are processed in panels
/// of 512, so that one panel of `B` stays in cache while every row tile passes over it.
struct ConvMatrixMultiply {
  typealias Vector = SIMD8<Float>

  let rows: Int
  let inner: Int
  let columns: Int

  private static let panelWidth = 512
  private static let tileRows = 4

  /// Computes `c = a · b + bias`.
  ///
  /// - Precondition: `a` has `rows * inner`, `b` has `inner * columns`, `bias` (when given) has
  ///   `rows` and `c` has `rows * columns` elements.
  func run(
    a: UnsafePointer<Float>, b: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
    c: UnsafeMutablePointer<Float>
  ) {
    var panelStart = 0
    while panelStart < columns {
      let panelEnd = min(columns, panelStart + Self.panelWidth)
      var row = 0
      while row + Self.tileRows <= rows {
        multiplyTile(row: row, columns: panelStart..<panelEnd, a: a, b: b, bias: bias, c: c)
        row += Self.tileRows
      }
      while row < rows {
        multiplyRow(row: row, columns: panelStart..<panelEnd, a: a, b: b, bias: bias, c: c)
        row += 1
      }
      panelStart = panelEnd
    }
  }

  private func multiplyTile(
    row: Int, columns range: Range<Int>, a: UnsafePointer<Float>, b: UnsafePointer<Float>,
    bias: UnsafePointer<Float>?, c: UnsafeMutablePointer<Float>
  ) {
    let a0 = a + row * inner
    let a1 = a0 + inner
    let a2 = a1 + inner
    let a3 = a2 + inner
    let initial = bias.map { SIMD4<Float>($0[row], $0[row + 1], $0[row + 2], $0[row + 3]) } ?? .zero
    var column = range.lowerBound
    while column + Vector.scalarCount <= range.upperBound {
      var sum0 = Vector(repeating: initial[0])
      var sum1 = Vector(repeating: initial[1])
      var sum2 = Vector(repeating: initial[2])
      var sum3 = Vector(repeating: initial[3])
      var bRow = b + column
      for k in 0..<inner {
        let value = UnsafeRawPointer(bRow).loadUnaligned(as: Vector.self)
        sum0 += value * a0[k]
        sum1 += value * a1[k]
        sum2 += value * a2[k]
        sum3 += value * a3[k]
        bRow += columns
      }
      store(sum0, at: c + row * columns + column)
      store(sum1, at: c + (row + 1) * columns + column)
      store(sum2, at: c + (row + 2) * columns + column)
      store(sum3, at: c + (row + 3) * columns + column)
      column += Vector.scalarCount
    }
    for tileRow in row..<(row + Self.tileRows) {
      multiplyScalar(row: tileRow, columns: column..<range.upperBound, a: a, b: b, bias: bias, c: c)
    }
  }

  private func multiplyRow(
    row: Int, columns range: Range<Int>, a: UnsafePointer<Float>, b: UnsafePointer<Float>,
    bias: UnsafePointer<Float>?, c: UnsafeMutablePointer<Float>
  ) {
    let aRow = a + row * inner
    let initial = bias.map { $0[row] } ?? 0
    var column = range.lowerBound
    while column + Vector.scalarCount <= range.upperBound {
      var sum = Vector(repeating: initial)
      var bRow = b + column
      for k in 0..<inner {
        sum += UnsafeRawPointer(bRow).loadUnaligned(as: Vector.self) * aRow[k]
        bRow += columns
      }
      store(sum, at: c + row * columns + column)
      column += Vector.scalarCount
    }
    multiplyScalar(row: row, columns: column..<range.upperBound, a: a, b: b, bias: bias, c: c)
  }

  private func multiplyScalar(
    row: Int, columns range: Range<Int>, a: UnsafePointer<Float>, b: UnsafePointer<Float>,
    bias: UnsafePointer<Float>?, c: UnsafeMutablePointer<Float>
  ) {
    let aRow = a + row * inner
    let initial = bias.map { $0[row] } ?? 0
    for column in range {
      var sum = initial
      for k in 0..<inner { sum += aRow[k] * b[k * columns + column] }
      c[row * columns + column] = sum
    }
  }

  private func store(_ vector: Vector, at pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: vector, as: Vector.self)
  }
}
