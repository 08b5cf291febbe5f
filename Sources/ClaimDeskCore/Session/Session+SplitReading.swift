import Foundation

/// A session document read by two threads: this one from the start to a cut among the claims
/// (``SessionDocumentCut``), another from the cut to the end.
///
/// Reading was most of opening a session, on one core. The second reader finds the cut, reads
/// on from it, and then shares its anchors' quotes with the articles' texts, which the first
/// reader hands over on reaching the claims; the first reads up to the cut; the two parts'
/// fields are put together. Neither waits for the other while holding what the other needs, and
/// the second runs on a thread of its own, so one core runs them one after the other.
///
/// Whatever is unusual is left to one reader, which says exactly what is wrong: a part that
/// fails, claims out of id order, a key read by both parts, a missing field; the document is then
/// read again from the start by ``SessionDocument``, as before.
extension Session {
    /// From this size a document is read in two parts: below it, handing work to another thread
    /// costs about what it saves.
    static let splitReadingFrom = 128 * 1024
    /// Up to this size. Neither part gives back the bytes behind it (``ReadBytesRelease``): the
    /// scan for the cut and an error's line count read from the start while the first part
    /// reads on, and a document turned down is read again from the very bytes. Above this size
    /// those bytes held to the end would matter, and one reader reads, giving them back as it goes.
    static let splitReadingUpTo = 16 << 20

    /// What a document read in two parts gave.
    struct SplitReading {
        var session: Session
        var format: String?
        var version: Int?
        var positions: [AnnotationID: Int]
    }

    /// The document in `data` read in two parts, or nil when it cannot be read that way or either
    /// part fails (see the type's notes). The bytes are only read, by both threads.
    ///
    /// - Parameter startThread: starts the second reader on a thread of its own (run here, it
    ///   would wait for this reader before this reader begins), false when it cannot (tests
    ///   refuse); without it the first reader reads the whole document.
    static func splitReading(_ data: Data,
                             startThread: (@escaping @Sendable (OtherCoreThread.Placement) -> Void) -> Bool = OtherCoreThread.start) -> SplitReading? {
        let cut = HandedOver<SessionDocumentCut?>()
        let quoteTexts = HandedOver<ArticleQuoteTexts?>()
        let second = HandedOver<SecondPart?>()
        // A thread of its own, not a queue's: the first reader waits for the cut, which work
        // queued before it (hashing, say) must not hold up. It begins on the other core
        // (``OtherCoreThread``): queued behind this reader, it began only once this one waited.
        let started = startThread { _ in
            let part = data.withUnsafeBytes { raw -> SecondPart? in
                let bytes = raw.bindMemory(to: UInt8.self)
                let found = SessionDocumentCut.find(in: bytes)
                cut.hand(found)
                guard let found else { return nil }
                var reader = JSONReader(borrowing: bytes, insideArrayOfKey: found.claimsKey, at: found.offset, afterElement: found.element)
                guard var part = try? readSecondPart(&reader) else { return nil }
                // The quotes are shared once the first reader has read the articles (it has, mostly).
                guard let texts = quoteTexts.value else { return nil }
                part.shareQuotes(texts)
                return part
            }
            second.hand(part)
        }
        if !started {
            // No thread: no cut, and this reader reads the whole document.
            cut.hand(nil)
            second.hand(nil)
        }
        let first: FirstPart?
        do {
            first = try JSONReader.reading(data) { (reader: inout JSONReader) throws(JSONReadError) -> FirstPart in
                // The second reader waits for the articles: it hears of them on every way out.
                defer { quoteTexts.hand(nil) }
                return try readFirstPart(&reader, cut: cut, quoteTexts: quoteTexts)
            }
        } catch {
            first = nil
        }
        // Waited for in every case: a document turned down is read again, and its bytes given back as that goes.
        let rest = second.value
        switch consume first {
        case .whole(let reading)?:
            return reading.complete.map { SplitReading(session: $0, format: reading.format, version: reading.version, positions: reading.positions) }
        case .upToCut(var reading, var claims)?:
            guard let rest else { return nil }
            if let last = claims.last, let next = rest.claims.first, !(last.id < next.id) { return nil }
            for key in rest.reading.keys {
                guard !reading.keys.contains(key) else { return nil }
                reading.take(key, from: rest.reading)
            }
            for (id, position) in rest.reading.positions { reading.positions[id] = position }
            // Grown in place to the exact count: the first part's claims are moved, not copied
            // (`claims + rest.claims` copied every claim, and the table then copied them again
            // to give back the room the sum had left over).
            claims.reserveCapacity(claims.count + rest.claims.count)
            claims.append(contentsOf: rest.claims)
            reading.session.claimTable = RecordTable(inReadingOrder: claims)
            return reading.complete.map { SplitReading(session: $0, format: reading.format, version: reading.version, positions: reading.positions) }
        case nil:
            return nil
        }
    }

