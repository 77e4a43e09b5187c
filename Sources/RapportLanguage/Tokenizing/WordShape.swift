/// What the letters of a word say about its case and stretching, counted while it is scanned.
struct WordShape {
    var letters = 0
    var lowers = 0
    /// The first cased letter is upper-case (`Hello`, `Þórður`).
    var firstLetterUpper = false
    /// A letter is repeated three or more times in a row (`sooo`).
    var elongated = false
    private var sawCasedLetter = false
    private var previousByte: UInt8 = 0
    private var run = 0

    /// `readASCII` as a call of its own, for the general word scanner: out of that large
    /// function, with its state in locals, the loop runs in registers.
    @inline(never)
    mutating func scanASCII(
        _ bytes: UnsafePointer<UInt8>, from start: Int, limit: Int, into output: UnsafeMutablePointer<UInt8>,
        hash: inout UInt64
    ) -> Int {
        readASCII(bytes, from: start, limit: limit, into: output, hash: &hash)
    }

    /// The token flags the shape implies, for a word of `byteCount` bytes.
    func flags(byteCount: Int) -> RawToken.Flags {
        var flags: RawToken.Flags = []
        if elongated { flags.insert(.elongated) }
        if letters >= 2 && lowers == 0 { flags.insert(.allCaps) }
        if firstLetterUpper { flags.insert(.capitalized) }
        if letters > 0 { flags.insert(.hasLetters) }
        if letters == 1 && byteCount == 1 { flags.insert(.singleLetter) }
        return flags
    }

    /// Reads the ASCII letters and digits and the Latin-1 letters (`Latin1Letter`: every
    /// Icelandic letter) from `start` on (to `limit`), writing them lower-cased to `output` and
    /// adding them to the FNV-1a `hash`, and returns where they end. Most of a word's bytes pass
    /// through here; a Latin-1 letter is taken here as the scalar path (`continueWord`) would
    /// take it, without leaving the loop.
    @inline(__always)
    mutating func readASCII(
        _ bytes: UnsafePointer<UInt8>, from start: Int, limit: Int, into output: UnsafeMutablePointer<UInt8>,
        hash: inout UInt64
    ) -> Int {
        var runningHash = hash
        var previousByte = self.previousByte
        var run = self.run
        var elongated = self.elongated
        var uppers = 0
        var digits = 0
        /// Latin-1 letters: two bytes each.
        var pairs = 0
        var index = start
        while index < limit {
            let byte = bytes[index]
            var written = byte
            if byte &- UInt8(ascii: "a") < 26 {
                // The common case: a lower-case letter, written as it is.
            } else if byte &- UInt8(ascii: "A") < 26 {
                written = byte | 0x20
                uppers &+= 1
            } else if byte &- UInt8(ascii: "0") < 10 {
                digits &+= 1
            } else if byte == Latin1Letter.lead, index &+ 1 < limit, Latin1Letter.isLetter(bytes[index &+ 1]) {
                let second = bytes[index &+ 1]
                let upper = Latin1Letter.isUpper(second)
                let lowered = upper ? second &+ 0x20 : second
                if upper { uppers &+= 1 }
                output[index &- start] = Latin1Letter.lead
                output[index &- start &+ 1] = lowered
                runningHash = FNV1a.combine(FNV1a.combine(runningHash, Latin1Letter.lead), lowered)
                // As `breakRun`: repeated letters are counted in ASCII only.
                previousByte = 0
                pairs &+= 1
                index &+= 2
                continue
            } else {
                break
            }
            if written == previousByte {
                run &+= 1
                if run >= 3 && written > UInt8(ascii: "9") { elongated = true }
            } else {
                run = 1
                previousByte = written
            }
            output[index &- start] = written
            runningHash = FNV1a.combine(runningHash, written)
            index &+= 1
        }
        let newLetters = index - start - digits - pairs
        if newLetters > 0 && !sawCasedLetter {
            var first = start
            while bytes[first] &- UInt8(ascii: "0") < 10 { first += 1 }
            sawCasedLetter = true
            firstLetterUpper = bytes[first] &- UInt8(ascii: "A") < 26
                || (bytes[first] == Latin1Letter.lead && Latin1Letter.isUpper(bytes[first + 1]))
        }
        letters += newLetters
        lowers += newLetters - uppers
        self.previousByte = previousByte
        self.run = run
        self.elongated = elongated
        hash = runningHash
        return index
    }

    @inline(__always)
    mutating func addLetter(upper: Bool) {
        letters += 1
        if !upper { lowers += 1 }
        if !sawCasedLetter {
            sawCasedLetter = true
            firstLetterUpper = upper
        }
    }

    /// A letter without case, a combining mark or a non-ASCII digit: counted as a letter.
    mutating func addCaseless() { letters += 1 }

    /// A non-ASCII character: repeats are counted in ASCII only.
    mutating func breakRun() { previousByte = 0 }
}

/// The letters U+00C0–U+00FF (all but × and ÷), written C3 80–BF in UTF-8: Icelandic's á ð é í
/// ó ú ý þ æ ö and their capitals among them. Their case is a bit: the capitals (C3 80–9E) are
/// lower-cased by adding 0x20 to the second byte.
enum Latin1Letter {
    static let lead: UInt8 = 0xC3

    /// Whether `second`, after the lead byte, makes a letter.
    @inline(__always)
    static func isLetter(_ second: UInt8) -> Bool {
        second & 0xC0 == 0x80 && second != 0x97 && second != 0xB7
    }

    /// Whether the letter is a capital (ß, C3 9F, is not).
    @inline(__always)
    static func isUpper(_ second: UInt8) -> Bool { second < 0x9F }
}
