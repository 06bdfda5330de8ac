/// The innermost loops of `LinearKernel`: dot products of up to two input rows with up to four
/// weight rows over one chunk of the k axis, in 4-wide SIMD.
///
/// The code is written for the x86-64 baseline (SSE2, 16 vector registers) that SwiftPM targets
/// without extra flags: eight `SIMD4<Float>` accumulators plus six loaded vectors fit the
/// register file, and no fused multiply-add is used because the baseline has none.
extension LinearKernel {
  /// One call's position: the first output row and column, how many of each are valid, and
  /// the chunk of the k axis.
  struct MicroBlock {
    var row: Int
    var rowCount: Int
    var column: Int
    var columnCount: Int
    var depthStart: Int
    var length: Int
  }

  /// Adds the dot products of input rows `row` and `row + 1` with weight rows `column` to
  /// `column + 3` over the chunk to the output.
  ///
  /// When only one row is valid the second row pointer repeats the first, so the loads stay in
  /// bounds and the duplicate sums are dropped.
  static func accumulateTwoByFour(
    operands: Operands, dimensions: Dimensions, block: MicroBlock
  ) {
    let input = operands.input
    let weight = operands.weight
    let output = operands.output
    let depth = dimensions.inFeatures
    let x0 = UnsafeRawPointer(input + block.row * depth + block.depthStart)
    let x1 = UnsafeRawPointer(
      input + (block.row + block.rowCount - 1) * depth + block.depthStart)
    let w0 = UnsafeRawPointer(weight + block.column * depth + block.depthStart)
    let w1 = UnsafeRawPointer(weight + (block.column + 1) * depth + block.depthStart)
    let w2 = UnsafeRawPointer(weight + (block.column + 2) * depth + block.depthStart)
    let w3 = UnsafeRawPointer(weight + (block.column + 3) * depth + block.depthStart)

    var s00 = SIMD4<Float>(), s01 = SIMD4<Float>(), s02 = SIMD4<Float>(), s03 = SIMD4<Float>()
    var s10 = SIMD4<Float>(), s11 = SIMD4<Float>(), s12 = SIMD4<Float>(), s13 = SIMD4<Float>()
    let stride = MemoryLayout<Float>.stride
    let vectorEnd = block.length & ~3
    var offset = 0
    while offset < vectorEnd {
      let byte = offset * stride
      let a0 = x0.loadUnaligned(fromByteOffset: byte, as: SIMD4<Float>.self)
      let a1 = x1.loadUnaligned(fromByteOffset: byte, as: SIMD4<Float>.self)
      let b0 = w0.loadUnaligned(fromByteOffset: byte, as: SIMD4<Float>.self)
      let b1 = w1.loadUnaligned(fromByteOffset: byte, as: SIMD4<Float>.self)
      s00 += a0 * b0
      s10 += a1 * b0
      s01 += a0 * b1
      s11 += a1 * b1
      let b2 = w2.loadUnaligned(fromByteOffset: byte, as: SIMD4<Float>.self)
      let b3 = w3.loadUnaligned(fromByteOffset: byte, as: SIMD4<Float>.self)
      s02 += a0 * b2
      s12 += a1 * b2
      s03 += a0 * b3
      s13 += a1 * b3
      offset += 4
    }

    var sums0 = SIMD4<Float>(s00.sum(), s01.sum(), s02.sum(), s03.sum())
    var sums1 = SIMD4<Float>(s10.sum(), s11.sum(), s12.sum(), s13.sum())
    while offset < block.length {
      let byte = offset * stride
      let a0 = x0.load(fromByteOffset: byte, as: Float.self)
      let a1 = x1.load(fromByteOffset: byte, as: Float.self)
      let b = SIMD4<Float>(
        w0.load(fromByteOffset: byte, as: Float.self),
        w1.load(fromByteOffset: byte, as: Float.self),
        w2.load(fromByteOffset: byte, as: Float.self),
        w3.load(fromByteOffset: byte, as: Float.self))
      sums0 += a0 * b
      sums1 += a1 * b
      offset += 1
    }

    let width = dimensions.outFeatures
    let out0 = output + block.row * width + block.column
    for lane in 0..<4 {
      out0[lane] += sums0[lane]
    }
    guard block.rowCount == 2 else { return }
    let out1 = out0 + width
    for lane in 0..<4 {
      out1[lane] += sums1[lane]
    }
  }

  /// Adds the dot products of input rows `row` and `row + 1` with weight row `column` over the
  /// chunk to the output. A single valid row is handled as in `accumulateTwoByFour`.
  static func accumulateTwoByOne(
    operands: Operands, dimensions: Dimensions, block: MicroBlock
  ) {
    let input = operands.input
    let weight = operands.weight
    let output = operands.output
    let depth = dimensions.inFeatures
    let x0 = UnsafeRawPointer(input + block.row * depth + block.depthStart)
    let x1 = UnsafeRawPointer(
      input + (block.row + block.rowCount - 1) * depth + block.depthStart)
    let w0 = UnsafeRawPointer(weight + block.column * depth + block.depthStart)

    var s0a = SIMD4<Float>(), s0b = SIMD4<Float>(), s1a = SIMD4<Float>(), s1b = SIMD4<Float>()
    let stride = MemoryLayout<Float>.stride
    let pairEnd = block.length & ~7
    var offset = 0
    while offset < pairEnd {
      let byte = offset * stride
      let b0 = w0.loadUnaligned(fromByteOffset: byte, as: SIMD4<Float>.self)
      let b1 = w0.loadUnaligned(fromByteOffset: byte + 16, as: SIMD4<Float>.self)
      s0a += x0.loadUnaligned(fromByteOffset: byte, as: SIMD4<Float>.self) * b0
      s0b += x0.loadUnaligned(fromByteOffset: byte + 16, as: SIMD4<Float>.self) * b1
      s1a += x1.loadUnaligned(fromByteOffset: byte, as: SIMD4<Float>.self) * b0
      s1b += x1.loadUnaligned(fromByteOffset: byte + 16, as: SIMD4<Float>.self) * b1
      offset += 8
    }

    var sum0 = (s0a + s0b).sum()
    var sum1 = (s1a + s1b).sum()
    while offset < block.length {
      let byte = offset * stride
      let b = w0.load(fromByteOffset: byte, as: Float.self)
      sum0 += x0.load(fromByteOffset: byte, as: Float.self) * b
      sum1 += x1.load(fromByteOffset: byte, as: Float.self) * b
      offset += 1
    }

    let width = dimensions.outFeatures
    output[block.row * width + block.column] += sum0
    if block.rowCount == 2 {
      output[(block.row + 1) * width + block.column] += sum1
    }
  }
}
