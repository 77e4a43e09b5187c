import Foundation
import RapportIngest
import RapportModel

/// Writes diagnostics and the run summary to standard error, the one place user-facing problem
/// text is produced.
struct DiagnosticPrinter {
    var verbose: Bool
    var quiet: Bool

    func print(_ diagnostic: Diagnostic) {
        guard !quiet, verbose || diagnostic.severity != .note else { return }
        StandardError.write("rapport: \(diagnostic)\n")
    }

    func printSummary(_ summary: IngestSummary) {
        guard !quiet else { return }
        var line = "rapport: read \(summary.files) input\(summary.files == 1 ? "" : "s"), "
        line += "\(summary.messages) message\(summary.messages == 1 ? "" : "s"); analysed \(summary.analysed)"
        if summary.documents != summary.analysed { line += " (\(summary.documents) documents with forwarded ones)" }
        line += "; skipped \(summary.skippedTotal)"
        if !summary.skipped.isEmpty {
            let reasons = summary.skipped.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            line += " (" + reasons.joined(separator: ", ") + ")"
        }
        if !summary.ignoredFiles.isEmpty {
            line += "; ignored \(summary.ignoredFiles.values.reduce(0, +)) non-mail input\(summary.ignoredFiles.values.reduce(0, +) == 1 ? "" : "s")"
        }
        if summary.unreadable > 0 { line += "; \(summary.unreadable) unreadable" }
        line += "; \(summary.warnings) warning\(summary.warnings == 1 ? "" : "s")"
        StandardError.write(line + "\n")
    }
}

enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Buffered standard output: one write per 64 KB instead of one per line.
struct StandardOutput {
    private var buffer: [UInt8] = []

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func write(_ bytes: [UInt8]) {
        buffer += bytes
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
