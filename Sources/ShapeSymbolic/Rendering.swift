// Python-syntax rendering of a canonical dim.

extension Dim: CustomStringConvertible {
  /// The formula in Python syntax, as `rendered(naming:)` prints it with symbol names.
  public var description: String {
    rendered { $0.name }
  }

  /// Renders the formula in Python syntax, printing each symbol through `name`.
  ///
  /// The rendering is deterministic and follows these rules:
  /// - Terms follow the canonical order: higher degree first, then by symbol name, with the
  ///   constant term last (`x * y + x - 3`). When the first term is negative, the first term
  ///   with a positive coefficient moves to the front (`3 - x`, not `-x + 3`).
  /// - A coefficient other than 1 comes first in its term (`25 * conv_2.out_channels`).
  /// - A power repeats its base (`x * x`), because the formula language has no `**`.
  /// - The operands of `//` are parenthesized unless they are a symbol or a nonnegative
  ///   integer (`(H - 4) // 2`, `(2 * x) // 3`). A floor division inside a product, or after
  ///   a leading minus, is parenthesized too (`2 * (x // 2)`, `-(x // 2)`), although Python
  ///   would not need it in the product, because `2 * x // 2` reads as `2 * (x // 2)`.
  public func rendered(naming name: (Symbol) -> String) -> String {
    guard let leadIndex = terms.firstIndex(where: { $0.coefficient > 0 }) ?? terms.indices.first
    else {
      return "0"
    }
    var ordered = terms
    let lead = ordered.remove(at: leadIndex)
    ordered.insert(lead, at: 0)

    var text = ""
    for (index, term) in ordered.enumerated() {
      let isNegative = term.coefficient < 0
      if index == 0 {
        text += isNegative ? "-" : ""
      } else {
        text += isNegative ? " - " : " + "
      }
      text += term.renderedMagnitude(afterMinus: index == 0 && isNegative, naming: name)
    }
    return text
  }
}

extension Term {
  /// Renders `|coefficient| * monomial`; `afterMinus` is true when a unary minus precedes it.
  fileprivate func renderedMagnitude(afterMinus: Bool, naming name: (Symbol) -> String) -> String
  {
    let magnitude = coefficient.magnitude
    if monomial.isOne { return String(magnitude) }

    var parts: [String] = []
    if magnitude != 1 { parts.append(String(magnitude)) }
    let occurrences = monomial.factors.reduce(0) { $0 + $1.exponent }
    let isLoneAtom = magnitude == 1 && occurrences == 1
    for factor in monomial.factors {
      let protect = !isLoneAtom || afterMinus
      let atomText = factor.atom.rendered(parenthesizingFloor: protect, naming: name)
      for _ in 0..<factor.exponent {
        parts.append(atomText)
      }
    }
    return parts.joined(separator: " * ")
  }
}

extension Atom {
  /// Renders the atom; a floor division gets parentheses when `parenthesizingFloor` is true.
  fileprivate func rendered(parenthesizingFloor: Bool, naming name: (Symbol) -> String) -> String
  {
    switch self {
    case .symbol(let symbol):
      return name(symbol)
    case .floor(let numerator, let denominator):
      let text = numerator.renderedOperand(naming: name) + " // "
        + denominator.renderedOperand(naming: name)
      return parenthesizingFloor ? "(" + text + ")" : text
    }
  }
}

extension Dim {
  /// Renders the dim as an operand of `//`: bare when it is a symbol or a nonnegative
  /// integer, parenthesized otherwise.
  fileprivate func renderedOperand(naming name: (Symbol) -> String) -> String {
    let text = rendered(naming: name)
    if let value = constantValue, value >= 0 { return text }
    if terms.count == 1, terms[0].coefficient == 1, terms[0].monomial.factors.count == 1,
      terms[0].monomial.factors[0].exponent == 1,
      case .symbol = terms[0].monomial.factors[0].atom
    {
      return text
    }
    return "(" + text + ")"
  }
}
