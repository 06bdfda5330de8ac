import ShapeData
import ShapeDiagnostics
import ShapeInference
import ShapeLayers
import ShapeSource
import ShapeSymbolic
import ShapeTensor

/// The settings of one `shapecheck run`.
public struct RunOptions: Sendable {
  public var modelPath: String
  public var inputPath: String
  public var weightsPath: String?
  public var seed: UInt64 = 42
  public var limit: Int?
  /// The class meant by sigmoid(output) > 0.5; the first class name in sorted order when nil.
  public var positiveClass: String?
  /// The layer kinds the model may use.
  public var catalog: LayerCatalog = .standard

  public init(modelPath: String, inputPath: String) {
    self.modelPath = modelPath
    self.inputPath = inputPath
  }
}

/// Everything a run observed, for the report.
public struct RunResult: Sendable {
  public var analysis: ModelAnalysis
  public var layout: InputLayout
  public var imageCount: Int
  /// The rows of the first image (or the batch), in the order of the model file.
  public var comparisons: [ShapeComparison]
  /// How many images, after the first, had a tensor whose shape disagreed.
  public var laterDisagreements: Int
  public var classification: ClassificationResult?
  /// Why labelled data were not classified, such as a model with ten outputs.
  public var classificationNote: String?
  /// The source of the first image, whose values the report prints when images run one by one.
  public var firstImageSource: String
  /// The origin of the parameters, such as `--seed 42` or the weights file.
  public var parameterSource: String
  /// Layer kinds whose `--seed` initialization is not PyTorch's.
  public var kindsNotReproduced: [String]

  public var allConfirmed: Bool {
    laterDisagreements == 0 && comparisons.allSatisfy(\.agrees)
  }
}

/// The reason a run stopped before it produced a report.
public enum RunFailure: Error {
  /// A file could not be read or is malformed: exit status 66.
  case input(any Error)
  /// The model has errors, or the weights do not fit it: exit status 1.
  case diagnostics(source: SourceFile, [Diagnostic])
  /// The data do not fit the model: exit status 1.
  case run(RunError)
}

/// The pipeline behind `shapecheck run`.
public enum ModelRun {
  /// Checks the model, loads the data and the parameters, runs every image and compares every
  /// observed shape with the inferred one. `progress` is called with (done, total).
  public static func run(_ options: RunOptions, progress: ((Int, Int) -> Void)? = nil) throws(RunFailure)
    -> RunResult
  {
    let analysis: ModelAnalysis
    do { analysis = try ModelCheck.analyzeFile(options.modelPath, catalog: options.catalog) } catch {
      throw .input(error)
    }
    guard !analysis.hasErrors else { throw .diagnostics(source: analysis.source, analysis.diagnostics) }
    let dataset: Dataset
    do { dataset = try DatasetLoader.load(path: options.inputPath, limit: options.limit) } catch { throw .input(error) }
    guard let first = dataset.items.first else { throw .run(.noImages(path: options.inputPath)) }
    let layout: InputLayout
    do {
      layout = try InputLayout.make(
        for: analysis, pixelsPerImage: first.image.pixels.count, width: first.image.width, height: first.image.height)
    } catch { throw .run(error) }
    try checkImageSizes(dataset)
    do { try RunMemoryBudget.check(analysis, layout: layout, imageCount: dataset.items.count) } catch { throw .run(error) }
    let (parameters, source) = try loadParameters(options, analysis: analysis)
    let runner = ModelRunner(analysis: analysis, parameters: parameters)
    var execution = Execution(runner: runner, layout: layout, dataset: dataset, positiveClass: options.positiveClass)
    do throws(RunError) { try execution.runAll(progress: progress) } catch { throw .run(error) }
    return RunResult(
      analysis: analysis, layout: layout, imageCount: dataset.items.count, comparisons: execution.comparisons,
      laterDisagreements: execution.laterDisagreements, classification: execution.classification,
      classificationNote: execution.classificationNote, firstImageSource: first.source,
      parameterSource: source,
      kindsNotReproduced: options.weightsPath == nil ? ParameterStore.kindsNotReproduced(in: analysis) : [])
  }

  private static func checkImageSizes(_ dataset: Dataset) throws(RunFailure) {
    guard let first = dataset.items.first else { return }
    for item in dataset.items where item.image.width != first.image.width || item.image.height != first.image.height {
      throw .run(
        .mixedImageSizes(
          first: "\(first.source) is \(first.image.width)×\(first.image.height)",
          other: "\(item.source) is \(item.image.width)×\(item.image.height)"))
    }
  }

  private static func loadParameters(_ options: RunOptions, analysis: ModelAnalysis) throws(RunFailure)
    -> (ParameterStore, String)
  {
    guard let path = options.weightsPath else {
      return (ParameterStore.initialized(for: analysis, seed: options.seed), "PyTorch's initialization with --seed \(options.seed)")
    }
    let matcher = try WeightsLoading.matcher(path: path, analysis: analysis)
    let problems = matcher.diagnostics()
    guard problems.isEmpty else { throw .diagnostics(source: analysis.source, problems) }
    do { return (try matcher.parameterStore(), path) } catch { throw .input(error) }
  }
}

/// Reading a weights file for `run` and `check --weights`.
public enum WeightsLoading {
  /// The largest weights file accepted, in bytes.
  public static let maxFileBytes = 1 << 30

  /// Reads and validates a safetensors file and pairs it with the model.
  public static func matcher(path: String, analysis: ModelAnalysis) throws(RunFailure) -> WeightsMatcher {
    do {
      let bytes = try FileReader.read(path, limit: maxFileBytes)
      let file = try SafetensorsFile(bytes: bytes)
      return WeightsMatcher(analysis: analysis, file: file, path: path)
    } catch let error as InputError {
      throw .input(error)
    } catch {
      throw .input(InputError.malformed(path: path, reason: "\(error)"))
    }
  }
}
