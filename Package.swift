// swift-tools-version:6.0
//
// Layout: one library target per concern, each with its own test target, listed in
// dependency order. The executables only parse arguments and print; every decision
// lives in the libraries.
import PackageDescription

let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
  name: "shapecheck",
  products: [
    .executable(name: "shapecheck", targets: ["shapecheck"]),
    .library(name: "ShapeCheckKit", targets: ["ShapeCheckKit"]),
    .plugin(name: "ShapeCheckPlugin", targets: ["ShapeCheckPlugin"]),
  ],
  targets: [
    // Source buffers and UTF-8 offset to line/column mapping.
    .target(name: "ShapeSource", swiftSettings: strictSettings),
    .testTarget(name: "ShapeSourceTests", dependencies: ["ShapeSource"]),

    // Diagnostics, notes, fix-its and their text rendering.
    .target(name: "ShapeDiagnostics", dependencies: ["ShapeSource"], swiftSettings: strictSettings),
    .testTarget(name: "ShapeDiagnosticsTests", dependencies: ["ShapeDiagnostics"]),

    // Lexer, parser and syntax tree of the model language.
    .target(
      name: "ShapeSyntax", dependencies: ["ShapeSource", "ShapeDiagnostics"],
      swiftSettings: strictSettings),
    .testTarget(name: "ShapeSyntaxTests", dependencies: ["ShapeSyntax"]),

    // Symbolic integer dimensions in canonical form, with overflow-checked arithmetic.
    .target(name: "ShapeSymbolic", swiftSettings: strictSettings),
    .testTarget(name: "ShapeSymbolicTests", dependencies: ["ShapeSymbolic"]),

    // Float32 tensors, numeric kernels and PyTorch-compatible random initialization.
    .target(name: "ShapeTensor", swiftSettings: strictSettings),
    .testTarget(name: "ShapeTensorTests", dependencies: ["ShapeTensor"]),

    // Readers for untrusted data files: DEFLATE, zlib, gzip, PNG, IDX, CSV, safetensors.
    .target(name: "ShapeData", swiftSettings: strictSettings),
    .testTarget(
      name: "ShapeDataTests", dependencies: ["ShapeData"],
      resources: [.copy("Inputs")]),

    // The layer catalog: per layer kind its arguments, shape rule, parameters and kernel.
    .target(
      name: "ShapeLayers",
      dependencies: ["ShapeSource", "ShapeDiagnostics", "ShapeSymbolic", "ShapeTensor"],
      swiftSettings: strictSettings),
    .testTarget(name: "ShapeLayersTests", dependencies: ["ShapeLayers"]),

    // Name resolution, symbolic shape inference and diagnostics for a parsed model file.
    .target(
      name: "ShapeInference",
      dependencies: ["ShapeSource", "ShapeDiagnostics", "ShapeSyntax", "ShapeSymbolic", "ShapeLayers"],
      swiftSettings: strictSettings),
    .testTarget(name: "ShapeInferenceTests", dependencies: ["ShapeInference"]),

    // The commands' logic: check, shapes, run; report rendering; exit statuses.
    .target(
      name: "ShapeCheckKit",
      dependencies: [
        "ShapeSource", "ShapeDiagnostics", "ShapeSyntax", "ShapeSymbolic", "ShapeTensor",
        "ShapeData", "ShapeLayers", "ShapeInference",
      ],
      swiftSettings: strictSettings),
    .testTarget(name: "ShapeCheckKitTests", dependencies: ["ShapeCheckKit"]),

    // The command-line tool: argument parsing and exit codes only.
    .executableTarget(name: "shapecheck", dependencies: ["ShapeCheckKit"], swiftSettings: strictSettings),
    .testTarget(name: "shapecheckTests", dependencies: ["shapecheck", "ShapeCheckKit"]),

    // Runs `shapecheck check` on a target's .nn files during `swift build`; see docs/plugin.md.
    .plugin(name: "ShapeCheckPlugin", capability: .buildTool(), dependencies: ["shapecheck"]),

    // Release-build benchmarks; see docs/benchmarks.md.
    .executableTarget(
      name: "shapecheck-bench", dependencies: ["ShapeCheckKit"], swiftSettings: strictSettings),
  ],
  swiftLanguageModes: [.v6]
)
