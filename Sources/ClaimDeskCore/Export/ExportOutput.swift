import Foundation

/// Where an export's bytes go as they are made: a file the executable opens, or memory.
///
/// Exporters write in pieces of about 64 KB, so a file export of a large session never holds
/// the whole document: memory stays the session plus a small constant.
public protocol ExportOutput {
    mutating func write(_ bytes: [UInt8])
}

/// An export kept whole in memory, for the shell and for tests.
public struct ExportBuffer: ExportOutput {
    public private(set) var data = Data()

    public init() {}

    public mutating func write(_ bytes: [UInt8]) { data.append(contentsOf: bytes) }
}

/// An exporter of one file that writes as it goes, in one pass over the session.
///
/// Everything that can refuse the export (no articles, a bad base URL) is checked before the
/// first byte goes out, so a refused export writes nothing.
public protocol StreamingExporter: SessionExporter {
    /// Writes the export to `output`; returns how many annotations went in and what was left out.
    func export(_ session: Session, to output: inout some ExportOutput) throws(ExportError) -> ExportSummary
}

extension StreamingExporter {
    public func export(_ session: Session) throws(ExportError) -> ExportResult {
        var buffer = ExportBuffer()
        let summary = try export(session, to: &buffer)
        return ExportResult(payload: .file(buffer.data), count: summary.count, warnings: summary.warnings)
    }
}

/// What a streamed export wrote: how many annotations, and what could not be expressed.
public struct ExportSummary: Equatable, Sendable {
    public var count: Int
    public var warnings: [String]

    public init(count: Int, warnings: [String] = []) {
        self.count = count
        self.warnings = warnings
    }
}

extension JSONWriter {
    /// Hands what is written so far to `output` once it is a piece's worth (64 KB), or at once
    /// with `force` (at the end).
    mutating func flush(to output: inout some ExportOutput, force: Bool = false) {
        guard force || bytes.count >= 1 << 16 else { return }
        drain { output.write($0) }
    }
}

/// Text an exporter writes as it goes (CSV, Markdown, HTML): UTF-8 gathered in a buffer and
/// handed on in pieces of about 64 KB.
struct ExportText {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1 << 17) }

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func append(_ more: [UInt8]) { bytes.append(contentsOf: more) }

    mutating func append(byte: UInt8) { bytes.append(byte) }

    mutating func append(bytes more: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: more) }

    /// Hands what is written so far to `output` once it is a piece's worth, or at once with `force`.
    mutating func flush(to output: inout some ExportOutput, force: Bool = false) {
        guard !bytes.isEmpty, force || bytes.count >= 1 << 16 else { return }
        output.write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}

/// An exporter of a folder that hands over its files one at a time, in one pass over the session,
/// so no more than one article's files are in memory at once.
public protocol FolderExporter: SessionExporter {
    /// The names of the files ``export(_:fileByFile:)`` makes, in order, so a writer can check
    /// the folder before the first file; refuses what ``SessionExporter/export(_:)`` refuses.
    func fileNames(_ session: Session) throws(ExportError) -> [String]

    /// Makes the files, handing each to `write` as soon as it is made; a `write` that throws
    /// stops the export. Call ``fileNames(_:)`` first: it is where a session is refused.
    func export<Failure: Error>(_ session: Session, fileByFile write: (ExportedFile) throws(Failure) -> Void) throws(Failure) -> ExportSummary
}

extension FolderExporter {
    public func export(_ session: Session) throws(ExportError) -> ExportResult {
        _ = try fileNames(session)
        var files: [ExportedFile] = []
        let summary = export(session) { (file: ExportedFile) throws(Never) in files.append(file) }
        return ExportResult(payload: .folder(files), count: summary.count, warnings: summary.warnings)
    }
}
