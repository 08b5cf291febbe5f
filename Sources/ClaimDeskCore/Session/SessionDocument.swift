import Foundation

/// Reads and writes the session JSON document: `{"format": "claimdesk.session", "version": 2, ...}`.
///
/// Version 2 added optional article metadata (URL, publisher, byline, dates, language, fetch
/// record); a version-1 file is read as it is (its articles have none) and saved as version 2.
///
/// Writing is deterministic (pretty-printed, sorted keys, trailing newline) so saving an
/// unchanged session twice gives identical bytes and clean git diffs. A file that cannot be read
/// is first checked for its format and version, so a newer file is refused as newer, whatever
/// else in it this version does not understand.
public enum SessionDocument {
    public static let format = "claimdesk.session"
    public static let currentVersion = 2

    public static func encode(_ session: Session) -> Data {
        var cache = SessionEncodingCache()
        return encode(session, cache: &cache)
    }

    /// The same bytes as ``encode(_:)``, written faster when `cache` holds the document written
    /// before: unchanged records are copied from it. `cache` then holds this document.
    public static func encode(_ session: Session, cache: inout SessionEncodingCache) -> Data {
        Data(encodedBytes(session, cache: &cache))
    }

    /// The bytes of ``encode(_:cache:)`` as the writer made them, without a copy into `Data`
    /// (51 MB at 100,000 annotations): the save writes these to the disk and hashes them. They
    /// share their storage with `cache`, so keeping both costs no more than one.
    public static func encodedBytes(_ session: Session, cache: inout SessionEncodingCache) -> [UInt8] {
        var writer = JSONWriter(pretty: true, capacity: max(1 << 16, cache.bytes.count + cache.bytes.count / 8, estimatedSize(of: session)))
        session.write(to: &writer, cache: &cache)
        writer.appendRaw(0x0A)
        cache.bytes = writer.bytes
        return writer.bytes
    }

    /// A generous guess at the document's size, so that the buffer is made once instead of grown
    /// (and copied) a dozen times: the articles' text and a kilobyte per record. Pages of it never
    /// written are never touched, so a guess too large costs address space, not memory.
    static func estimatedSize(of session: Session) -> Int {
        var size = 1 << 16
        for article in session.orderedArticles { size += article.text.utf8.count + article.text.utf8.count / 8 + 1024 }
        let records = session.sourceTable.count + session.mentionTable.count + session.claimTable.count
            + session.propositionTable.count + session.stanceTable.count + session.relationTable.count + session.conflictTable.count
        return size + records * 1024
    }

    /// Reads a session and checks its content (``SessionIntegrity``); repairs are made silently.
    public static func decode(_ data: Data) throws(SessionDocumentError) -> Session {
        var repairs: [String] = []
        return try decode(data, repairs: &repairs)
    }

    /// Reads a session and checks its content, adding one line per repair made to `repairs`.
    public static func decode(_ data: Data, repairs: inout [String]) throws(SessionDocumentError) -> Session {
        try decodeWithVersion(data, repairs: &repairs).session
    }

    /// A session and the format version its file named, so an older file can be announced as migrated.
    public static func decodeWithVersion(_ data: Data) throws(SessionDocumentError) -> (session: Session, version: Int) {
        var repairs: [String] = []
        return try decodeWithVersion(data, repairs: &repairs)
    }

    /// Reads a session, checks its content (adding one line per repair made to `repairs`) and
    /// returns it with the version its file named.
    ///
    /// A session is either read whole and consistent or refused: never half-read.
    ///
    /// With `release`, the memory of the bytes already read is given back as the records are
    /// read (see ``ReadBytesRelease``); they are put back before an error is described, and
    /// whenever the session is refused, even after a whole reading (a file of another format or
    /// version, or inconsistent): the caller may read the bytes again.
    public static func decodeWithVersion(_ data: Data, repairs: inout [String],
                                         releasing release: (any ReadBytesRelease)? = nil) throws(SessionDocumentError) -> (session: Session, version: Int) {
        do throws(SessionDocumentError) {
            var (session, version, positions) = try parse(data, releasing: release)
            do {
                repairs += try SessionIntegrity.check(&session, positions: positions)
            } catch {
                throw SessionDocumentError.inconsistent(error)
            }
            return (session, version)
        } catch {
            release?.restore()
            throw error
        }
    }

