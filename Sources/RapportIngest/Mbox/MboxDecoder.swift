import Foundation

/// One message cut out of an mbox stream.
struct MboxMessage: Sendable, Equatable {
    /// 1-based position of the message in the file.
    var index: Int
    /// Byte offset of the message's `From ` separator line in the file.
    var offset: Int
    /// The separator line without `From ` and without its line ending (sender and date).
    var envelope: String
    /// The message as RFC 5322 text: `>From ` lines unquoted (mboxrd), CRLF turned into LF.
    var bytes: [UInt8]
}

/// What the decoder hands out, one at a time.
enum MboxEvent: Sendable, Equatable {
    case message(MboxMessage)
    /// A message longer than `maximumMessageSize`; its bytes were skipped, not buffered.
    case oversized(index: Int, offset: Int, size: Int)
    /// Bytes before the first separator line, which belong to no message.
    case leadingGarbage(offset: Int, size: Int)
}

/// A streaming mbox splitter in the style of a NIO single-step decoder: feed bytes with `append`,
/// take events with `next()` until it returns nil (it needs more bytes), and call `finish()` at the
/// end of input until it returns nil.
///
/// Separator lines are lines that start with `From ` after an empty line (or anywhere before the
/// first message), and carry something date-like (a digit) after the sender, as mbox writers emit.
/// Writers that rely on `Content-Length` omit the empty line: there a separator-like line counts
/// only when a header line follows it.
/// Line endings accepted: LF and CRLF (mixed in one file too); a lone CR is kept as data.
/// Quoting: `>From `, `>>From `, … lose one `>` (mboxrd); for mboxo files this only differs on
/// body lines that already began with `>From `.
///
/// Memory is bounded by `maximumMessageSize` plus one read chunk: a longer message is skipped
/// (reported as `.oversized`) and a line without an end is consumed in pieces.
struct MboxDecoder {
    let maximumMessageSize: Int
    /// Lines longer than this cannot be separator lines and are passed on in pieces.
    static let maximumSeparatorLength = 1024
    /// A line longer than this without a line ending is consumed in pieces of about this size.
    static let pieceSize = 64 << 10

    private var pending: [UInt8] = []
    private var position = 0
    /// File offset of `pending[0]`.
    private var pendingOffset = 0
    private var atLineStart = true
    private var previousLineBlank = true
    private var current: [UInt8] = []
    private var currentSize = 0
    private var currentOffset = 0
    private var currentEnvelope: String?
    private var skippingCurrent = false
    private var messageCount = 0
    private var garbageStart: Int?
    private var garbageSize = 0
    private var garbageHasContent = false
    private var ready: [MboxEvent] = []
    /// A separator-like line not preceded by an empty line, waiting for the next line to decide.
    private var deferredSeparator: DeferredSeparator?

    private struct DeferredSeparator {
        var line: [UInt8]
        var offset: Int
        var envelope: String
    }
    private var readyIndex = 0
    /// Plain lines of the current message not yet copied into it: `pending[runStart..<runEnd]`.
    /// Most lines of a message are plain (not `From `, not `>From `, LF-ended), and they are
    /// copied a run at a time, not line by line.
    private var runStart = 0
    private var runEnd = 0
    /// False to hand every line to the general path (tests compare the two).
    var copiesPlainLinesInRuns = true

    init(maximumMessageSize: Int = 64 << 20) {
        self.maximumMessageSize = maximumMessageSize
    }

