/// A three-valued answer to a question about all values of the symbols.
public enum Decision: Sendable, Equatable {
  /// The property holds for every value of the symbols.
  case yes
  /// The property fails for every value of the symbols.
  case no
  /// The simplifier cannot tell.
  case unknown
}
