/// Formats a byte count as exact bytes and a binary unit with 2 decimals, such as
/// `94,324 bytes (92.11 KiB)`; counts under 1 MiB use KiB, then MiB, then GiB.
func byteCountText(_ bytes: Int) -> String {
  let units: [(name: String, size: Double)] = [
    ("GiB", 1024 * 1024 * 1024), ("MiB", 1024 * 1024), ("KiB", 1024),
  ]
  let value = Double(bytes)
  let unit = units.first { value >= $0.size } ?? units[units.count - 1]
  let scaled = (value / unit.size * 100).rounded() / 100
  return "\(groupedDigits(bytes)) bytes (\(twoDecimals(scaled)) \(unit.name))"
}

/// Renders a nonnegative number with exactly 2 decimals, without Foundation's locale rules.
private func twoDecimals(_ value: Double) -> String {
  let hundredths = Int((value * 100).rounded())
  let fraction = hundredths % 100
  return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}
