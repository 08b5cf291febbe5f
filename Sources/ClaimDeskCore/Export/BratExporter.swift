import Foundation

/// A session as a brat standoff folder: per article `NAME.txt` (its text) and `NAME.ann`, plus
/// `annotation.conf` and `visual.conf` for the brat server.
///
/// Claims, mentions and stance evidence are text-bound (`T`) annotations; attribution (claimant,
/// via, stance holder and target) and the session's relations are `R` lines; kind, verdict,
/// check-worthiness and stance labels are attributes (`A`); ids, source names, tags and notes are
/// `AnnotatorNotes` (`#`). Offsets count code points of the `.txt`. A span across a line break is
/// written as fragments (`0 10;11 20`), because brat reads the `.ann` line by line.
public struct BratExporter: FolderExporter {
    public init() {}

    /// Entity types, relation types for attribution and attribute names ClaimDesk writes and reads.
    public enum Names {
        public static let claim = "Claim", mention = "Mention", evidence = "Evidence"
        /// A claim's reporting words (an entity), and the relation from the claim to them.
        public static let cue = "Cue", hasCue = "HasCue"
        public static let claimant = "Claimant", via = "Via", holder = "Holder", target = "Target"
        public static let kind = "Kind", verdict = "Verdict", checkWorthy = "CheckWorthy", stance = "Stance"
        /// Separates the parts of an AnnotatorNotes line: `c1 | by: American officials | tags: escalation`.
        public static let noteSeparator = " | "
    }

    /// The characters brat's line reader (Python's `splitlines`) breaks lines at.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// The file name (without extension) of an article's `.txt` and `.ann`: `a1-Officials-split-over…`.
    public static func documentName(_ article: Article) -> String {
        article.id.rawValue + "-" + ExportNaming.safeFileName(article.title, fallback: "article", limit: 48)
    }

    public func fileNames(_ session: Session) throws(ExportError) -> [String] {
        guard !session.articles.isEmpty else { throw .noArticles }
        return ["annotation.conf", "visual.conf"] + session.orderedArticles.flatMap { article in
            let name = Self.documentName(article)
            return [name + ".txt", name + ".ann"]
        }
    }

    /// Makes the files in the order ``fileNames(_:)`` gives, each article's `.txt` and `.ann`
    /// handed to `write` as soon as they are made: the folder is never held whole.
    public func export<Failure: Error>(_ session: Session,
                                       fileByFile write: (ExportedFile) throws(Failure) -> Void) throws(Failure) -> ExportSummary {
        try write(ExportedFile(name: "annotation.conf", data: Data(Self.configuration(session.taxonomy).utf8)))
        try write(ExportedFile(name: "visual.conf", data: Data(Self.visualConfiguration.utf8)))
        var warnings: [String] = []
        var count = 0
        var writtenRelations = Set<AnnotationID>()
        var evidenceWritten = Set<AnnotationID>()
        let byArticle = AnnotationsByArticle(session)
        let relations = Self.relationsByArticle(session)
        for article in session.orderedArticles {
            var document = Document(session: session, article: article, byArticle: byArticle,
                                    relations: relations[article.id] ?? [])
            document.build()
            let name = Self.documentName(article)
            try write(ExportedFile(name: name + ".txt", data: Data(article.text.utf8)))
            try write(ExportedFile(name: name + ".ann", data: Data(document.text.bytes)))
            warnings += document.warnings
            count += document.spanAnnotations
            writtenRelations.formUnion(document.writtenRelations)
            evidenceWritten.formUnion(document.stancesWritten)
        }
        for stance in session.orderedStances where !evidenceWritten.contains(stance.id) {
            warnings.append("\(stance.id) left out: brat needs a span and it has no evidence in the text")
        }
        for relation in session.orderedRelations where !writtenRelations.contains(relation.id) {
            warnings.append("\(relation.id) left out: brat relates spans of one text, and \(relation.from) or \(relation.to) is not one")
        }
        count += writtenRelations.count + evidenceWritten.count
        return ExportSummary(count: count, warnings: warnings)
    }

