/// The layers that slide a window over spatial dimensions or pool them to a fixed size:
/// Conv1d, Conv2d, the MaxPool and AvgPool kinds and the adaptive pooling kinds.
extension ModelGenerator {
  /// The largest spatial size that a drawn window may produce, so that padding cannot grow
  /// the tensor without bound along a long chain.
  static let maxSpatialSize = 48

  /// The rule that a drawn window must follow besides fitting its input.
  enum WindowKind {
    /// A convolution with this `padding_mode`. `isSame` marks `padding='same'`, which
    /// PyTorch accepts only with stride 1.
    case convolution(paddingMode: String, isSame: Bool)
    /// A pooling layer, whose padding PyTorch limits to half the kernel size.
    case pool(allowsDilation: Bool, usesDefaultStride: Bool)
  }

  /// Builds a Conv1d or Conv2d over the last spatial dimensions, with `groups` dividing both
  /// channel counts.
  mutating func makeConvolution(_ id: String, kind: String) -> GeneratedLayer {
    let spatialAxes = (dimensions.count - spatialRank(of: kind))..<dimensions.count
    let channelAxis = spatialAxes.lowerBound - 1
    let inChannels = size(at: channelAxis)
    var groups = 1
    if Int.random(in: 0..<4, using: &random) == 0 {
      groups = divisors(of: inChannels).randomElement(using: &random) ?? 1
    }
    let inSite = "\(id).in_channels"
    consume(axis: channelAxis, site: inSite, divisor: groups)
    let (outArgument, output) = producedSize(
      "out_channels", value: groups * Int.random(in: 1...max(1, 12 / groups), using: &random),
      site: "\(id).out_channels", divisor: groups)

    let modes = ["zeros", "zeros", "zeros", "reflect", "replicate", "circular"]
    let mode = modes.randomElement(using: &random) ?? "zeros"
    let isSame = Int.random(in: 0..<6, using: &random) == 0
    let sizes = spatialAxes.map { size(at: $0) }
    let window = drawWindow(sizes: sizes, kind: .convolution(paddingMode: mode, isSame: isSame))
    let outputSizes = isSame ? sizes : window.outputSizes(for: sizes) ?? sizes
    replaceSpatial(spatialAxes, with: outputSizes)
    dimensions[channelAxis] = output

    var arguments = [argument("in_channels", size: inChannels, site: inSite), outArgument]
    appendConvolutionWindow(window, isSame: isSame, to: &arguments)
    if groups != 1 || Bool.random(using: &random) {
      arguments.append(argument("groups", size: groups))
    }
    appendFlag("bias", to: &arguments)
    if mode != "zeros" || Bool.random(using: &random) {
      arguments.append(argument("padding_mode", "'\(mode)'"))
    }
    return GeneratedLayer(kind: kind, arguments: arguments)
  }

  /// Appends `kernel_size`, and `stride`, `padding` and `dilation` when they differ from
  /// their defaults or half of the time. Zero padding may be written as `'valid'`.
  private mutating func appendConvolutionWindow(
    _ window: WindowArguments, isSame: Bool, to arguments: inout [GeneratedArgument]
  ) {
    arguments.append(GeneratedArgument(label: "kernel_size", value: spatialValue(window.kernel)))
    appendSpatial("stride", window.stride, default: 1, to: &arguments)
    if isSame {
      arguments.append(argument("padding", "'same'"))
    } else if window.padding.allSatisfy({ $0 == 0 }), Bool.random(using: &random) {
      arguments.append(argument("padding", "'valid'"))
    } else {
      appendSpatial("padding", window.padding, default: 0, to: &arguments)
    }
    appendSpatial("dilation", window.dilation, default: 1, to: &arguments)
  }

  /// Builds a MaxPool or AvgPool layer. Half of the time the stride is omitted or `None`,
  /// which means the kernel size.
  mutating func makePool(kind: String) -> GeneratedLayer {
    let spatialAxes = (dimensions.count - spatialRank(of: kind))..<dimensions.count
    let isMax = kind.hasPrefix("Max")
    let usesDefaultStride = Bool.random(using: &random)
    let sizes = spatialAxes.map { size(at: $0) }
    let windowKind = WindowKind.pool(allowsDilation: isMax, usesDefaultStride: usesDefaultStride)
    var window = drawWindow(sizes: sizes, kind: windowKind)
    // Ceil mode never shrinks an output, so a window that fits without it fits with it.
    window.ceilMode = Bool.random(using: &random)
    replaceSpatial(spatialAxes, with: window.outputSizes(for: sizes) ?? sizes)

    var arguments = [GeneratedArgument(label: "kernel_size", value: spatialValue(window.kernel))]
    if !usesDefaultStride {
      arguments.append(GeneratedArgument(label: "stride", value: spatialValue(window.stride)))
    } else if Bool.random(using: &random) {
      arguments.append(argument("stride", "None"))
    }
    appendSpatial("padding", window.padding, default: 0, to: &arguments)
    if isMax {
      appendSpatial("dilation", window.dilation, default: 1, to: &arguments)
      if Bool.random(using: &random) { arguments.append(argument("return_indices", "False")) }
    }
    if window.ceilMode || Bool.random(using: &random) {
      arguments.append(argument("ceil_mode", window.ceilMode ? "True" : "False"))
    }
    if !isMax {
      appendFlag("count_include_pad", to: &arguments)
      if kind == "AvgPool2d", Bool.random(using: &random) {
        arguments.append(argument("divisor_override", size: Int.random(in: 1...9, using: &random)))
      }
    }
    return GeneratedLayer(kind: kind, arguments: arguments)
  }

