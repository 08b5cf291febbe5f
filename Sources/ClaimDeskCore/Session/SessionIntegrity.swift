#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The checks a session passes when it is opened, beyond JSON syntax: ids well-formed and
/// unique, every reference pointing at a record that exists, labels in the taxonomy, anchors on
/// their article's text, one stance per holder and target, counters above every id in use.
///
/// A hand-edited file that breaks one of these would otherwise open and fail later, far from the
/// cause (a crash, or a save that writes the damage back). The first fault is reported with its
/// field path; the few faults with only one possible repair are repaired and said so.
public enum SessionIntegrity {
    /// Where the first fault is and what it is.
    public struct Fault: Error, Equatable, Sendable {
        /// The field path, with array indices as the document has them: `claims[3].claimant`.
        public var path: String
        public var problem: String

        public var message: String { "at \(path): \(problem)" }
    }

    /// The record arrays of a session document, in the order they are checked.
    static let recordKinds: [AnnotationKind] = [.article, .source, .mention, .claim, .proposition, .stance, .relation, .conflict]

    /// Checks a session read from a document and makes the unambiguous repairs.
    ///
    /// - Parameter positions: each record's index in its array in the document, for field paths
    ///   (records not listed are numbered in id order).
    /// - Returns: one line per repair made.
    public static func check(_ session: inout Session, positions: [AnnotationID: Int] = [:]) throws(Fault) -> [String] {
        try check(&session, positions: positions, concurrentFrom: concurrentFrom)
    }

    /// - Parameter concurrentFrom: how many records a session needs for its records to be checked
    ///   on two cores (tests compare both ways).
    static func check(_ session: inout Session, positions: [AnnotationID: Int], concurrentFrom: Int) throws(Fault) -> [String] {
        var repairs = repairTaxonomy(&session.taxonomy)
        do { try session.taxonomy.validate() } catch { throw Fault(path: "taxonomy", problem: UntrustedText.visible(error.message)) }
        for address in Record.settings(session.settings).webAddresses {
            if let problem = WebAddress.problem(address.value) {
                throw Fault(path: "settings.\(address.field)", problem: "\"\(UntrustedText.visible(address.value))\" is not an http or https address: \(problem)")
            }
        }

        // Read through a reference: read through the `inout` parameter, the loop's closure copied
        // the whole session for every record, and the closures inside it still copied a constant
        // (about forty reference counts per record, a third of the check).
        let context = Context(session)
        let tally = try checkAllRecords(context: context, positions: positions, concurrentFrom: concurrentFrom)

        let highest = AnnotationKind.allCases.compactMap { kind in tally.highest(kind).map { (kind.prefix, $0) } }
        for (prefix, top) in highest.sorted(by: { $0.0 < $1.0 }) where (session.counters[prefix] ?? 0) < top.number {
            repairs.append("counters.\(prefix) was \(session.counters[prefix] ?? 0), below the id \(top.id) in use; raised to \(top.number)")
            session.counters[prefix] = top.number
        }
        return repairs
    }

    /// A conflict names an annotation of a kind a merge compares, and each version is a record of
    /// that annotation. What a version refers to is checked when it is chosen, not here: the
    /// session may have changed since the merge, and a stale version must not lock the session.
    static func check(_ conflict: Conflict, at path: String) throws(Fault) {
        let kinds: [AnnotationKind] = [.claim, .mention, .stance, .relation]
        guard let kind = conflict.subject.kind, kinds.contains(kind) else {
            throw Fault(path: path + ".subject", problem: "\"\(UntrustedText.visible(conflict.subject.rawValue))\" is not a claim, mention, stance or relation id")
        }
        guard conflict.versions.count >= 2 else {
            throw Fault(path: path + ".versions", problem: "a conflict needs at least two versions")
        }
        for (i, version) in conflict.versions.enumerated() {
            guard let record = version.record else { continue }
            guard record.key == .id(conflict.subject) else {
                throw Fault(path: "\(path).versions[\(i)].record", problem: "a version must be a \(kind.rawValue) with the id \(conflict.subject)")
            }
        }
    }

    /// An empty label set reads as an absent one: it gets the default labels.
    static func repairTaxonomy(_ taxonomy: inout Taxonomy) -> [String] {
        var repairs: [String] = []
        for facet in Taxonomy.Facet.allCases where taxonomy.labels(facet).isEmpty {
            taxonomy.setLabels(Taxonomy.standard.labels(facet), for: facet)
            repairs.append("taxonomy.\(facet.key) was empty; it now holds the default \(facet.rawValue)s")
        }
        return repairs
    }

    /// An anchor's article exists and, unless that article's text was edited outside ClaimDesk (it is
    /// then re-anchored) or the anchor is orphaned, its span lies in the text and reads `exact`.
    static func check(_ anchor: Anchor, at path: () -> String, texts: AnchoredTexts) throws(Fault) {
        guard let article = texts.articles[anchor.article] else {
            throw Fault(path: path() + ".article", problem: "no article \(UntrustedText.visible(anchor.article.rawValue)) in the session")
        }
        guard !article.edited, !anchor.isOrphaned else { return }
        guard anchor.start >= 0, anchor.start <= anchor.end, anchor.end <= article.content.count else {
            throw Fault(path: path() + ".end", problem: "\(anchor.start)-\(anchor.end) is outside \(article.id)'s text (\(article.content.count) code points)")
        }
        guard reads(article.content, anchor.range, anchor.exactText) else {
            let found = article.content.slice(anchor.range)
            let shown = UntrustedText.visible(found.shortened(to: 60))
            throw Fault(path: path() + ".exact", problem: "it does not match \(article.id)'s text at \(anchor.start)-\(anchor.end), which reads \"\(shown)\"")
        }
    }

    /// Whether the code points `range` of `text` are `exact`'s: the UTF-8 between where they
    /// start and end is `exact`'s bytes (every anchor of a session is compared when it opens; the
    /// generic comparison with the string's scalars was 2% of opening a session of 10,000, and
    /// comparing with the decoded code points needed every text decoded). A substring, since an
    /// anchor's quote may lie in its article's text.
    static func reads(_ text: ArticleText, _ range: Range<Int>, _ exact: Substring) -> Bool {
        var string = text.string, exact = exact
        return string.withUTF8 { utf8 in
            guard let bytes = text.codePointOffsets.utf8Range(ofCodePoints: range, in: utf8) else { return false }
            return exact.withUTF8 { quote in
                quote.count == bytes.count && (quote.isEmpty || memcmp(utf8.baseAddress! + bytes.lowerBound, quote.baseAddress!, quote.count) == 0)
            }
        }
    }

    /// A record's place in the document, made into text only when a fault is reported.
    struct Path {
        var kind: AnnotationKind
        var position: Int
        var text: String { "\(kind.plural)[\(position)]" }
    }

    /// A stance's holder and target, of which there may be one stance.
    struct Pair: Hashable {
        var holder: AnnotationID
        var target: AnnotationID
    }
}
