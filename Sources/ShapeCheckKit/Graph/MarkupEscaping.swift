/// Escapes text for XML character data and attribute values: the five markup characters
/// become entities, and characters that XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF)
/// become U+FFFD. Line breaks and tabs become spaces because every label is one line.
func xmlEscaped(_ text: String) -> String {
  var result = ""
  result.reserveCapacity(text.utf8.count)
  for scalar in text.unicodeScalars {
    switch scalar {
    case "&": result += "&amp;"
    case "<": result += "&lt;"
    case ">": result += "&gt;"
    case "\"": result += "&quot;"
    case "'": result += "&apos;"
    case "\t", "\n", "\r": result += " "
    default:
      let forbidden = scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
      result.unicodeScalars.append(forbidden ? "\u{FFFD}" : scalar)
    }
  }
  return result
}

/// Escapes text for a double-quoted DOT string: backslashes and quotes get a backslash, and
/// line breaks become spaces, so Graphviz's own escapes such as `\n` or `\N` cannot appear.
/// Characters that XML forbids become U+FFFD because Graphviz writes labels into SVG output.
func dotEscaped(_ text: String) -> String {
  var result = ""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\\": result += "\\\\"
    case "\"": result += "\\\""
    case "\t", "\n", "\r": result += " "
    default:
      let forbidden = scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
      result.unicodeScalars.append(forbidden ? "\u{FFFD}" : scalar)
    }
  }
  return result
}