    /// What the first reader read: the whole document (no cut was found), or up to the cut.
    private enum FirstPart {
        case whole(DocumentReading)
        case upToCut(DocumentReading, claims: [Claim])
    }

    /// What the second reader read: the claims after the cut, then the rest of the document.
    private struct SecondPart {
        var claims: [Claim]
        var reading: DocumentReading

        mutating func shareQuotes(_ texts: ArticleQuoteTexts) {
            for i in claims.indices { claims[i].shareQuotes(texts) }
            reading.session.sourceTable.shareQuotes(texts)
            reading.session.mentionTable.shareQuotes(texts)
            reading.session.propositionTable.shareQuotes(texts)
            reading.session.stanceTable.shareQuotes(texts)
            reading.session.relationTable.shareQuotes(texts)
            reading.session.conflictTable.shareQuotes(texts)
        }
    }

    private static func readFirstPart(_ reader: inout JSONReader, cut: HandedOver<SessionDocumentCut?>,
                                      quoteTexts handed: HandedOver<ArticleQuoteTexts?>) throws(JSONReadError) -> FirstPart {
        var reading = DocumentReading()
        try reader.beginObject()
        while let key = try reader.nextKey() {
            if key == "claims", let quoteTexts = reading.quoteTexts, let found = cut.value {
                // The articles' texts as they stand before the claims: any read after them are the second part's.
                handed.hand(quoteTexts)
                reading.keys.append(key)
                return .upToCut(reading, claims: try claimsInOrder(&reader, quoteTexts: quoteTexts, upTo: found))
            }
            try reading.read(key, from: &reader)
        }
        try reader.end()
        return .whole(reading)
    }

    /// The second part, read without sharing quotes (the articles may not be read yet).
    private static func readSecondPart(_ reader: inout JSONReader) throws(JSONReadError) -> SecondPart {
        let claims = try claimsInOrder(&reader, quoteTexts: nil, upTo: nil)
        var reading = DocumentReading()
        while let key = try reader.nextKey() {
            try reading.read(key, from: &reader)
        }
        try reader.end()
        return SecondPart(claims: claims, reading: reading)
    }

    /// Claims in id order, sharing their quotes: from the array's start up to `cut` (the first
    /// part, which must meet the cut exactly), or from the cut to the array's end (the second).
    /// Claims out of order, which one reader numbers by their place, are an error here.
    private static func claimsInOrder(_ reader: inout JSONReader, quoteTexts: ArticleQuoteTexts?,
                                      upTo cut: SessionDocumentCut?) throws(JSONReadError) -> [Claim] {
        if cut != nil { try reader.beginArray() }
        var claims: [Claim] = []
        // The first part knows how many claims it reads; grown one at a time, its array was
        // moved to a new place of twice the size at every power of two.
        if let cut { claims.reserveCapacity(cut.element) }
        var lastID: AnnotationID?
        while true {
            if let cut {
                if reader.peek() == 0x2C, reader.index == cut.offset { break }
                guard reader.index < cut.offset else { throw reader.error("the cut between the two readers was not met") }
            }
            guard try reader.nextElement() else {
                if cut != nil { throw reader.error("the claims ended before the cut between the two readers") }
                break
            }
            var claim = try Claim(json: &reader)
            if let quoteTexts { claim.shareQuotes(quoteTexts) }
            if let lastID, !(lastID < claim.id) { throw reader.error("claims out of id order") }
            lastID = claim.id
            claims.append(consume claim)
        }
        if let cut, claims.count != cut.element { throw reader.error("the cut between the two readers was not met") }
        return claims
    }
}
