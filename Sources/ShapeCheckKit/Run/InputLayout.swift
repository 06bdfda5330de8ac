import ShapeData
import ShapeInference
import ShapeLayers
import ShapeSymbolic
import ShapeTensor

/// The mapping of images to the model's input: each image viewed as the declared shape, or all
/// images stacked into one batch along a free leading dimension such as `N` in `Tensor[N, 784]`.
public struct InputLayout: Sendable {
  public var inputID: Int
  public var inputName: String
  /// The free symbol that takes the batch size, for a batched input.
  public var batchSymbol: Symbol?
  /// The shape of one image as the model receives it, such as `[784]` or `[1, 28, 28]`.
  public var imageShape: [Int]
  /// Free spatial dimensions bound to the images' size, such as `H` and `W` in
  /// `Tensor[N, 1, H, W]`.
  public var sizeBindings: [Symbol: Int] = [:]

  /// Returns the values of the free symbols for a run over `imageCount` images.
  public func bindings(imageCount: Int) -> [Symbol: Int] {
    var bindings = sizeBindings
    if let batchSymbol { bindings[batchSymbol] = imageCount }
    return bindings
  }

  /// Works out the layout from the model's single input declaration and the images' size.
  ///
  /// A free leading dimension takes the number of images. Free dimensions among the last two
  /// take the images' height and width, in that order; other free dimensions are not bound.
  public static func make(for analysis: ModelAnalysis, pixelsPerImage: Int, width: Int, height: Int)
    throws(RunError) -> InputLayout
  {
    let inputs = analysis.plan.compactMap { step -> (Int, String, [ShapeDim])? in
      if case .input(let id, let name, let shape) = step { return (id, name, shape) }
      return nil
    }
    guard inputs.count == 1, let (id, name, shape) = inputs.first else {
      throw .inputCount(inputs.map(\.1))
    }
    let values = analysis.values(of: shape)
    let formula = shape.formulaDescription
    let declared = formula == valueDescription(values) ? formula : "\(formula) = \(valueDescription(values))"
    let pixels = "\(height) × \(width) = \(pixelsPerImage)"
    var batchSymbol: Symbol?
    var imageDims = shape[...]
    if let first = shape.first, let symbol = freeSymbol(first, analysis), shape.count > 1 || values.first == nil {
      batchSymbol = symbol
      imageDims = shape.dropFirst()
    }
    var sizeBindings: [Symbol: Int] = [:]
    for (offset, size) in [(1, width), (2, height)] where imageDims.count >= offset {
      if let symbol = freeSymbol(imageDims[imageDims.endIndex - offset], analysis), symbol != batchSymbol {
        sizeBindings[symbol] = size
      }
    }
    let bindings = analysis.bindings.merging(sizeBindings) { $1 }
    let imageValues = imageDims.map { (try? $0.formula.evaluated(bindings)) ?? nil }
    guard let known = imageValues.allKnown, ShapesReport.elementCount(imageValues) == pixelsPerImage else {
      throw .imageSizeMismatch(input: name, declared: declared, pixels: pixels)
    }
    return InputLayout(
      inputID: id, inputName: name, batchSymbol: batchSymbol, imageShape: known, sizeBindings: sizeBindings)
  }

  /// Returns the symbol of a dimension that is one free symbol, such as `N`.
  private static func freeSymbol(_ dim: ShapeDim, _ analysis: ModelAnalysis) -> Symbol? {
    guard let symbol = dim.formula.symbols.first, dim.formula == .symbol(symbol),
      analysis.freeSymbols.contains(symbol)
    else { return nil }
    return symbol
  }

  /// Builds the input tensor for these images: pixels / 255 as Float32, as the 3-vs-7 exercise
  /// does.
  public func tensor(for images: [GrayImage]) -> Tensor {
    var scalars: [Float] = []
    scalars.reserveCapacity(images.reduce(0) { $0 + $1.pixels.count })
    for image in images {
      scalars.append(contentsOf: image.pixels.map { Float($0) / 255 })
    }
    let shape = batchSymbol == nil ? imageShape : [images.count] + imageShape
    return Tensor(shape: shape, scalars: scalars)
  }
}

extension Array where Element == Int? {
  /// The values when every one is known.
  var allKnown: [Int]? {
    var result: [Int] = []
    for value in self {
      guard let value else { return nil }
      result.append(value)
    }
    return result
  }
}

/// A reason why a model cannot be run on the given data.
public enum RunError: Error, Equatable, CustomStringConvertible {
  case inputCount([String])
  case imageSizeMismatch(input: String, declared: String, pixels: String)
  case mixedImageSizes(first: String, other: String)
  case noImages(path: String)
  case kernelFailed(String)
  case unknownClass(String, [String])
  /// A kernel failed on an input of exactly the inferred shape: a bug in shapecheck.
  case internalFailure(String)
  /// `--positive-class` was given, but the data are not labelled with exactly two classes,
  /// which are listed (empty when some images have no label).
  case positiveClassNotApplicable(String, [String])
  /// One tensor, or all tensors together when `tensor` is nil, need more Float32 elements than
  /// `limit`. `elements` is nil when the count overflows 64 bits.
  case tooLarge(tensor: String?, elements: Int?, limit: Int)

  public var description: String {
    switch self {
    case .inputCount(let names) where names.isEmpty:
      "the model declares no input; declare one such as 'x: Tensor[784]'"
    case .inputCount(let names):
      "the model declares \(names.count) inputs (\(names.joined(separator: ", "))), but 'run' feeds images into exactly one"
    case .imageSizeMismatch(let input, let declared, let pixels):
      "the input '\(input)' is declared as \(declared), but each image has \(pixels) pixels; declare a shape with that many elements, such as 'Tensor[784]' or 'Tensor[N, 1, 28, 28]'"
    case .mixedImageSizes(let first, let other):
      "the images differ in size: \(first) and \(other)"
    case .noImages(let path):
      "\(path): no images to run"
    case .kernelFailed(let message):
      "running the model failed: \(message)"
    case .internalFailure(let message):
      "internal failure: \(message); please report this with the model file"
    case .unknownClass(let name, let known):
      "'\(name)' is not a class of the data; the classes are \(known.joined(separator: ", "))"
    case .positiveClassNotApplicable(let name, let classes) where classes.isEmpty:
      "--positive-class '\(name)' needs images labelled with two classes, but some images have no label; label them by folder or with labels.csv, or drop the option"
    case .positiveClassNotApplicable(let name, let classes):
      "--positive-class '\(name)' needs images labelled with exactly two classes, but the data have \(classes.count) (\(classes.joined(separator: ", "))); drop the option"
    case .tooLarge(let tensor, let elements, let limit):
      "\(tensor ?? "the parameters and activations of one forward pass") would take \(elements.map(groupedDigits) ?? "more than 2^63") Float32 elements, more than the limit of \(groupedDigits(limit)) (1 GiB) that 'run' allocates; make the layers smaller, or use 'check' and 'shapes', which allocate no tensors"
    }
  }
}
