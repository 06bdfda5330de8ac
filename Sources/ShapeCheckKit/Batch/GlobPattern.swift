/// A shell-style glob for `--include` and `--exclude`, matched against a path relative to the
/// folder given on the command line, with `/` as the separator.
///
/// - `*` matches any run of characters other than `/`, and `?` one character other than `/`.
/// - `**` matches any run of characters including `/`; `**/` matches zero or more folders.
/// - `[abc]`, `[a-z]` and `[!abc]` (or `[^abc]`) match one character in or not in the set.
///   A `[` without a closing `]` matches itself.
/// - A pattern without `/` is matched against the file name alone, so `*_test.nn` matches
///   in every folder.
public struct GlobPattern: Sendable, Hashable, CustomStringConvertible {
  enum Token: Hashable {
    case literal(Character)
    case anyCharacter
    case star
    case doubleStar
    /// `**/`: empty, or any text that ends with `/`.
    case folders
    case set(ranges: [ClosedRange<Character>], negated: Bool)
  }

  /// The pattern as written.
  public let description: String
  let tokens: [Token]
  /// Whether the pattern contains `/` and so is matched against the whole relative path.
  let matchesWholePath: Bool

  public init(_ pattern: String) {
    description = pattern
    tokens = Self.tokenize(Array(pattern))
    matchesWholePath = pattern.contains("/")
  }

  private static func tokenize(_ characters: [Character]) -> [Token] {
    var tokens: [Token] = []
    var index = 0
    while index < characters.count {
      let character = characters[index]
      switch character {
      case "*":
        let isDouble = index + 1 < characters.count && characters[index + 1] == "*"
        if !isDouble {
          tokens.append(.star)
          index += 1
        } else if index + 2 < characters.count && characters[index + 2] == "/" {
          tokens.append(.folders)
          index += 3
        } else {
          tokens.append(.doubleStar)
          index += 2
        }
      case "?":
        tokens.append(.anyCharacter)
        index += 1
      case "[":
        if let (token, next) = bracketExpression(characters, from: index) {
          tokens.append(token)
          index = next
        } else {
          tokens.append(.literal("["))
          index += 1
        }
      default:
        tokens.append(.literal(character))
        index += 1
      }
    }
    return tokens
  }

  /// Parses `[...]` starting at `start`; returns the token and the index after `]`.
  private static func bracketExpression(
    _ characters: [Character], from start: Int
  ) -> (Token, Int)? {
    var index = start + 1
    var negated = false
    if index < characters.count, characters[index] == "!" || characters[index] == "^" {
      negated = true
      index += 1
    }
    var ranges: [ClosedRange<Character>] = []
    var isFirst = true
    while index < characters.count {
      let character = characters[index]
      // A `]` right after `[` or `[!` is a member, as in POSIX shells.
      if character == "]" && !isFirst {
        return (.set(ranges: ranges, negated: negated), index + 1)
      }
      isFirst = false
      if index + 2 < characters.count, characters[index + 1] == "-", characters[index + 2] != "]" {
        let upper = characters[index + 2]
        if character <= upper { ranges.append(character...upper) }
        index += 3
      } else {
        ranges.append(character...character)
        index += 1
      }
    }
    return nil
  }

  /// Returns whether `path`, relative and with `/` separators, matches the pattern.
  public func matches(_ path: String) -> Bool {
    let subject = matchesWholePath ? path : String(path.split(separator: "/").last ?? "")
    return Self.match(tokens, Array(subject))
  }

  /// Matches by dynamic programming from the last token back: after processing a token,
  /// `current[j]` is whether the tokens from that one on match `text[j...]`, and `next` is the
  /// same for the following token. Time is O(tokens × text), without backtracking.
  private static func match(_ tokens: [Token], _ text: [Character]) -> Bool {
    let count = text.count
    var next = [Bool](repeating: false, count: count + 1)
    next[count] = true
    for token in tokens.reversed() {
      var current = [Bool](repeating: false, count: count + 1)
      // For `**/`: whether some `/` at or after j is followed by a match.
      var slashFollowedByMatch = false
      for j in stride(from: count, through: 0, by: -1) {
        let character: Character? = j < count ? text[j] : nil
        switch token {
        case .literal(let expected):
          current[j] = character == expected && next[j + 1]
        case .anyCharacter:
          current[j] = character != nil && character != "/" && next[j + 1]
        case .star:
          current[j] = next[j] || (character != nil && character != "/" && current[j + 1])
        case .doubleStar:
          current[j] = next[j] || (character != nil && current[j + 1])
        case .folders:
          if character == "/" && next[j + 1] { slashFollowedByMatch = true }
          current[j] = next[j] || slashFollowedByMatch
        case .set(let ranges, let negated):
          guard let character, character != "/" else { break }
          let isMember = ranges.contains { $0.contains(character) }
          current[j] = isMember != negated && next[j + 1]
        }
      }
      next = current
    }
    return next[0]
  }
}
