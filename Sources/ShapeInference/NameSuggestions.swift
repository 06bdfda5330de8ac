/// A name that a "did you mean" suggestion may offer, with what the comparison checks
/// before it lowercases the name, so that a list compared against many misspelled names is
/// measured once.
struct SuggestionCandidate {
  let name: String
  let isASCII: Bool
  /// The length in bytes, which lowercasing keeps for ASCII names.
  let byteCount: Int
  let isTooLong: Bool

  init(_ name: String) {
    self.name = name
    self.isASCII = name.utf8.allSatisfy { $0 < 0x80 }
    self.byteCount = name.utf8.count
    self.isTooLong = name.unicodeScalars.count > maxSuggestionLength
  }
}

/// Returns the candidate closest to `name` by edit distance ignoring case, when it is close
/// enough to be a typo. The limit is a third of the name's length, and at least one edit.
/// Names of one or two characters get only changes of case, because one edit reaches any
/// other short name. Ties go to the candidate closer with case, so `linaer` suggests the
/// layer `linear` over the class `Linear`, and then to the first in lexicographic order.
func closestName(to name: String, among candidates: [String]) -> String? {
  closestName(to: name, among: candidates.map(SuggestionCandidate.init))
}

/// Returns the candidate closest to `name`, as `closestName(to:among:)` with names does.
func closestName(to name: String, among candidates: [SuggestionCandidate]) -> String? {
  guard name.unicodeScalars.count <= maxSuggestionLength else { return nil }
  let target = caseFolded(name)
  let limit = name.count <= 2 ? 0 : max(1, name.count / 3)
  var best: (name: String, rank: SuggestionRank)?
  let nameIsASCII = name.utf8.allSatisfy { $0 < 0x80 }
  for candidate in candidates where candidate.name != name && !candidate.isTooLong {
    // Two ASCII names whose lengths differ by more than the limit are skipped before the
    // candidate is lowercased.
    if nameIsASCII, candidate.isASCII, abs(candidate.byteCount - target.count) > limit {
      continue
    }
    let distance = editDistance(target, caseFolded(candidate.name), limit: limit)
    guard distance <= limit else { continue }
    let rank = SuggestionRank(
      distance: distance,
      exactDistance: editDistance(
        name.unicodeScalars.map(\.value), candidate.name.unicodeScalars.map(\.value),
        limit: maxSuggestionLength),
      name: candidate.name)
    if let current = best, current.rank <= rank {
      continue
    }
    best = (candidate.name, rank)
  }
  return best?.name
}

/// Returns the scalar values of `text` in lowercase. ASCII text, the usual case, is lowered byte by
/// byte without building a lowercased string first.
private func caseFolded(_ text: String) -> [UInt32] {
  guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
    return text.lowercased().unicodeScalars.map(\.value)
  }
  return text.utf8.map { byte in
    UInt32(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
  }
}

/// The order of suggestion candidates: the edit distance ignoring case, then the distance
/// with case, then the name.
private struct SuggestionRank: Comparable {
  var distance: Int
  var exactDistance: Int
  var name: String

  static func < (lhs: Self, rhs: Self) -> Bool {
    (lhs.distance, lhs.exactDistance, lhs.name) < (rhs.distance, rhs.exactDistance, rhs.name)
  }
}

/// Returns the Levenshtein distance between two scalar sequences, or `limit + 1` when it is
/// larger than `limit`. Only the band of the distance table within `limit` of its diagonal is
/// filled, since every entry outside it is past the limit, so the cost is linear in the
/// length for a fixed limit. The rows never decrease in their minimum, so the search also
/// stops at the first row whose every entry is past the limit.
func editDistance(_ a: [UInt32], _ b: [UInt32], limit: Int) -> Int {
  if abs(a.count - b.count) > limit { return limit + 1 }
  if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
  let beyond = limit + 1
  var previous = (0...b.count).map { min($0, beyond) }
  var current = [Int](repeating: beyond, count: b.count + 1)
  for i in 1...a.count {
    // Both lengths are within `limit` of each other, so the band is never empty. The band
    // only moves right, so the entries right of it still equal `beyond`. The entry left of
    // it keeps an older row's value, so it is reset.
    let low = max(1, i - limit)
    let high = min(b.count, i + limit)
    current[0] = min(i, beyond)
    current[low - 1] = low == 1 ? current[0] : beyond
    var rowMinimum = current[low - 1]
    for j in low...high {
      let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
      current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution, beyond)
      rowMinimum = min(rowMinimum, current[j])
    }
    if rowMinimum > limit { return beyond }
    swap(&previous, &current)
  }
  return min(previous[b.count], beyond)
}