    /// The relations each article's `.ann` may hold, in id order: those that start at a claim or
    /// mention of the article, or at a stance with evidence in it (a relation is written where both
    /// its ends are spans of the text). Gathered once, so no article looks at every relation; each
    /// relation's start is found by binary search (a dictionary of every claim by id would be built
    /// for the first).
    static func relationsByArticle(_ session: Session) -> [AnnotationID: [Relation]] {
        var result: [AnnotationID: [Relation]] = [:]
        for relation in session.orderedRelations {
            switch session.record(relation.from) {
            case .claim(let claim):
                result[claim.anchor.article, default: []].append(relation)
            case .mention(let mention):
                result[mention.anchor.article, default: []].append(relation)
            case .stance(let stance):
                var seen: Set<AnnotationID> = []
                for anchor in stance.evidence where seen.insert(anchor.article).inserted {
                    result[anchor.article, default: []].append(relation)
                }
            default:
                break
            }
        }
        return result
    }

    /// A type name brat accepts: letters, digits, `-` and `_`.
    static func typeName(_ label: String) -> String {
        // Labels are usually names brat takes already (`factual`, `mostly-true`): kept as they are.
        guard !label.utf8.allSatisfy(isTypeNameByte) else { return label }
        return String(String.UnicodeScalarView(label.unicodeScalars.map { scalar in
            scalar.isASCII && isTypeNameByte(UInt8(scalar.value)) ? scalar : "_"
        }))
    }

