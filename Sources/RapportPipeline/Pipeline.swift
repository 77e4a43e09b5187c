import RapportIngest
import RapportModel

/// The stages of Rapport wired together: the one place that knows the whole order
/// ingest → language → health → report, shared by `analyze` and `scan`.
public enum Pipeline {
    /// Reads the inputs into documents and diagnostics, in input order.
    public static func read(_ inputs: [String]) throws -> (documents: [Document], diagnostics: [Diagnostic], summary: IngestSummary) {
        var documents: [Document] = []
        var diagnostics: [Diagnostic] = []
        let summary = try Ingestor().read(inputs) { event in
            switch event {
            case .document(let document): documents.append(document)
            case .diagnostic(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        return (documents, diagnostics, summary)
    }
}
