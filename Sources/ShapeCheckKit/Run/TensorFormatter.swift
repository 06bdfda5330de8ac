import Foundation
import ShapeTensor

/// Prints tensors the way PyTorch's `print(tensor)` does with its default options: four
/// decimals, elements padded to one width, scientific notation when the magnitudes span more
/// than three orders, and lines wrapped at 80 characters.
public enum TensorFormatter {
  static let lineWidth = 80

  /// Formats `tensor` as PyTorch prints it, such as `tensor([ 0.1234, -0.5678])`.
  public static func format(_ tensor: Tensor) -> String {
    let style = NumberStyle(tensor.scalars)
    let cells = tensor.scalars.map(style.format)
    let width = cells.map(\.count).max() ?? 0
    let padded = cells.map { String(repeating: " ", count: width - $0.count) + $0 }
    let prefix = "tensor("
    guard !tensor.shape.isEmpty else { return prefix + (padded.first ?? "") + ")" }
    var position = 0
    let body = render(shape: tensor.shape[...], cells: padded, position: &position, indent: prefix.count)
    return prefix + body + ")"
  }

  private static func render(shape: ArraySlice<Int>, cells: [String], position: inout Int, indent: Int) -> String {
    guard let size = shape.first else { return "" }
    if shape.count == 1 {
      let items = (0..<size).map { offset in cells[position + offset] }
      position += size
      return "[" + wrap(items, indent: indent + 1) + "]"
    }
    var rows: [String] = []
    for _ in 0..<size {
      rows.append(render(shape: shape.dropFirst(), cells: cells, position: &position, indent: indent + 1))
    }
    let separator = "," + String(repeating: "\n", count: shape.count - 1) + String(repeating: " ", count: indent + 1)
    return "[" + rows.joined(separator: separator) + "]"
  }

  private static func wrap(_ items: [String], indent: Int) -> String {
    guard let width = items.first?.count else { return "" }
    let perLine = max(1, (lineWidth - indent) / (width + 2))
    var lines: [String] = []
    var start = 0
    while start < items.count {
      let end = min(items.count, start + perLine)
      lines.append(items[start..<end].joined(separator: ", "))
      start = end
    }
    return lines.joined(separator: ",\n" + String(repeating: " ", count: indent))
  }
}

/// The notation of one tensor's elements: fixed or scientific, with or without decimals.
private struct NumberStyle {
  var isScientific = false
  var isIntegral = false

  init(_ values: [Float]) {
    let finite = values.filter(\.isFinite)
    isIntegral = !finite.isEmpty && finite.allSatisfy { $0 == $0.rounded() }
    let magnitudes = finite.map(abs).filter { $0 > 0 }
    guard let largest = magnitudes.max(), let smallest = magnitudes.min() else { return }
    if isIntegral {
      isScientific = largest > 1e8
    } else {
      isScientific = largest / smallest > 1000 || largest > 1e8 || smallest < 1e-4
    }
  }

  func format(_ value: Float) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    if isScientific { return String(format: "%.4e", Double(value)) }
    if isIntegral { return String(format: "%.0f.", Double(value)) }
    return String(format: "%.4f", Double(value))
  }
}