    /// Adds bytes read from the input.
    mutating func append<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        flushRun()
        if position > 0, position >= pending.count / 2 {
            pendingOffset += position
            pending.removeFirst(position)
            position = 0
        }
        pending.append(contentsOf: bytes)
    }

    /// The next event, or nil when more bytes are needed.
    mutating func next() -> MboxEvent? {
        while true {
            if let event = takeReady() { return event }
            guard processLine(final: false) else { return nil }
        }
    }

    /// Call at end of input, repeatedly, until it returns nil.
    mutating func finish() -> MboxEvent? {
        while true {
            if let event = takeReady() { return event }
            if position < pending.count {
                _ = processLine(final: true)
                continue
            }
            if let deferred = deferredSeparator {
                deferredSeparator = nil
                appendToCurrent(deferred.line[...], size: deferred.line.count, newline: true)
                continue
            }
            if currentEnvelope != nil || skippingCurrent {
                emitCurrent()
                continue
            }
            flushGarbage()
            if let event = takeReady() { return event }
            return nil
        }
    }

    private mutating func takeReady() -> MboxEvent? {
        guard readyIndex < ready.count else {
            if !ready.isEmpty { ready.removeAll(keepingCapacity: true); readyIndex = 0 }
            return nil
        }
        defer { readyIndex += 1 }
        return ready[readyIndex]
    }

    /// Consumes one line (or one piece of an over-long line). Returns false when it needs more bytes.
    private mutating func processLine(final: Bool) -> Bool {
        let available = pending.count - position
        guard available > 0 else { return false }
        let newline: Int? = pending.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            guard let found = memchr(base + position, 0x0A, available) else { return nil }
            return UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
        }
        var lineEnd: Int
        let complete: Bool
        if let newline {
            lineEnd = newline + 1
            complete = true
        } else if final {
            lineEnd = pending.count
            complete = true
        } else if available > Self.pieceSize {
            // An over-long line is passed on in pieces; a CR at the cut waits for its LF.
            lineEnd = pending.count
            if pending[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            complete = false
        } else {
            return false
        }
        let start = position
        let lineOffset = pendingOffset + start
        position = lineEnd
        handleLine(start: start, end: lineEnd, offset: lineOffset, complete: complete, hasNewline: newline != nil)
        return true
    }

    private mutating func handleLine(start: Int, end: Int, offset: Int, complete: Bool, hasNewline: Bool) {
        // A plain line of a message: it joins the run of lines to copy. What the rest of this
        // function would do with it, but the copy.
        if copiesPlainLinesInRuns, hasNewline, atLineStart, deferredSeparator == nil, currentEnvelope != nil, !skippingCurrent,
            pending[start] != 0x46, pending[start] != 0x3E, end - start < 2 || pending[end - 2] != 0x0D,
            currentSize + (end - start) <= maximumMessageSize
        {
            currentSize += end - start
            previousLineBlank = end - start == 1
            if runEnd != start {
                flushRun()
                runStart = start
            }
            runEnd = end
            return
        }
        let lineStarted = atLineStart
        atLineStart = complete
        if let deferred = deferredSeparator {
            deferredSeparator = nil
            if lineStarted, isHeaderLine(start: start, end: end) {
                startMessage(envelope: deferred.envelope, offset: deferred.offset)
            } else {
                appendToCurrent(deferred.line[...], size: deferred.line.count, newline: true)
                previousLineBlank = false
            }
        }
        let inMessage = currentEnvelope != nil || skippingCurrent
        if lineStarted, complete, isSeparator(start: start, end: end) {
            if previousLineBlank || !inMessage {
                startMessage(envelope: envelopeText(start: start, end: end), offset: offset)
                return
            }
            // Writers that rely on Content-Length put no empty line before the separator; such a
            // line counts as a separator only when a header line follows it.
            if hasNewline {
                var contentEnd = end - 1
                if contentEnd > start, pending[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                deferredSeparator = DeferredSeparator(
                    line: Array(pending[start..<contentEnd]), offset: offset, envelope: envelopeText(start: start, end: end))
                return
            }
        }
        var contentEnd = end
        if complete, contentEnd > start, pending[contentEnd - 1] == 0x0A {
            contentEnd -= 1
            if contentEnd > start, pending[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        }
        if lineStarted { previousLineBlank = contentEnd == start }
        else if complete { previousLineBlank = false }

        guard currentEnvelope != nil || skippingCurrent else {
            if garbageStart == nil { garbageStart = offset }
            garbageSize += end - start
            if contentEnd > start { garbageHasContent = true }
            return
        }
        var contentStart = start
        if lineStarted, isQuotedFrom(start: start, end: contentEnd) { contentStart += 1 }
        appendToCurrent(pending[contentStart..<contentEnd], size: end - start, newline: hasNewline)
    }

    /// Adds a line's content to the current message, or counts it when the message is being skipped.
    private mutating func appendToCurrent(_ content: ArraySlice<UInt8>, size: Int, newline: Bool) {
        flushRun()
        currentSize += size
        if skippingCurrent { return }
        if currentSize > maximumMessageSize {
            skippingCurrent = true
            current = []
            return
        }
        current.append(contentsOf: content)
        if newline { current.append(0x0A) }
    }

    /// Copies the run of plain lines into the current message.
    private mutating func flushRun() {
        if runStart < runEnd { current.append(contentsOf: pending[runStart..<runEnd]) }
        runStart = 0
        runEnd = 0
    }

    private mutating func startMessage(envelope: String, offset: Int) {
        flushRun()
        if currentEnvelope != nil || skippingCurrent { emitCurrent() }
        flushGarbage()
        messageCount += 1
        currentOffset = offset
        currentEnvelope = envelope
        current.removeAll(keepingCapacity: true)
        currentSize = 0
        skippingCurrent = false
        previousLineBlank = false
    }

    /// `Name:` with a field name of printable ASCII: what follows a separator line.
    private func isHeaderLine(start: Int, end: Int) -> Bool {
        var index = start
        while index < end, pending[index] > 0x20, pending[index] < 0x7F, pending[index] != 0x3A { index += 1 }
        return index > start && index < end && pending[index] == 0x3A
    }

    private mutating func emitCurrent() {
        flushRun()
        if skippingCurrent {
            ready.append(.oversized(index: messageCount, offset: currentOffset, size: currentSize))
        } else {
            // The empty line before the next separator belongs to the mbox format, not the message.
            if current.count >= 2, current[current.count - 1] == 0x0A, current[current.count - 2] == 0x0A {
                current.removeLast()
            }
            ready.append(.message(MboxMessage(index: messageCount, offset: currentOffset,
                                              envelope: currentEnvelope ?? "", bytes: current)))
        }
        current = []
        currentEnvelope = nil
        skippingCurrent = false
        currentSize = 0
    }

    private mutating func flushGarbage() {
        guard let start = garbageStart else { return }
        // Blank lines before the first separator are not worth a diagnostic.
        if garbageHasContent { ready.append(.leadingGarbage(offset: start, size: garbageSize)) }
        garbageStart = nil
        garbageSize = 0
        garbageHasContent = false
    }

    /// `From ` + a sender token + something containing a digit (the date), within a sane length.
    /// Some exporters omit the date; a sender with an `@`, or Thunderbird's `-`, is enough then.
    private func isSeparator(start: Int, end: Int) -> Bool {
        guard end - start >= 7, end - start <= Self.maximumSeparatorLength else { return false }
        guard pending[start] == 0x46, pending[start + 1] == 0x72, pending[start + 2] == 0x6F,
              pending[start + 3] == 0x6D, pending[start + 4] == 0x20 else { return false }
        var index = start + 5
        while index < end, pending[index] == 0x20 { index += 1 }
        let senderStart = index
        var senderHasAt = false
        while index < end, pending[index] != 0x20, pending[index] != 0x0A, pending[index] != 0x0D {
            if pending[index] == 0x40 { senderHasAt = true }
            index += 1
        }
        guard index > senderStart else { return false }
        if senderHasAt || (index == senderStart + 1 && pending[senderStart] == 0x2D) { return true }
        while index < end {
            if pending[index] >= 0x30, pending[index] <= 0x39 { return true }
            index += 1
        }
        return false
    }

    /// True for `>From `, `>>From `, …: the line loses one `>`.
    private func isQuotedFrom(start: Int, end: Int) -> Bool {
        var index = start
        while index < end, pending[index] == 0x3E { index += 1 }
        guard index > start, end - index >= 5 else { return false }
        return pending[index] == 0x46 && pending[index + 1] == 0x72 && pending[index + 2] == 0x6F
            && pending[index + 3] == 0x6D && pending[index + 4] == 0x20
    }

    private func envelopeText(start: Int, end: Int) -> String {
        var stop = end
        while stop > start + 5, pending[stop - 1] == 0x0A || pending[stop - 1] == 0x0D { stop -= 1 }
        return String(decoding: pending[(start + 5)..<stop], as: UTF8.self)
    }
}