    /// An ASCII letter or digit, `-` or `_`.
    static func isTypeNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x5F: true
        default: false
        }
    }

    static func configuration(_ taxonomy: Taxonomy) -> String {
        let spans = [Names.claim, Names.mention, Names.evidence].joined(separator: "|")
        var lines = [
            "# brat configuration written by ClaimDesk: claims, mentions of sources and stance evidence.",
            "[entities]", Names.claim, Names.mention, Names.evidence, Names.cue, "",
            "[relations]",
            "\(Names.claimant)\tArg1:\(Names.claim), Arg2:\(Names.mention)",
            "\(Names.via)\tArg1:\(Names.claim), Arg2:\(Names.mention)",
            "\(Names.holder)\tArg1:\(Names.evidence), Arg2:\(Names.mention)",
            "\(Names.target)\tArg1:\(Names.evidence), Arg2:\(Names.claim)",
            "\(Names.hasCue)\tArg1:\(Names.claim), Arg2:\(Names.cue)",
        ]
        for type in taxonomy.relationTypes { lines.append("\(typeName(type))\tArg1:\(spans), Arg2:\(spans)") }
        lines += ["<OVERLAP>\tArg1:\(spans), Arg2:\(spans), <OVL-TYPE>:<ANY>", "", "[events]", "", "[attributes]"]
        lines.append("\(Names.kind)\tArg:\(Names.claim), Value:" + taxonomy.claimKinds.map(typeName).joined(separator: "|"))
        lines.append("\(Names.verdict)\tArg:\(Names.claim), Value:" + taxonomy.verdicts.map(typeName).joined(separator: "|"))
        lines.append("\(Names.checkWorthy)\tArg:\(Names.claim), Value:yes|no")
        lines.append("\(Names.stance)\tArg:\(Names.evidence), Value:" + taxonomy.stanceLabels.map(typeName).joined(separator: "|"))
        return lines.joined(separator: "\n") + "\n"
    }

    static let visualConfiguration = """
        # brat display settings written by ClaimDesk.
        [labels]
        Claim | Claim | Cl
        Mention | Mention | Mn
        Evidence | Evidence | Ev
        Cue | Cue | Cu

        [drawing]
        Claim\tbgColor:#ffe08a
        Mention\tbgColor:#a8d8ff
        Evidence\tbgColor:#c9f0c0
        Cue\tbgColor:#d9c2f0
        SPAN_DEFAULT\tfgColor:black, bgColor:lightgray, borderColor:darken
        ARC_DEFAULT\tcolor:black, arrowHead:triangle-5

        """

    /// Text for an AnnotatorNotes line: one line, no tabs.
    static func noteText(_ text: String) -> String {
        // Most notes are one line already: kept as they are rather than rebuilt scalar by scalar.
        guard text.unicodeScalars.contains(where: { isLineBreak($0) || $0 == "\t" }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isLineBreak($0) || $0 == "\t" ? " " : $0 }))
    }

    /// The `.ann` of one article.
    struct Document {
        let session: Session
        let article: Article
        /// The `.ann` as it is written, line by line.
        var text = ExportText()
        var warnings: [String] = []
        var spanAnnotations = 0
        var writtenRelations = Set<AnnotationID>()
        var stancesWritten = Set<AnnotationID>()

        private var nextT = 1, nextA = 1, nextR = 1, nextNote = 1
        /// T ids of claims and mentions, and of each stance's first evidence span.
        private var textBound: [AnnotationID: String] = [:]
        /// T ids of claims' cues, by claim.
        private var cueBound: [AnnotationID: String] = [:]
        /// Mentions of each source in this article: (T id, range).
        private var mentionsOf: [AnnotationID: [(String, Range<Int>)]] = [:]

        /// Where each article's annotations are, gathered once for the whole export.
        let byArticle: AnnotationsByArticle
        /// The relations that may be written here (see ``BratExporter/relationsByArticle(_:)``).
        let relations: [Relation]

        init(session: Session, article: Article, byArticle: AnnotationsByArticle, relations: [Relation]) {
            self.session = session
            self.article = article
            self.byArticle = byArticle
            self.relations = relations
        }

        enum Item {
            case claim(Claim)
            case mention(Mention)
            case evidence(Stance, Int)
            /// The cue of a claim.
            case cue(Claim)

            var id: AnnotationID {
                switch self {
                case .claim(let c): c.id
                case .mention(let m): m.id
                case .evidence(let s, _): s.id
                case .cue(let c): c.id
                }
            }
        }

        mutating func build() {
            // Each item with the spans of its fragments (one for a continuous span), first first.
            var items: [(Item, PlacedSpan, [PlacedSpan])] = []
            for claim in byArticle.claims(in: article.id) {
                let spans = session.placedFragments(claim, warnings: &warnings)
                if let span = spans.first {
                    items.append((.claim(claim), span, spans))
                    if let cue = claim.cue, let cueSpan = session.placed(cue) { items.append((.cue(claim), cueSpan, [cueSpan])) }
                }
                else { warnings.append("\(claim.id) left out: \(W3CExporter.unplacedReason(claim.anchor))") }
            }
            for mention in byArticle.mentions(in: article.id) {
                let spans = session.placedFragments(mention, warnings: &warnings)
                if let span = spans.first { items.append((.mention(mention), span, spans)) }
                else { warnings.append("\(mention.id) left out: \(W3CExporter.unplacedReason(mention.anchor))") }
            }
            for stance in byArticle.stances(in: article.id) {
                for (index, anchor) in stance.evidence.enumerated() where anchor.article == article.id {
                    if let span = session.placed(anchor) { items.append((.evidence(stance, index), span, [span])) }
                }
            }
            // T numbers in reading order; the keys are sorted, not the items (each holds a whole record).
            let keys = items.map { ($0.1.range.lowerBound, $0.1.range.upperBound, $0.0.id) }
            let order = keys.indices.sorted { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }
            var placed: [(Item, String, PlacedSpan)] = []
            for (item, span, spans) in order.lazy.map({ items[$0] }) {
                // A span in fragments is brat's `0 5;9 14`; each fragment is cut at line breaks too.
                let fragments = spans.flatMap { self.fragments(of: $0.range) }
                guard !fragments.isEmpty else {
                    warnings.append("\(item.id) left out of \(article.id): its span holds only line breaks")
                    continue
                }
                let t = "T\(nextT)"
                nextT += 1
                let offsets = fragments.map { "\($0.lowerBound) \($0.upperBound)" }.joined(separator: ";")
                let text = fragments.map { article.content.slice($0) }.joined(separator: " ")
                let type: String
                switch item {
                case .claim(let claim):
                    type = Names.claim
                    textBound[claim.id] = t
                    spanAnnotations += 1
                case .mention(let mention):
                    type = Names.mention
                    textBound[mention.id] = t
                    mentionsOf[mention.source, default: []].append((t, span.range))
                    spanAnnotations += 1
                case .evidence(let stance, _):
                    type = Names.evidence
                    if textBound[stance.id] == nil { textBound[stance.id] = t }
                    stancesWritten.insert(stance.id)
                case .cue(let claim):
                    type = Names.cue
                    cueBound[claim.id] = t
                }
                self.text.append("\(t)\t\(type) \(offsets)\t\(text)\n")
                placed.append((item, t, span))
            }
            for (item, t, span) in placed { describe(item, t, span) }
            for relation in relations {
                guard let from = textBound[relation.from], let to = textBound[relation.to], from != to else { continue }
                relationLine(BratExporter.typeName(relation.type), from, to)
                note(relation.id, on: "R\(nextR - 1)", parts: tagsAndNotes(relation.tags, relation.notes))
                writtenRelations.insert(relation.id)
            }
        }

        /// The span split at line breaks, empty pieces dropped.
        func fragments(of range: Range<Int>) -> [Range<Int>] {
            var result: [Range<Int>] = []
            var start = range.lowerBound
            let scalars = article.content.scalars
            for offset in range where BratExporter.isLineBreak(scalars[offset]) {
                if offset > start { result.append(start..<offset) }
                start = offset + 1
            }
            if range.upperBound > start { result.append(start..<range.upperBound) }
            return result
        }

        /// Attributes, attribution relations and the note of one text-bound annotation.
        mutating func describe(_ item: Item, _ t: String, _ span: PlacedSpan) {
            switch item {
            case .claim(let claim):
                attribute(Names.kind, t, claim.kind)
                attribute(Names.verdict, t, claim.verdict)
                if let worthy = claim.checkWorthy { attribute(Names.checkWorthy, t, worthy ? "yes" : "no") }
                var parts: [String] = []
                if let claimant = claim.claimant {
                    parts.append("by: " + session.sourceName(claimant))
                    if let m = mention(of: claimant, near: span.range) { relationLine(Names.claimant, t, m) }
                }
                if !claim.via.isEmpty {
                    parts.append("via: " + claim.via.map(session.sourceName).joined(separator: " → "))
                    for relay in claim.via {
                        if let m = mention(of: relay, near: span.range) { relationLine(Names.via, t, m) }
                    }
                }
                if let cueT = cueBound[claim.id] { relationLine(Names.hasCue, t, cueT) }
                note(claim.id, on: t, parts: parts + tagsAndNotes(claim.tags, claim.notes))
            case .cue(let claim):
                note(claim.id, on: t, parts: ["cue"])
            case .mention(let mention):
                note(mention.id, on: t, parts: ["source: " + session.sourceName(mention.source)]
                     + tagsAndNotes(mention.tags, mention.notes))
            case .evidence(let stance, let index):
                attribute(Names.stance, t, stance.label)
                if let m = mention(of: stance.holder, near: span.range) { relationLine(Names.holder, t, m) }
                // Only claims, mentions and stances of the session have T ids, so a claim id with one is a claim.
                if let claimT = textBound[stance.target], stance.target.kind == .claim {
                    relationLine(Names.target, t, claimT)
                }
                var target = "target: " + stance.target.rawValue
                if let proposition = session.propositions[stance.target] { target += " " + proposition.text }
                var parts = ["holder: " + session.sourceName(stance.holder), target]
                if index == stance.evidence.firstIndex(where: { $0.article == article.id }) {
                    parts += tagsAndNotes(stance.tags, stance.notes)
                }
                note(stance.id, on: t, parts: parts)
            }
        }

        /// The mention of a source that names it for a span: one inside the span, else the nearest before it, else the first.
        func mention(of source: AnnotationID, near range: Range<Int>) -> String? {
            guard let all = mentionsOf[source], !all.isEmpty else { return nil }
            if let inside = all.first(where: { range.contains($0.1.lowerBound) }) { return inside.0 }
            if let before = all.last(where: { $0.1.upperBound <= range.lowerBound }) { return before.0 }
            return all[0].0
        }

        func tagsAndNotes(_ tags: [String], _ notes: [Note]) -> [String] {
            (tags.isEmpty ? [] : ["tags: " + tags.joined(separator: " ")]) + notes.map { "note: " + $0.text }
        }

        mutating func attribute(_ name: String, _ t: String, _ value: String) {
            text.append("A\(nextA)\t\(name) \(t) \(BratExporter.typeName(value))\n")
            nextA += 1
        }

        mutating func relationLine(_ type: String, _ from: String, _ to: String) {
            text.append("R\(nextR)\t\(type) Arg1:\(from) Arg2:\(to)\t\n")
            nextR += 1
        }

        mutating func note(_ id: AnnotationID, on target: String, parts: [String]) {
            let note = ([id.rawValue] + parts).joined(separator: Names.noteSeparator)
            text.append("#\(nextNote)\tAnnotatorNotes \(target)\t\(BratExporter.noteText(note))\n")
            nextNote += 1
        }
    }
}
