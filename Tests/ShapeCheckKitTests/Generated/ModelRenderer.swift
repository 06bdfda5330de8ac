import ShapeLayers

/// How a generated model is written: the choices that must not change any result.
struct RenderStyle {
  /// Pass leading arguments by position instead of by keyword.
  var positional = false
  /// Put each argument on its own line inside the brackets.
  var breakLines = false
  /// End argument lists with a comma.
  var trailingCommas = false
  /// Write a comment line before each statement and blank lines between statements.
  var comments = false
  /// Write spaces around `=` in keyword arguments and padding inside brackets.
  var extraSpaces = false

  static let plain = RenderStyle()

  /// Draws a style from `random`.
  static func random(using random: inout SplitMix64) -> RenderStyle {
    RenderStyle(
      positional: .random(using: &random), breakLines: .random(using: &random),
      trailingCommas: .random(using: &random), comments: .random(using: &random),
      extraSpaces: .random(using: &random))
  }
}

/// Writes a generated model as source text and records the byte range of every size site.
struct ModelRenderer {
  let style: RenderStyle
  /// Replacement values by site, for mutations.
  var overrides: [String: Int] = [:]
  private(set) var text = ""
  private(set) var siteRanges: [String: Range<Int>] = [:]

  init(style: RenderStyle, overrides: [String: Int] = [:]) {
    self.style = style
    self.overrides = overrides
  }

  /// Renders the whole model.
  mutating func render(_ model: GeneratedModel) -> String {
    text = "import torch\nfrom torch import nn\n"
    for (index, statement) in model.statements.enumerated() {
      if style.comments { text += "\n# statement \(index)\n" }
      write(statement)
      text += style.comments ? "  # end of statement \(index)\n" : "\n"
    }
    return text
  }

  private mutating func write(_ statement: GeneratedStatement) {
    switch statement {
    case .constant(let name, let value):
      text += "\(name) = "
      writeSite("constant.\(name)", value: String(value))
    case .input(let name, let dims):
      text += "\(name): Tensor[\(dims.joined(separator: ", "))]"
    case .define(let name, let expression):
      text += "\(name) = "
      write(expression, indent: 0)
    case .apply(let output, let callee, let input):
      text += "\(output) = "
      write(callee, indent: 0)
      text += "(\(input))"
    }
  }

  private mutating func write(_ expression: LayerExpression, indent: Int) {
    switch expression {
    case .reference(let name):
      text += name
    case .layer(let layer):
      text += "nn.\(layer.kind)"
      let positionalCount = style.positional ? Self.positionalPrefixCount(layer) : 0
      writeList(layer.arguments.indices.map { index in
        { (renderer: inout ModelRenderer) in
          let argument = layer.arguments[index]
          if index >= positionalCount {
            renderer.text += renderer.style.extraSpaces ? "\(argument.label) = " : "\(argument.label)="
          }
          renderer.write(argument.value, indent: indent + 1)
        }
      }, indent: indent)
    case .sequential(let items):
      text += "nn.Sequential"
      writeList(items.map { item in { (renderer: inout ModelRenderer) in renderer.write(item, indent: indent + 1) } }, indent: indent)
    }
  }

  /// Returns how many leading arguments stand at their position in PyTorch's signature, so
  /// that they can be passed by position.
  private static func positionalPrefixCount(_ layer: GeneratedLayer) -> Int {
    let names = LayerCatalog.standard.kind(named: layer.kind)?.arguments.map(\.name) ?? []
    return zip(layer.arguments, names).prefix { $0.label == $1 }.count
  }

  private mutating func write(_ value: GeneratedValue, indent: Int) {
    switch value {
    case .text(let text):
      self.text += text
    case .size(let size, let site):
      writeSite(site, value: String(size))
    case .sequence(let items, let isList):
      let writers = items.map { item in
        { (renderer: inout ModelRenderer) in renderer.write(item, indent: indent + 1) }
      }
      // A tuple of one element needs its comma.
      writeList(
        writers, indent: indent, brackets: isList ? ("[", "]") : ("(", ")"),
        forceTrailingComma: !isList && items.count == 1)
    }
  }

  /// Writes `(item, item)`, or the items between other brackets, in the style's layout.
  private mutating func writeList(
    _ items: [(inout ModelRenderer) -> Void], indent: Int, brackets: (String, String) = ("(", ")"),
    forceTrailingComma: Bool = false
  ) {
    text += brackets.0
    let breaks = style.breakLines && !items.isEmpty
    for (index, item) in items.enumerated() {
      if breaks {
        text += "\n" + String(repeating: "    ", count: indent + 1)
      } else if index > 0 {
        text += " "
      } else if style.extraSpaces {
        text += " "
      }
      item(&self)
      if index < items.count - 1 || style.trailingCommas || forceTrailingComma { text += "," }
    }
    if breaks { text += "\n" + String(repeating: "    ", count: indent) }
    if style.extraSpaces && !breaks && !items.isEmpty { text += " " }
    text += brackets.1
  }

  private mutating func writeSite(_ site: String?, value: String) {
    let start = text.utf8.count
    if let site, let override = overrides[site] {
      text += String(override)
    } else {
      text += value
    }
    if let site { siteRanges[site] = start..<text.utf8.count }
  }
}
