import Testing

@testable import ECSGenCLI

/// `UnifiedDiff` against outputs written out in full. Each expected string is what GNU diff 3.8
/// prints for the same two files with `diff -u --label old --label new` (or `-U0`).
@Suite struct UnifiedDiffTests {
  /// "line 1\n" through "line N\n", with the lines in `replacing` swapped for other text.
  static func numbered(_ lines: ClosedRange<Int>, replacing: [Int: String] = [:]) -> String {
    lines.map { (replacing[$0] ?? "line \($0)") + "\n" }.joined()
  }

  static func diff(_ old: String, _ new: String, context: Int = 3) -> String {
    UnifiedDiff.render(old: old, new: new, oldLabel: "old", newLabel: "new", context: context)
  }

  @Test func equalTextsGiveNothing() {
    #expect(Self.diff("", "") == "")
    #expect(Self.diff(Self.numbered(1...20), Self.numbered(1...20)) == "")
    #expect(Self.diff("no newline", "no newline") == "")
  }

  @Test func oneChangedLineInTheMiddle() {
    let old = Self.numbered(1...20)
    let new = Self.numbered(1...20, replacing: [10: "line ten"])
    let output = UnifiedDiff.render(
      old: old, new: new, oldLabel: "a/service.tf", newLabel: "b/service.tf")
    #expect(
      output == """
        --- a/service.tf
        +++ b/service.tf
        @@ -7,7 +7,7 @@
         line 7
         line 8
         line 9
        -line 10
        +line ten
         line 11
         line 12
         line 13

        """)
  }

  @Test func addedLineAtTheEnd() {
    #expect(
      Self.diff(Self.numbered(1...5), Self.numbered(1...6)) == """
        --- old
        +++ new
        @@ -3,3 +3,4 @@
         line 3
         line 4
         line 5
        +line 6

        """)
  }

  @Test func removedLineAtTheStart() {
    #expect(
      Self.diff(Self.numbered(1...5), Self.numbered(2...5)) == """
        --- old
        +++ new
        @@ -1,4 +1,3 @@
        -line 1
         line 2
         line 3
         line 4

        """)
  }

  @Test func changesFarApartGiveTwoHunks() {
    // Seven unchanged lines (4 to 10) between the changes: more than two contexts' worth.
    let new = Self.numbered(1...20, replacing: [3: "line three", 11: "line eleven"])
    #expect(
      Self.diff(Self.numbered(1...20), new) == """
        --- old
        +++ new
        @@ -1,6 +1,6 @@
         line 1
         line 2
        -line 3
        +line three
         line 4
         line 5
         line 6
        @@ -8,7 +8,7 @@
         line 8
         line 9
         line 10
        -line 11
        +line eleven
         line 12
         line 13
         line 14

        """)
  }

  @Test func changesCloseTogetherShareAHunk() {
    // Exactly six unchanged lines (4 to 9) between the changes: the two contexts meet, so diff
    // prints one hunk rather than two that touch.
    let new = Self.numbered(1...20, replacing: [3: "line three", 10: "line ten"])
    #expect(
      Self.diff(Self.numbered(1...20), new) == """
        --- old
        +++ new
        @@ -1,13 +1,13 @@
         line 1
         line 2
        -line 3
        +line three
         line 4
         line 5
         line 6
         line 7
         line 8
         line 9
        -line 10
        +line ten
         line 11
         line 12
         line 13

        """)
  }

  @Test func contextAroundEachChangeIsConfigurable() {
    let new = Self.numbered(1...20, replacing: [3: "line three", 10: "line ten"])
    #expect(
      Self.diff(Self.numbered(1...20), new, context: 1) == """
        --- old
        +++ new
        @@ -2,3 +2,3 @@
         line 2
        -line 3
        +line three
         line 4
        @@ -9,3 +9,3 @@
         line 9
        -line 10
        +line ten
         line 11

        """)
  }

  @Test func missingFileIsAllAdded() {
    #expect(
      Self.diff("", "a\nb\n") == """
        --- old
        +++ new
        @@ -0,0 +1,2 @@
        +a
        +b

        """)
    // GNU diff leaves out a count of 1.
    #expect(Self.diff("", "a\n") == "--- old\n+++ new\n@@ -0,0 +1 @@\n+a\n")
  }

  @Test func leftoverFileIsAllRemoved() {
    #expect(
      Self.diff("a\nb\n", "") == """
        --- old
        +++ new
        @@ -1,2 +0,0 @@
        -a
        -b

        """)
  }

  @Test func emptyRangesStartAtTheLineBefore() {
    let inserted = "line 1\nline 2\ninserted\nline 3\nline 4\nline 5\n"
    #expect(
      Self.diff(Self.numbered(1...5), inserted, context: 0)
        == "--- old\n+++ new\n@@ -2,0 +3 @@\n+inserted\n")
    let deleted = "line 1\nline 2\nline 4\nline 5\n"
    #expect(
      Self.diff(Self.numbered(1...5), deleted, context: 0)
        == "--- old\n+++ new\n@@ -3 +2,0 @@\n-line 3\n")
  }

  @Test func missingFinalNewlineOnTheOldSide() {
    // Only the final newline differs, yet the last line is shown as changed, as diff does.
    let old = "line 1\nline 2\nline 3\nline 4\nline 5"
    #expect(
      Self.diff(old, Self.numbered(1...5)) == """
        --- old
        +++ new
        @@ -2,4 +2,4 @@
         line 2
         line 3
         line 4
        -line 5
        \\ No newline at end of file
        +line 5

        """)
  }

  @Test func missingFinalNewlineOnTheNewSide() {
    #expect(
      Self.diff(Self.numbered(1...5), "line 1\nline 2\nline 3") == """
        --- old
        +++ new
        @@ -1,5 +1,3 @@
         line 1
         line 2
        -line 3
        -line 4
        -line 5
        +line 3
        \\ No newline at end of file

        """)
  }

  @Test func aFinalNewlineEndsTheLastLineRatherThanStartingOne() {
    #expect(UnifiedDiff.lines(of: "").isEmpty)
    #expect(
      UnifiedDiff.lines(of: "a\n") == [UnifiedDiff.Line(text: "a", endsWithNewline: true)])
    #expect(UnifiedDiff.lines(of: "\n") == [UnifiedDiff.Line(text: "", endsWithNewline: true)])
    #expect(
      UnifiedDiff.lines(of: "a\nb")
        == [
          UnifiedDiff.Line(text: "a", endsWithNewline: true),
          UnifiedDiff.Line(text: "b", endsWithNewline: false),
        ])
  }
}
