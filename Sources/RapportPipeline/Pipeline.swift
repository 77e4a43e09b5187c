import RapportIngest
import RapportModel

/// The stages of Rapport wired together: the one place that knows the whole order
/// ingest → language → health → report, shared by `analyze` and `scan`.
public enum Pipeline {
    /// Reads the inputs into documents and diagnostics, in input order.
    /// `parallelism` threads parse mbox messages; the result is the same for any number.
    public static func read(_ inputs: [String], parallelism: Int = 1)
        throws -> (documents: [Document], diagnostics: [Diagnostic], summary: IngestSummary)
    {
        var documents: [Document] = []
        let (diagnostics, summary) = try read(inputs, parallelism: parallelism) { documents.append($0) }
        return (documents, diagnostics, summary)
    }

    /// `read`, handing each document to `document` as it is read rather than keeping them.
    public static func read(_ inputs: [String], parallelism: Int = 1, document: (Document) -> Void)
        throws -> (diagnostics: [Diagnostic], summary: IngestSummary)
    {
        try read(inputs, parallelism: parallelism, prepare: nil) { read, _ in document(read) }
    }

    /// `read`, running `prepare` on each mbox message's documents on the thread that parsed it
    /// (with `parallelism` above 1); `document` gets each document with what `prepare` gave, or
    /// nil where it did not run.
    static func read(
        _ inputs: [String], parallelism: Int, prepare: DocumentPreparation?,
        document: (Document, (any Sendable)?) -> Void
    ) throws -> (diagnostics: [Diagnostic], summary: IngestSummary) {
        var diagnostics: [Diagnostic] = []
        var options = IngestOptions()
        options.parallelism = max(1, parallelism)
        options.prepare = prepare
        let summary = try Ingestor(options: options).read(inputs, emit: { event in
            switch event {
            case .document(let read): document(read, nil)
            case .diagnostic(let diagnostic): diagnostics.append(diagnostic)
            }
        }, prepared: { read, prepared in document(read, prepared) })
        return (diagnostics, summary)
    }
}
