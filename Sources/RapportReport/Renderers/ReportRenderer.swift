import Foundation
import RapportModel

/// What a renderer needs besides the report: everything that would otherwise make output depend
/// on the machine or the moment it ran, so that tests and repeated runs get the same bytes.
public struct RenderContext: Hashable, Sendable {
    /// When the report was produced; written only by the formats that record provenance (JSON, HTML).
    public var generatedAt: Date
    /// The tool's version, e.g. `0.1.0`.
    public var version: String
    /// ANSI colours in the text format; the other formats ignore it.
    public var color: Bool
    /// Threads the JSON format may write with; the text is the same for any number.
    public var parallelism: Int

    public init(generatedAt: Date, version: String, color: Bool = false, parallelism: Int = 1) {
        self.generatedAt = generatedAt
        self.version = version
        self.color = color
        self.parallelism = parallelism
    }
}

/// Turns a health report into one output format. Renderers are pure: the same report and context
/// always give the same text, with threads and accounts in the order the report holds them.
public protocol ReportRenderer: Sendable {
    /// The `--format` name, e.g. `text` or `html`.
    static var identifier: String { get }
    func render(_ report: HealthReport, context: RenderContext) -> String
    /// `render`'s text handed to `sink` in pieces, so that a large report can be written as it
    /// is rendered rather than held whole.
    func render(_ report: HealthReport, context: RenderContext, into sink: ([UInt8]) throws -> Void) throws
}

extension ReportRenderer {
    public func render(_ report: HealthReport, context: RenderContext, into sink: ([UInt8]) throws -> Void) throws {
        try sink(Array(render(report, context: context).utf8))
    }
}

/// The output formats of `rapport analyze`, chosen by identifier.
public enum ReportFormat: String, Hashable, Sendable, CaseIterable {
    case text, json, ndjson, csv, markdown, html

    public var renderer: any ReportRenderer {
        switch self {
        case .text: TextRenderer()
        case .json: JSONRenderer()
        case .ndjson: NDJSONRenderer()
        case .csv: CSVRenderer()
        case .markdown: MarkdownRenderer()
        case .html: HTMLRenderer()
        }
    }

    /// The usual file name extension, for tests and for saving reports.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .json: "json"
        case .ndjson: "ndjson"
        case .csv: "csv"
        case .markdown: "md"
        case .html: "html"
        }
    }
}
