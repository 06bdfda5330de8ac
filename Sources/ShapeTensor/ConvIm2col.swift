/// The im2col step of a convolution and the padded copies that the non-zero padding modes need.
extension ConvGeometry {
  /// Writes the im2col matrix of one sample for all groups: row `(c * kernelHeight + ky) *
  /// kernelWidth + kx` holds, for every output position, the input element that kernel element
  /// `(ky, kx)` of channel `c` meets, or 0 in the padding.
  ///
  /// - Precondition: `source` has `inChannels * height * width` elements and `columns` has
  ///   `inChannels * kernelHeight * kernelWidth * outputPlane`.
  func im2col(source: UnsafePointer<Float>, columns: UnsafeMutablePointer<Float>) {
    var row = 0
    for channel in 0..<inChannels {
      let plane = source + channel * inputPlane
      for ky in 0..<kernelHeight {
        for kx in 0..<kernelWidth {
          fillColumnRow(plane: plane, ky: ky, kx: kx, into: columns + row * outputPlane)
          row += 1
        }
      }
    }
  }

  private func fillColumnRow(
    plane: UnsafePointer<Float>, ky: Int, kx: Int, into destination: UnsafeMutablePointer<Float>
  ) {
    // The output columns whose input column lies inside the input, found once per kernel column.
    let offsetX = kx * dilationX - paddingX.before
    let firstX = min(outWidth, ceilDivide(max(0, -offsetX), strideX))
    let lastX = max(firstX, min(outWidth, ceilDivide(width - offsetX, strideX)))
    for oy in 0..<outHeight {
      let iy = oy * strideY + ky * dilationY - paddingY.before
      let line = destination + oy * outWidth
      guard iy >= 0 && iy < height else {
        line.update(repeating: 0, count: outWidth)
        continue
      }
      line.update(repeating: 0, count: firstX)
      let inputLine = plane + iy * width + offsetX
      if strideX == 1 {
        (line + firstX).update(from: inputLine + firstX, count: lastX - firstX)
      } else {
        for ox in firstX..<lastX { line[ox] = inputLine[ox * strideX] }
      }
      (line + lastX).update(repeating: 0, count: outWidth - lastX)
    }
  }

  /// Returns the geometry of the convolution over a copy of the input padded by `paddingMode`,
  /// which then needs no padding of its own.
  var prepadded: ConvGeometry {
    var copy = self
    copy.height = height + paddingY.before + paddingY.after
    copy.width = width + paddingX.before + paddingX.after
    copy.paddingY = ConvPadding(0)
    copy.paddingX = ConvPadding(0)
    return copy
  }

  /// Writes one sample padded with `mode` into `destination`, laid out as `prepadded` expects.
  func pad(
    source: UnsafePointer<Float>, mode: ConvPaddingMode,
    into destination: UnsafeMutablePointer<Float>
  ) {
    let paddedHeight = height + paddingY.before + paddingY.after
    let paddedWidth = width + paddingX.before + paddingX.after
    var index = 0
    for channel in 0..<inChannels {
      let plane = source + channel * inputPlane
      for y in 0..<paddedHeight {
        let iy = Self.sourceIndex(y - paddingY.before, size: height, mode: mode)
        for x in 0..<paddedWidth {
          let ix = Self.sourceIndex(x - paddingX.before, size: width, mode: mode)
          destination[index] = (iy < 0 || ix < 0) ? 0 : plane[iy * width + ix]
          index += 1
        }
      }
    }
  }

  /// Maps a position in the padded dimension to the input element it copies, or -1 for zero.
  ///
  /// - Precondition: the padding fits `mode` as `ConvGeometry.make` checks, so one reflection or
  ///   one wrap suffices.
  static func sourceIndex(_ position: Int, size: Int, mode: ConvPaddingMode) -> Int {
    if position >= 0 && position < size { return position }
    switch mode {
    case .zeros:
      return -1
    case .reflect:
      return position < 0 ? -position : 2 * (size - 1) - position
    case .replicate:
      return position < 0 ? 0 : size - 1
    case .circular:
      return position < 0 ? position + size : position - size
    }
  }

  private func ceilDivide(_ numerator: Int, _ denominator: Int) -> Int {
    numerator <= 0 ? -((-numerator) / denominator) : (numerator + denominator - 1) / denominator
  }
}
