/// Returns the largest number of at most `limit` that divides every value, for suggesting a
/// `groups` value; 1 when the values are not all positive or the search gives up.
///
/// The search tries candidates from `min(limit, gcd)` downward and gives up after 100,000
/// of them, so a huge constant cannot stall the checker.
func largestCommonDivisor(of values: [Int], atMost limit: Int) -> Int {
  guard limit >= 1, !values.isEmpty, values.allSatisfy({ $0 > 0 }) else { return 1 }
  let common = values.dropFirst().reduce(values[0]) { greatestCommonDivisor($0, $1) }
  var candidate = min(limit, common)
  var tries = 0
  while candidate > 1, tries < 100_000 {
    if common % candidate == 0 { return candidate }
    candidate -= 1
    tries += 1
  }
  return 1
}

private func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
  var (x, y) = (a, b)
  while y != 0 { (x, y) = (y, x % y) }
  return x
}
