@testable import ShapeInference
import Testing

/// The banded edit distance behind "did you mean" suggestions agrees with the full table on
/// every pair of short words over a three-letter alphabet, for every limit.
@Suite struct EditDistanceTests {
  /// Every word of up to four letters from "abc", as scalar values.
  static let words: [[UInt32]] = {
    var words: [[UInt32]] = [[]]
    var last: [[UInt32]] = [[]]
    for _ in 1...4 {
      last = last.flatMap { word in [97, 98, 99].map { word + [$0] } }
      words += last
    }
    return words
  }()

  /// Computes the Levenshtein distance from the whole table, without a band or an early stop.
  static func fullDistance(_ a: [UInt32], _ b: [UInt32]) -> Int {
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in stride(from: 1, through: a.count, by: 1) {
      for j in stride(from: 1, through: b.count, by: 1) {
        let substitution = table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, substitution)
      }
    }
    return table[a.count][b.count]
  }

  @Test(arguments: 0...5)
  func bandedDistanceMatchesFullTable(limit: Int) {
    var mismatches: [String] = []
    for a in Self.words {
      for b in Self.words {
        let expected = min(Self.fullDistance(a, b), limit + 1)
        let found = editDistance(a, b, limit: limit)
        if found != expected {
          mismatches.append("\(a) \(b): \(found), expected \(expected)")
        }
      }
    }
    #expect(Self.words.count == 121)
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
  }

  @Test func distanceOfLongNamesStopsAtTheLimit() {
    let a = Array(repeating: UInt32(97), count: 64)
    let b = Array(repeating: UInt32(98), count: 64)
    #expect(editDistance(a, b, limit: 21) == 22)
    #expect(editDistance(a, a, limit: 0) == 0)
  }
}
