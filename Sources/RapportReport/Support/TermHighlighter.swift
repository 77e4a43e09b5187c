/// Finds the words that counted in an evidence sentence, so every format can mark them.
///
/// Terms are matched case-insensitively and only at word boundaries (`no` does not light up
/// inside `know`); overlapping matches, and matches with only spaces between them, merge into
/// one span so that `no liability` reads as one marked phrase.
enum TermHighlighter {
    /// A stretch of the sentence, marked when it is one of the counted terms.
    struct Piece: Hashable {
        var text: String
        var marked: Bool
    }

    static func pieces(_ sentence: String, terms: [String]) -> [Piece] {
        let characters = Array(sentence)
        let folded = characters.map { String($0).lowercasedFast() }
        var marked = [Bool](repeating: false, count: characters.count)
        for term in Set(terms.map { MailText.line($0) }) where !term.isEmpty {
            let needle = Array(term).map { String($0).lowercasedFast() }
            guard needle.count <= folded.count else { continue }
            for start in 0...(folded.count - needle.count) {
                guard folded[start] == needle[0], Array(folded[start..<(start + needle.count)]) == needle else { continue }
                let end = start + needle.count
                let boundaryBefore = start == 0 || !isWordCharacter(characters[start - 1])
                let boundaryAfter = end == characters.count || !isWordCharacter(characters[end])
                if boundaryBefore && boundaryAfter {
                    for index in start..<end { marked[index] = true }
                }
            }
        }
        var index = 1
        while index < characters.count {
            guard marked[index - 1], !marked[index], characters[index].isWhitespace else {
                index += 1
                continue
            }
            var end = index
            while end < characters.count, characters[end].isWhitespace, !marked[end] { end += 1 }
            if end < characters.count, marked[end] {
                for gap in index..<end { marked[gap] = true }
            }
            index = end
        }
        var pieces: [Piece] = []
        for (character, isMarked) in zip(characters, marked) {
            if let last = pieces.last, last.marked == isMarked {
                pieces[pieces.count - 1].text.append(character)
            } else {
                pieces.append(Piece(text: String(character), marked: isMarked))
            }
        }
        return pieces
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }
}
