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

    /// Reads the ASCII letters and digits from `start` on (to `limit`), writing them lower-cased
    /// to `output` and adding them to the FNV-1a `hash`, and returns where they end. Most of a
    /// word's bytes pass through here.
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
        let newLetters = index - start - digits
        if newLetters > 0 && !sawCasedLetter {
            var first = start
            while bytes[first] &- UInt8(ascii: "0") < 10 { first += 1 }
            sawCasedLetter = true
            firstLetterUpper = bytes[first] &- UInt8(ascii: "A") < 26
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