    /// The session as the document states it, its version and the positions of records listed
    /// out of order, before any check of its content.
    ///
    /// The bytes are read where they lie in `data`: a copy of them was as large as the file, and
    /// held with it, made a session's opening need the file's size twice over.
    private static func parse(_ data: Data, releasing release: (any ReadBytesRelease)?) throws(SessionDocumentError) -> (Session, Int, [AnnotationID: Int]) {
        if (Session.splitReadingFrom..<Session.splitReadingUpTo).contains(data.count) {
            if let split = Session.splitReading(data) {
                // Read whole: none of it is read again.
                release?.release(upTo: data.count)
                try check(format: split.format, version: split.version)
                return (split.session, split.version ?? currentVersion, split.positions)
            }
            // Read again by one reader, which names any fault (the split reading gave nothing back).
        }
        var format: String?
        var version: Int?
        var positions: [AnnotationID: Int] = [:]
        let session: Session
        do {
            session = try JSONReader.reading(data, releasing: release) { (reader: inout JSONReader) throws(JSONReadError) -> Session in
                let session = try Session(json: &reader, format: &format, version: &version, positions: &positions)
                try reader.end()
                return session
            }
            // Read whole: the last few megabytes, short of a step, go too.
            release?.release(upTo: data.count)
        } catch {
            // A file that is not a session, or of a newer version, is said so before any detail of its content.
            release?.restore()
            let (format, version) = try header(data)
            try check(format: format, version: version)
            throw .invalid(error)
        }
        try check(format: format, version: version)
        return (session, version ?? currentVersion, positions)
    }

    private static func check(format: String?, version: Int?) throws(SessionDocumentError) {
        guard let format else { throw .notASession("it has no \"format\" field") }
        guard format == Self.format else { throw .notASession("its format is \"\(UntrustedText.visible(format))\", not \"\(Self.format)\"") }
        guard let version else { throw .notASession("it has no \"version\" field") }
        guard version <= currentVersion else { throw .newerVersion(version) }
        guard version >= 1 else { throw .notASession("its version \(version) is not a version ClaimDesk ever wrote") }
    }

    /// The top-level `format` and `version`, read while checking that the whole file is JSON.
    static func header(_ data: Data) throws(SessionDocumentError) -> (String?, Int?) {
        let stamp: DocumentStamp?
        do {
            stamp = try JSONReader.reading(data) { (reader: inout JSONReader) throws(JSONReadError) -> DocumentStamp? in
                guard reader.peek() == 0x7B else {
                    try reader.skipValue()
                    try reader.end()
                    return nil
                }
                let stamp = try DocumentStamp(json: &reader)
                try reader.end()
                return stamp
            }
        } catch {
            throw .notJSON(error)
        }
        guard let stamp else { throw .notASession("it is JSON but not an object") }
        return (stamp.format, stamp.version)
    }
}

/// Why a file could not be read as a session, with the position of the fault.
public enum SessionDocumentError: Error, Equatable, Sendable {
    case notJSON(JSONReadError)
    case notASession(String)
    case newerVersion(Int)
    case invalid(JSONReadError)
    /// Valid JSON of the right shape whose content does not hold together.
    case inconsistent(SessionIntegrity.Fault)

    public var message: String {
        switch self {
        case .notJSON(let error):
            let place = error.line.map { "at line \($0), column \(error.column ?? 0)" } ?? ""
            return "not valid JSON \(place): \(error.problem)"
        case .notASession(let why): return "not a ClaimDesk session: \(why)"
        case .newerVersion(let v):
            return "it is a version \(v) session, newer than this ClaimDesk reads (version \(SessionDocument.currentVersion)); upgrade ClaimDesk to open it"
        case .invalid(let error): return error.description
        case .inconsistent(let fault): return fault.message
        }
    }
}
