/// A reply-cue pattern: literal text in which `*` stands for any run of characters, none included.
/// The whole prepared text must match, so a prefix cue ends with `*`.
///
/// Not a regular expression: the literal pieces are found left to right and never revisited, so a
/// check costs at most the text length times the pattern length, whatever the input holds.
struct CuePattern: Hashable, Sendable {
    /// The pattern as written in the cue file.
    let source: String
    /// The literal pieces between the `*`s, prepared like the text they are compared with.
    private let pieces: [[Unicode.Scalar]]

    /// Prepares `source`; it must already be valid (checked by `ReplyCues`).
    init(_ source: String) {
        self.source = source
        pieces = source.split(separator: "*", omittingEmptySubsequences: false).map { piece in
            // Spaces next to a `*` are significant ("on *wrote:"), so only fold, never trim.
            var scalars: [Unicode.Scalar] = []
            let folded = CueText.folded(String(piece))
            var pendingSpace = false
            for scalar in folded.unicodeScalars {
                if CueText.isSpace(scalar) {
                    pendingSpace = true
                } else {
                    if pendingSpace { scalars.append(" ") }
                    pendingSpace = false
                    scalars.append(scalar)
                }
            }
            if pendingSpace { scalars.append(" ") }
            return scalars
        }
    }

    /// True when the pattern starts with literal text, so a match says where the cue begins.
    var isAnchored: Bool { !pieces[0].isEmpty }

    /// The literal text every match starts with (empty when the pattern starts with `*`).
    var leadingText: [Unicode.Scalar] { pieces[0] }

    /// The whole pattern when it has no `*`, so it can be looked up instead of matched.
    var literal: [Unicode.Scalar]? { pieces.count == 1 ? pieces[0] : nil }

    func matches(_ text: CueText) -> Bool {
        let text = text.scalars
        guard pieces.count > 1 else { return text == pieces[0] }
        let first = pieces[0]
        let last = pieces[pieces.count - 1]
        guard text.count >= first.count + last.count, text.starts(with: first),
              text[(text.count - last.count)...].elementsEqual(last) else { return false }
        var position = first.count
        let limit = text.count - last.count
        for piece in pieces[1..<(pieces.count - 1)] {
            guard let found = Self.firstIndex(of: piece, in: text, from: position, before: limit) else { return false }
            position = found + piece.count
        }
        return true
    }

    /// Leftmost occurrence of `piece` inside `text[start..<end]`. Taking the leftmost one is what
    /// makes matching without backtracking correct when the only wildcard is `*`.
    private static func firstIndex(
        of piece: [Unicode.Scalar], in text: [Unicode.Scalar], from start: Int, before end: Int
    ) -> Int? {
        var index = start
        while index + piece.count <= end {
            var matched = 0
            while matched < piece.count, text[index + matched] == piece[matched] { matched += 1 }
            if matched == piece.count { return index }
            index += 1
        }
        return nil
    }
}
