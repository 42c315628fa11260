/// A unified diff between two texts, the format `diff -u` and `git diff` print.
///
/// The output follows GNU diff byte for byte apart from the timestamps it puts on the header
/// lines: a count of 1 is left out of a hunk header (`@@ -3 +3 @@`), a count of 0 comes with the
/// line before the hunk as its start (`@@ -0,0 +1,2 @@`), changes at most `2 * context` unchanged
/// lines apart share one hunk, and a last line without a newline is followed by
/// `\ No newline at end of file`.
public enum UnifiedDiff {
  /// The diff of `old` (the file as it is on disk, shown as `--- oldLabel`) against `new` (what it
  /// should be, `+++ newLabel`), with `context` unchanged lines around each change; "" when the
  /// texts are equal.
  public static func render(
    old: String, new: String, oldLabel: String, newLabel: String, context: Int = 3
  ) -> String {
    let edits = editScript(from: lines(of: old), to: lines(of: new))
    let hunks = hunkRanges(of: edits, context: max(context, 0))
    guard !hunks.isEmpty else { return "" }
    var output = "--- \(oldLabel)\n+++ \(newLabel)\n"
    for hunk in hunks {
      output += render(hunk: edits[hunk])
    }
    return output
  }

  /// One line of a text. The newline is part of the line so that `"b"` at the end of one text and
  /// `"b\n"` in the other differ, as they do for diff.
  struct Line: Hashable {
    var text: Substring
    var endsWithNewline: Bool
  }

  /// One line of the edit script that turns the old lines into the new ones.
  struct Edit {
    enum Kind {
      case unchanged, removed, added
    }

    var kind: Kind
    var line: Line
    /// How many old and new lines come before this one; hunk headers are computed from them.
    var oldOffset: Int
    var newOffset: Int
  }

  /// The lines of `text`. A final "\n" ends the last line rather than starting an empty one, and
  /// the empty text has no lines at all (a missing file diffs as all-added).
  static func lines(of text: String) -> [Line] {
    var pieces = text.split(separator: "\n", omittingEmptySubsequences: false)
    // Splitting "a\n" gives ["a", ""], and "" gives [""]: the last piece is only a line if it is
    // not empty, and then it is the one line without a newline.
    let lastPiece = pieces.popLast() ?? ""
    var lines = pieces.map { Line(text: $0, endsWithNewline: true) }
    if !lastPiece.isEmpty {
      lines.append(Line(text: lastPiece, endsWithNewline: false))
    }
    return lines
  }

  /// Every old and new line in order, each marked unchanged, removed or added. Within a change
  /// the removed lines come before the added ones, as diff prints them.
  static func editScript(from old: [Line], to new: [Line]) -> [Edit] {
    let difference = new.difference(from: old)
    var removed = Set<Int>()
    var added = Set<Int>()
    for change in difference {
      switch change {
      case .remove(let offset, _, _): removed.insert(offset)
      case .insert(let offset, _, _): added.insert(offset)
      }
    }

    var edits: [Edit] = []
    edits.reserveCapacity(old.count + added.count)
    var oldIndex = 0
    var newIndex = 0
    // Taking a pending removal before a pending addition is what puts "-" lines before "+" lines.
    while oldIndex < old.count || newIndex < new.count {
      if oldIndex < old.count, removed.contains(oldIndex) {
        edits.append(
          Edit(kind: .removed, line: old[oldIndex], oldOffset: oldIndex, newOffset: newIndex))
        oldIndex += 1
      } else if newIndex < new.count, added.contains(newIndex) {
        edits.append(
          Edit(kind: .added, line: new[newIndex], oldOffset: oldIndex, newOffset: newIndex))
        newIndex += 1
      } else if oldIndex < old.count, newIndex < new.count {
        edits.append(
          Edit(kind: .unchanged, line: old[oldIndex], oldOffset: oldIndex, newOffset: newIndex))
        oldIndex += 1
        newIndex += 1
      } else {
        // A difference always accounts for every line left over on one side, so this is never
        // reached; stopping keeps a bad difference from looping forever.
        break
      }
    }
    return edits
  }

  /// The ranges of `edits` that make up the hunks: each change with up to `context` unchanged
  /// lines either side, and changes whose context would touch or overlap merged into one hunk.
  static func hunkRanges(of edits: [Edit], context: Int) -> [Range<Int>] {
    var hunks: [Range<Int>] = []
    var current: Range<Int>?
    for index in edits.indices where edits[index].kind != .unchanged {
      let start = max(index - context, 0)
      let end = min(index + context + 1, edits.count)
      if let open = current, start <= open.upperBound {
        current = open.lowerBound..<end
      } else {
        if let open = current { hunks.append(open) }
        current = start..<end
      }
    }
    if let open = current { hunks.append(open) }
    return hunks
  }

  /// One hunk: its `@@` header, then its lines.
  static func render(hunk: ArraySlice<Edit>) -> String {
    guard let first = hunk.first else { return "" }
    let oldCount = hunk.count(where: { $0.kind != .added })
    let newCount = hunk.count(where: { $0.kind != .removed })
    var output =
      "@@ -\(range(offset: first.oldOffset, count: oldCount))"
      + " +\(range(offset: first.newOffset, count: newCount)) @@\n"
    for edit in hunk {
      switch edit.kind {
      case .unchanged: output += " "
      case .removed: output += "-"
      case .added: output += "+"
      }
      output += edit.line.text + "\n"
      if !edit.line.endsWithNewline {
        output += "\\ No newline at end of file\n"
      }
    }
    return output
  }

  /// A hunk header's `start,count` for a hunk after `offset` lines. Starts are 1-based, but an
  /// empty range names the line before it (0 at the top of the file), and a count of 1 is left
  /// out, both as GNU diff does.
  static func range(offset: Int, count: Int) -> String {
    switch count {
    case 0: "\(offset),0"
    case 1: "\(offset + 1)"
    default: "\(offset + 1),\(count)"
    }
  }
}
