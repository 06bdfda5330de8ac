import ShapeCheckKit
import Testing

/// `GlobPattern` matches relative paths as documented on the type.
@Suite struct GlobPatternTests {
  @Test(arguments: [
    ("*.nn", "a.nn", true),
    ("*.nn", "sub/dir/a.nn", true),
    ("*.nn", "a.nnx", false),
    ("a?.nn", "ab.nn", true),
    ("a?.nn", "a.nn", false),
    ("sub/*.nn", "sub/a.nn", true),
    ("sub/*.nn", "sub/deeper/a.nn", false),
    ("sub/**", "sub/deeper/a.nn", true),
    ("sub/**", "other/a.nn", false),
    ("**/test_*.nn", "test_a.nn", true),
    ("**/test_*.nn", "x/y/test_a.nn", true),
    ("**/test_*.nn", "x/y/atest_a.nn", false),
    ("a/**/b.nn", "a/b.nn", true),
    ("a/**/b.nn", "a/x/y/b.nn", true),
    ("a/**/b.nn", "ab.nn", false),
    ("[ab]*.nn", "b1.nn", true),
    ("[ab]*.nn", "c1.nn", false),
    ("[!ab]*.nn", "c1.nn", true),
    ("[^ab]*.nn", "a1.nn", false),
    ("v[0-9].nn", "v7.nn", true),
    ("v[0-9].nn", "vx.nn", false),
    ("[]]x", "]x", true),
    ("[abc", "[abc", true),
    ("x/[!a]", "x//", false),
    ("", "", true),
    ("**", "any/thing", true),
  ])
  func patternMatchesPath(_ pattern: String, _ path: String, _ expected: Bool) {
    #expect(GlobPattern(pattern).matches(path) == expected, "\(pattern) vs \(path)")
  }

  @Test func longPathMatchesQuickly() {
    let path = String(repeating: "a/", count: 2000) + "aaaaa/b.nn"
    #expect(GlobPattern("**/*a*a*a*a*a*/b.nn").matches(path))
    #expect(!GlobPattern("**/*a*a*a*a*a*/c.nn").matches(path))
  }
}
