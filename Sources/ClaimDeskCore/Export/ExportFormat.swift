import Foundation

/// The formats a session can be exported to, by the names `export FORMAT` takes.
public enum ExportFormat: String, CaseIterable, Sendable {
    case w3c, claimreview, brat, csv, markdown, html

    /// What the format is, in words for messages and help.
    public var title: String {
        switch self {
        case .w3c: "W3C Web Annotation collection"
        case .claimreview: "schema.org ClaimReview"
        case .brat: "brat standoff folder"
        case .csv: "CSV"
        case .markdown: "Markdown review"
        case .html: "HTML review report"
        }
    }

    /// Whether the export is a folder of files (brat) rather than one file.
    public var writesFolder: Bool { self == .brat }

    /// The default file name for a session called `name`: `harbor.w3c.jsonld`, or a folder `harbor-brat`.
    public func defaultName(for name: String) -> String {
        switch self {
        case .w3c: name + ".w3c.jsonld"
        case .claimreview: name + ".claimreview.jsonld"
        case .brat: name + "-brat"
        case .csv: name + ".csv"
        case .markdown: name + ".md"
        case .html: name + ".html"
        }
    }

    /// The exporter for this format.
    public var exporter: any SessionExporter { exporter(ExportOptions()) }

    /// The exporter for this format, with the options that apply to it.
    public func exporter(_ options: ExportOptions) -> any SessionExporter {
        switch self {
        case .w3c: W3CExporter()
        case .claimreview: ClaimReviewExporter(includeUnaccepted: options.includeUnaccepted)
        case .brat: BratExporter()
        case .csv: CSVExporter()
        case .markdown: MarkdownExporter()
        case .html: HTMLExporter()
        }
    }

    /// Exports a session in this format; a merged session whose conflicts are not settled is
    /// refused, since every format would publish one analyst's side of each as if it were agreed.
    public func export(_ session: Session, options: ExportOptions = ExportOptions()) throws(ExportError) -> ExportResult {
        guard session.conflicts.isEmpty else { throw .openConflicts(session.conflicts.count) }
        return try exporter(options).export(session)
    }

    /// The names, for messages: `w3c, claimreview, brat, csv, markdown, html`.
    public static var names: [String] { allCases.map(\.rawValue) }
}

/// Choices an export may take: `--all` publishes ClaimReviews of claims not yet accepted.
public struct ExportOptions: Equatable, Sendable {
    public var includeUnaccepted: Bool

    public init(includeUnaccepted: Bool = false) {
        self.includeUnaccepted = includeUnaccepted
    }
}

/// Turns a session into another tool's format. Pure: no files, no clock.
public protocol SessionExporter: Sendable {
    func export(_ session: Session) throws(ExportError) -> ExportResult
}

/// One file of an export, named relative to the export's folder.
public struct ExportedFile: Equatable, Sendable {
    public var name: String
    public var data: Data

    public var text: String { String(decoding: data, as: UTF8.self) }
}

/// What an exporter made: one file or a folder of files, how many annotations went in, and what was left out.
public struct ExportResult: Equatable, Sendable {
    public enum Payload: Equatable, Sendable {
        case file(Data)
        case folder([ExportedFile])
    }

    public var payload: Payload
    /// Annotations written (claims, mentions, stances, relations, and sources or propositions where the format lists them).
    public var count: Int
    /// What could not be expressed in the format, one line each (`c4 left out: its text is orphaned`).
    public var warnings: [String]

    /// The single file's bytes (nil for a folder).
    public var data: Data? {
        if case .file(let data) = payload { return data }
        return nil
    }

    /// The folder's files (empty for a single file).
    public var files: [ExportedFile] {
        if case .folder(let files) = payload { return files }
        return []
    }
}

/// Why a session could not be exported: one line that says what to do.
public enum ExportError: Error, Equatable, Sendable {
    case noArticles
    case noReviewedClaims(defaultVerdict: String)
    case noAcceptedClaims(withVerdict: Int)
    case noOrganization
    case badBaseURL(String)
    case badOrganizationURL(String)
    case openConflicts(Int)

    public var message: String {
        switch self {
        case .noArticles:
            "the session has no articles, so there is nothing to export; load one with load PATH"
        case .noReviewedClaims(let verdict):
            "no claim has a verdict other than \(verdict), so there is no ClaimReview to write; set one with set ID verdict V"
        case .noAcceptedClaims(let count):
            "none of the \(count == 1 ? "claim" : "\(count) claims") with a verdict is accepted, and ClaimReview publishes accepted claims only; accept them (accept ID…, or review) or export claimreview --all"
        case .noOrganization:
            "ClaimReview names the reviewing organisation; set it with set session organization NAME"
        case .badBaseURL(let value):
            "the session's base-url \"\(value)\" is not an http or https address such as https://desk.example/annotations/; change it with set session base-url URL"
        case .openConflicts(let count):
            "the session has \(Plural.count(count, "open conflict")) from a merge, and an export would pass one analyst's side off as agreed; settle them with curate (or resolve ID a|b|keep|drop) first"
        case .badOrganizationURL(let value):
            "the session's organization-url \"\(value)\" is not an http or https address such as https://desk.example; change it with set session organization-url URL"
        }
    }
}

extension ExportFormat {
    /// The exporter that writes this format as it goes; nil for brat, which makes a folder.
    public func streamingExporter(_ options: ExportOptions) -> (any StreamingExporter)? {
        exporter(options) as? any StreamingExporter
    }

    /// Exports a one-file format straight to `output`, refusing what ``export(_:options:)``
    /// refuses before anything is written; nil for a format that makes a folder (brat).
    public func export(_ session: Session, options: ExportOptions = ExportOptions(),
                       to output: inout some ExportOutput) throws(ExportError) -> ExportSummary? {
        guard let exporter = streamingExporter(options) else { return nil }
        guard session.conflicts.isEmpty else { throw .openConflicts(session.conflicts.count) }
        return try exporter.export(session, to: &output)
    }

    /// The names of the files a folder format (brat) will write, in order, refusing what
    /// ``export(_:options:)`` refuses; nil for a one-file format.
    public func folderFileNames(_ session: Session, options: ExportOptions = ExportOptions()) throws(ExportError) -> [String]? {
        guard let exporter = exporter(options) as? any FolderExporter else { return nil }
        guard session.conflicts.isEmpty else { throw .openConflicts(session.conflicts.count) }
        return try exporter.fileNames(session)
    }

    /// Exports a folder format file by file, each handed to `write` as soon as it is made; nil for
    /// a one-file format. Ask ``folderFileNames(_:options:)`` first: it is where a session is refused.
    public func exportFolder<Failure: Error>(_ session: Session, options: ExportOptions = ExportOptions(),
                                             fileByFile write: (ExportedFile) throws(Failure) -> Void) throws(Failure) -> ExportSummary? {
        guard let exporter = exporter(options) as? any FolderExporter else { return nil }
        return try exporter.export(session, fileByFile: write)
    }
}