  /// Builds an adaptive pooling layer. In the 2-D kinds an entry of `output_size` may be
  /// `None`, which keeps that input size. PyTorch 2.13 rejects `None` in the 1-D kinds.
  mutating func makeAdaptivePool(kind: String) -> GeneratedLayer {
    let spatialAxes = (dimensions.count - spatialRank(of: kind))..<dimensions.count
    var entries: [GeneratedValue] = []
    for axis in spatialAxes {
      if spatialAxes.count == 2, Int.random(in: 0..<4, using: &random) == 0 {
        entries.append(.text("None"))
        continue
      }
      let output = Int.random(in: 1...8, using: &random)
      dimensions[axis] = TrackedDimension(size: output)
      entries.append(.size(output, site: nil))
    }
    var value = GeneratedValue.sequence(entries, isList: false)
    if case .size(let first, _) = entries[0], entries.allSatisfy({ isSize($0, first) }),
      Bool.random(using: &random)
    {
      value = .size(first, site: nil)
    }
    var arguments = [GeneratedArgument(label: "output_size", value: value)]
    if kind.hasPrefix("AdaptiveMax"), Bool.random(using: &random) {
      arguments.append(argument("return_indices", "False"))
    }
    return GeneratedLayer(kind: kind, arguments: arguments)
  }

  private func isSize(_ value: GeneratedValue, _ expected: Int) -> Bool {
    if case .size(let size, _) = value { return size == expected }
    return false
  }

  /// Gives the spatial axes their new sizes. A size site that reached one of them is blocked,
  /// because changing it would change the window's output, which no single check reads.
  private mutating func replaceSpatial(_ axes: Range<Int>, with sizes: [Int]) {
    for (axis, size) in zip(axes, sizes) {
      flow.block(dimensions[axis])
      dimensions[axis] = TrackedDimension(size: size)
    }
  }

  /// Draws window arguments that fit `sizes` and keep every output size at most
  /// `maxSpatialSize`. Half of the draws use one value per argument for every axis. After 12
  /// draws that do not fit, returns the identity window, which fits every size.
  mutating func drawWindow(sizes: [Int], kind: WindowKind) -> WindowArguments {
    for _ in 0..<12 {
      let isUniform = Bool.random(using: &random)
      var window = WindowArguments(kernel: [], stride: [], padding: [], dilation: [])
      var entry = drawWindowEntry(kind)
      for _ in sizes {
        if !isUniform { entry = drawWindowEntry(kind) }
        window.kernel.append(entry.kernel)
        window.stride.append(entry.stride)
        window.padding.append(entry.padding)
        window.dilation.append(entry.dilation)
      }
      if fits(window, sizes: sizes, kind: kind) { return window }
    }
    return .identity(rank: sizes.count)
  }

  private mutating func drawWindowEntry(_ kind: WindowKind)
    -> (kernel: Int, stride: Int, padding: Int, dilation: Int)
  {
    switch kind {
    case .convolution(_, let isSame):
      let kernel = Int.random(in: 1...5, using: &random)
      let stride = isSame ? 1 : Int.random(in: 1...3, using: &random)
      let padding = isSame ? 0 : Int.random(in: 0...2, using: &random)
      return (kernel, stride, padding, Int.random(in: 1...2, using: &random))
    case .pool(let allowsDilation, let usesDefaultStride):
      let kernel = Int.random(in: 1...4, using: &random)
      let stride = usesDefaultStride ? kernel : Int.random(in: 1...3, using: &random)
      let dilation = allowsDilation ? Int.random(in: 1...2, using: &random) : 1
      return (kernel, stride, Int.random(in: 0...(kernel / 2), using: &random), dilation)
    }
  }

  /// Returns whether every axis of `window` fits its size and the rules of `kind`. Reflect
  /// padding must be smaller than the input size, and circular padding at most the input size.
  private func fits(_ window: WindowArguments, sizes: [Int], kind: WindowKind) -> Bool {
    if case .convolution(let mode, true) = kind {
      // 'same' pads dilation·(kernel − 1) in total, the larger half on the right.
      return sizes.indices.allSatisfy { axis in
        let total = window.dilation[axis] * (window.kernel[axis] - 1)
        return paddingFits(total - total / 2, size: sizes[axis], mode: mode)
      }
    }
    guard let outputs = window.outputSizes(for: sizes),
      outputs.allSatisfy({ $0 <= Self.maxSpatialSize })
    else { return false }
    guard case .convolution(let mode, _) = kind else { return true }
    return sizes.indices.allSatisfy { paddingFits(window.padding[$0], size: sizes[$0], mode: mode) }
  }

  private func paddingFits(_ padding: Int, size: Int, mode: String) -> Bool {
    switch mode {
    case "reflect": padding < size
    case "circular": padding <= size
    default: true
    }
  }

  /// Writes a spatial argument as one integer when every axis has the same value, half of the
  /// time, and else as a tuple or, a quarter of the time, a list.
  mutating func spatialValue(_ values: [Int]) -> GeneratedValue {
    if let first = values.first, values.allSatisfy({ $0 == first }), Bool.random(using: &random) {
      return .size(first, site: nil)
    }
    let isList = Int.random(in: 0..<4, using: &random) == 0
    return .sequence(values.map { .size($0, site: nil) }, isList: isList)
  }

  /// Appends a spatial argument when it differs from its default, and half of the time when
  /// it does not.
  private mutating func appendSpatial(
    _ label: String, _ values: [Int], default defaultValue: Int, to arguments: inout [GeneratedArgument]
  ) {
    guard values.contains(where: { $0 != defaultValue }) || Bool.random(using: &random) else { return }
    arguments.append(GeneratedArgument(label: label, value: spatialValue(values)))
  }

  /// Returns the positive divisors of `value` in increasing order.
  func divisors(of value: Int) -> [Int] {
    (1...max(value, 1)).filter { value % $0 == 0 }
  }
}
