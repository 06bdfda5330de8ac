/// A validated convolution problem in two spatial dimensions, where a 1-D problem has height 1.
struct ConvGeometry: Sendable {
  var batch: Int
  var inChannels: Int
  var height: Int
  var width: Int
  var outChannels: Int
  var groups: Int
  var kernelHeight: Int
  var kernelWidth: Int
  var strideY: Int
  var strideX: Int
  var dilationY: Int
  var dilationX: Int
  var paddingY: ConvPadding
  var paddingX: ConvPadding
  var outHeight: Int
  var outWidth: Int

  var inChannelsPerGroup: Int { inChannels / groups }
  var outChannelsPerGroup: Int { outChannels / groups }
  var inputPlane: Int { height * width }
  var outputPlane: Int { outHeight * outWidth }
  /// The rows of the im2col matrix for one group: `in / groups * kernel height * kernel width`.
  var patchSize: Int { inChannelsPerGroup * kernelHeight * kernelWidth }

  /// Validates `input`, `weight` and `bias` for a convolution with `spatialRank` (1 or 2)
  /// spatial dimensions and resolves the options.
  ///
  /// - Returns: The geometry and whether the input has a batch dimension.
  static func make(
    input: [Int], weight: [Int], bias: [Int]?, options: ConvOptions, spatialRank: Int
  ) throws(ConvError) -> (ConvGeometry, isBatched: Bool) {
    let isBatched = input.count == spatialRank + 2
    guard isBatched || input.count == spatialRank + 1 else {
      throw .invalidInputRank(shape: input, expectedRanks: [spatialRank + 1, spatialRank + 2])
    }
    let batched = isBatched ? input : [1] + input
    guard weight.count == spatialRank + 2, weight.allSatisfy({ $0 >= 1 }) else {
      throw .invalidWeightShape(weight: weight, input: input, groups: options.groups)
    }
    let (inChannels, outChannels, groups) = (batched[1], weight[0], options.groups)
    try checkChannels(
      input: input, inChannels: inChannels, weight: weight, bias: bias, groups: groups)

    let spatial = Array(batched[2...])
    // An empty input with a nonempty output would leave the output unwritten.
    guard spatial.allSatisfy({ $0 > 0 }) || batched[0] == 0 else { throw .emptyInput(shape: input) }
    let kernel = Array(weight[2...])
    let (stride, dilation, padding) = try resolve(options, rank: spatialRank)
    try checkPaddingMode(options.paddingMode, padding: padding, spatial: spatial)
    var outSizes: [Int] = []
    for axis in 0..<spatialRank {
      guard
        let size = ConvArithmetic.outputSize(
          inputSize: spatial[axis], kernelSize: kernel[axis], stride: stride[axis],
          padding: padding[axis], dilation: dilation[axis])
      else { throw .emptyOutput(input: input, weight: weight) }
      outSizes.append(size)
    }
    let paddedSizes = zip(spatial, padding).map { $0 + $1.before + $1.after }
    guard
      fitsInt(
        batch: batched[0], inChannels: inChannels, outChannels: outChannels, kernel: kernel,
        outSizes: outSizes, paddedSizes: options.paddingMode == .zeros ? [] : paddedSizes)
    else { throw .emptyOutput(input: input, weight: weight) }

    // A 1-D problem becomes a 2-D problem of height 1 with a kernel of height 1.
    let isPlanar = spatialRank == 2
    let geometry = ConvGeometry(
      batch: batched[0], inChannels: inChannels, height: isPlanar ? spatial[0] : 1,
      width: spatial[spatialRank - 1], outChannels: outChannels, groups: groups,
      kernelHeight: isPlanar ? kernel[0] : 1, kernelWidth: kernel[spatialRank - 1],
      strideY: isPlanar ? stride[0] : 1, strideX: stride[spatialRank - 1],
      dilationY: isPlanar ? dilation[0] : 1, dilationX: dilation[spatialRank - 1],
      paddingY: isPlanar ? padding[0] : ConvPadding(0), paddingX: padding[spatialRank - 1],
      outHeight: isPlanar ? outSizes[0] : 1, outWidth: outSizes[spatialRank - 1])
    return (geometry, isBatched)
  }

  private static func checkChannels(
    input: [Int], inChannels: Int, weight: [Int], bias: [Int]?, groups: Int
  ) throws(ConvError) {
    let outChannels = weight[0]
    guard groups >= 1, inChannels % groups == 0, outChannels % groups == 0 else {
      throw .invalidGroups(groups: groups, inChannels: inChannels, outChannels: outChannels)
    }
    guard weight[1] == inChannels / groups else {
      throw .invalidWeightShape(weight: weight, input: input, groups: groups)
    }
    if let bias, bias != [outChannels] {
      throw .invalidBiasShape(bias: bias, outChannels: outChannels)
    }
  }

  /// Checks that the element counts of the output, of one sample's im2col matrix and of one
  /// padded sample (`paddedSizes`, empty for zero padding) fit `Int`.
  ///
  /// NOTE: Nothing here checks that they fit in memory, so the caller must bound tensor sizes.
  private static func fitsInt(
    batch: Int, inChannels: Int, outChannels: Int, kernel: [Int], outSizes: [Int],
    paddedSizes: [Int]
  ) -> Bool {
    Tensor.elementCount(of: [batch, outChannels] + outSizes) != nil
      && Tensor.elementCount(of: [inChannels] + kernel + outSizes) != nil
      && Tensor.elementCount(of: [inChannels] + paddedSizes) != nil
  }

  private static func resolve(
    _ options: ConvOptions, rank: Int
  ) throws(ConvError) -> ([Int], [Int], [ConvPadding]) {
    guard let stride = ConvOptions.expand(options.stride, rank: rank, default: 1),
      stride.allSatisfy({ $0 >= 1 })
    else { throw .invalidOption(name: "stride", values: options.stride) }
    guard let dilation = ConvOptions.expand(options.dilation, rank: rank, default: 1),
      dilation.allSatisfy({ $0 >= 1 })
    else { throw .invalidOption(name: "dilation", values: options.dilation) }
    guard let padding = ConvOptions.expand(options.padding, rank: rank, default: ConvPadding(0)),
      padding.allSatisfy({ $0.before >= 0 && $0.after >= 0 })
    else {
      let flat = options.padding.flatMap { [$0.before, $0.after] }
      throw .invalidOption(name: "padding", values: flat)
    }
    return (stride, dilation, padding)
  }

  private static func checkPaddingMode(
    _ mode: ConvPaddingMode, padding: [ConvPadding], spatial: [Int]
  ) throws(ConvError) {
    for (pad, size) in zip(padding, spatial) {
      let largest = max(pad.before, pad.after)
      let fits: Bool
      switch mode {
      case .zeros: fits = true
      case .reflect: fits = largest < size
      case .replicate: fits = largest == 0 || size > 0
      case .circular: fits = largest <= size
      }
      guard fits else { throw .paddingTooLarge(mode: mode, padding: largest, inputSize: size) }
    }
  }
}
