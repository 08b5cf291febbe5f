/// The checks every record of a session passes when it opens (``SessionIntegrity/check(_:positions:)``),
/// made on each record where it lies in its table, and what they read and gather as they go.
extension SessionIntegrity {
    /// Each article's text by id, and whether it was edited outside ClaimDesk, for the anchor
    /// checks: looking the article up in the session copied the whole article for every anchor.
    struct AnchoredTexts: Sendable {
        final class Entry: Sendable {
            let id: AnnotationID
            /// Compared with every anchor through its ``ArticleText/codePointOffsets``, the table
            /// the reading shared quotes by (the text's code points are decoded only for a fault).
            let content: ArticleText
            /// The hash the document stored for the text.
            let storedHash: String
            private let comparison = ComputedOnce<Bool>()
            init(_ article: Article) {
                id = article.id
                content = article.content
                storedHash = article.sha256
            }

            /// The text no longer matches the stored hash: its anchors are re-anchored, not checked.
            /// Worked out at the first anchor on the text, not when the checks start: both halves
            /// of the checks then share the hashing still left with the thread that hashes in the
            /// background (a text being hashed is waited for, ``ArticleText/sha256``), where all of
            /// it was waited for on one thread before either half began. Once, not at every anchor.
            var edited: Bool { comparison.value { content.sha256 != storedHash } }
        }

        let articles: [AnnotationID: Entry]

        init(_ articles: [Article]) {
            var entries: [AnnotationID: Entry] = [:]
            entries.reserveCapacity(articles.count)
            for article in articles { entries[article.id] = Entry(article) }
            self.articles = entries
        }
    }

    /// The taxonomy's labels as spelled, by facet, for the common case of a label used as the
    /// taxonomy spells it. A facet's few labels are compared one by one, which costs less than
    /// hashing the label; a long list is hashed.
    struct ExactLabels: Sendable {
        private var lists = [[String]](repeating: [], count: Taxonomy.Facet.allCases.count)
        private var sets = [Set<String>](repeating: [], count: Taxonomy.Facet.allCases.count)

        init(_ taxonomy: Taxonomy) {
            for facet in Taxonomy.Facet.allCases {
                let labels = taxonomy.labels(facet)
                if labels.count <= 16 { lists[Self.index(facet)] = labels } else { sets[Self.index(facet)] = Set(labels) }
            }
        }

        func contains(_ label: String, in facet: Taxonomy.Facet) -> Bool {
            let index = Self.index(facet)
            return lists[index].contains(label) || sets[index].contains(label)
        }

        private static func index(_ facet: Taxonomy.Facet) -> Int {
            switch facet {
            case .sourceKind: 0
            case .claimKind: 1
            case .verdict: 2
            case .stanceLabel: 3
            case .relationType: 4
            }
        }
    }

    /// What the checks of every record read: the session, its articles' texts and its labels,
    /// shared by reference with the closures that read them (and the threads, for a large session).
    final class Context: Sendable {
        let session: Session
        let texts: AnchoredTexts
        /// Exact spellings first: a case-insensitive comparison per label is slow on 100,000 records.
        let labels: ExactLabels

        init(_ session: Session) {
            self.session = session
            texts = AnchoredTexts(session.orderedArticles)
            labels = ExactLabels(session.taxonomy)
        }
    }

    /// What the checks gather as they go: the highest number in use of each kind, where each note
    /// id was seen, and each holder's stance on each target.
    struct Tally {
        /// By the kind's code: a dictionary by kind hashed twice per record.
        private var highestByCode = [(number: Int, id: AnnotationID)?](repeating: nil, count: AnnotationKind.codeTableSize)
        var noteOwners: [AnnotationID: String] = [:]
        var stanceOf: [Pair: AnnotationID] = [:]

        mutating func count(_ id: AnnotationID, _ kind: AnnotationKind) {
            guard let number = id.number else { return }
            let code = Int(kind.code)
            if number > highestByCode[code]?.number ?? 0 { highestByCode[code] = (number, id) }
        }

        func highest(_ kind: AnnotationKind) -> (number: Int, id: AnnotationID)? { highestByCode[Int(kind.code)] }

        /// Adds what a later part of the check gathered, as if this tally had gone on through its
        /// records: an id wins only with a higher number. False when a note id is in both (the
        /// sequential check then names the note that comes second).
        mutating func absorb(_ later: Tally) -> Bool {
            for code in highestByCode.indices {
                if let top = later.highestByCode[code], top.number > highestByCode[code]?.number ?? 0 { highestByCode[code] = top }
            }
            for (note, owner) in later.noteOwners {
                guard noteOwners.updateValue(owner, forKey: note) == nil else { return false }
            }
            for (pair, stance) in later.stanceOf {
                guard stanceOf.updateValue(stance, forKey: pair) == nil else { return false }
            }
            return true
        }
    }

    /// Checks each record of one kind, in document order, where it lies in its table; with
    /// `range`, only those records (the n-th in document order).
    static func checkRecords(of kind: AnnotationKind, in range: Range<Int>? = nil, context: Context,
                             positions: [AnnotationID: Int], tally: inout Tally) throws(Fault) {
        let session = context.session
        switch kind {
        case .article: try each(session.articleTable.ordered, kind, range, context, positions, &tally)
        case .source: try each(session.sourceTable.ordered, kind, range, context, positions, &tally)
        case .mention: try each(session.mentionTable.ordered, kind, range, context, positions, &tally)
        case .claim: try each(session.claimTable.ordered, kind, range, context, positions, &tally)
        case .proposition: try each(session.propositionTable.ordered, kind, range, context, positions, &tally)
        case .stance:
            try each(session.stanceTable.ordered, kind, range, context, positions, &tally) { stance, path, tally throws(Fault) in
                let pair = Pair(holder: stance.holder, target: stance.target)
                if let first = tally.stanceOf[pair] {
                    throw Fault(path: path.text, problem: "\(stance.id) is a second stance of \(stance.holder) on \(stance.target) after \(first); keep one")
                }
                tally.stanceOf[pair] = stance.id
            }
        case .relation: try each(session.relationTable.ordered, kind, range, context, positions, &tally)
        case .conflict:
            try each(session.conflictTable.ordered, kind, range, context, positions, &tally) { conflict, path, tally throws(Fault) in
                try check(conflict, at: path.text)
                if let kind = conflict.subject.kind { tally.count(conflict.subject, kind) }
                for version in conflict.versions {
                    for note in version.record?.notes ?? [] { tally.count(note.id, .note) }
                }
            }
        case .note: break
        }
    }

    /// Checks `records` (those in `range` of them, or all) in document order: in place when the
    /// document listed them in id order (a table read in id order has no positions), else in the
    /// order the positions give.
    private static func each<T: IntegrityChecked>(_ records: [T], _ kind: AnnotationKind, _ range: Range<Int>?, _ context: Context,
                                                  _ positions: [AnnotationID: Int], _ tally: inout Tally,
                                                  _ more: ((T, Path, inout Tally) throws(Fault) -> Void)? = nil) throws(Fault) {
        if let first = records.first, positions[first.id] != nil {
            let order = documentOrder(records, positions)
            for (position, index) in order[range ?? order.indices] {
                try checkRecord(records[index], kind, at: position, context, &tally)
                if let more { try more(records[index], Path(kind: kind, position: position), &tally) }
            }
            return
        }
        for index in range ?? records.indices {
            try checkRecord(records[index], kind, at: index, context, &tally)
            if let more { try more(records[index], Path(kind: kind, position: index), &tally) }
        }
    }

    /// The checks every record passes: a well-formed id of its kind, notes with ids of their own,
    /// references to records that exist, labels of the taxonomy, anchors on their text, and the
    /// rules between its own fields.
    private static func checkRecord<T: IntegrityChecked>(_ record: T, _ kind: AnnotationKind, at position: Int,
                                                         _ context: Context, _ tally: inout Tally) throws(Fault) {
        // Built only for a fault: formatting 100,000 paths would cost more than the checks.
        let path = Path(kind: kind, position: position)
        let id = record.id
        guard id.kind == kind else {
            throw Fault(path: path.text + ".id", problem: "\"\(UntrustedText.visible(id.rawValue))\" is not a well-formed \(kind.rawValue) id (\(kind.prefix)1, \(kind.prefix)2, …)")
        }
        tally.count(id, kind)
        for (i, note) in record.checkedNotes.enumerated() {
            let notePath = { "\(path.text).notes[\(i)].id" }
            guard note.id.kind == .note else {
                throw Fault(path: notePath(), problem: "\"\(UntrustedText.visible(note.id.rawValue))\" is not a well-formed note id (n1, n2, …)")
            }
            if let first = tally.noteOwners[note.id] {
                throw Fault(path: notePath(), problem: "the note id \(note.id) is already used at \(first)")
            }
            tally.noteOwners[note.id] = notePath()
            tally.count(note.id, .note)
        }
        try record.forEachReference { reference throws(Fault) in
            guard let target = reference.id.kind, reference.kinds.contains(target), context.session.containsRecord(reference.id) else {
                let wanted = reference.kinds.map(\.rawValue).joined(separator: " or ")
                throw Fault(path: "\(path.text).\(reference.field)", problem: "no \(wanted) \(UntrustedText.visible(reference.id.rawValue)) in the session")
            }
        }
        // Case-insensitively, as `taxonomy load` checks the labels in use.
        try record.forEachLabel { label throws(Fault) in
            let taxonomy = context.session.taxonomy
            guard !context.labels.contains(label.value, in: label.facet) && taxonomy.canonical(label.value, in: label.facet) == nil else { return }
            let known = UntrustedText.visible(taxonomy.labels(label.facet).joined(separator: ", "))
            throw Fault(path: "\(path.text).\(label.field)", problem: "\"\(UntrustedText.visible(label.value))\" is not \(IndefiniteArticle.before(label.facet.rawValue)) of the session's taxonomy (\(known))")
        }
        try record.forEachAnchor { field throws(Fault) in
            try check(field.anchor, at: { "\(path.text).\(field.field)" }, texts: context.texts)
        }
        try record.checkOwnFields(at: path)
    }

    /// Each record's place in the document and its index in `records`, in document order
    /// (records without a known position follow, in id order, numbered by their place in the list).
    static func documentOrder<T: KeyedRecord>(_ records: [T], _ positions: [AnnotationID: Int]) -> [(position: Int, index: Int)] {
        var keyed: [(position: Int, index: Int)] = []
        keyed.reserveCapacity(records.count)
        // A document written by ClaimDesk lists records in id order: then the session's own order
        // is already the document's, and sorting 100,000 records would be most of the check's cost.
        var inDocumentOrder = true
        for index in records.indices {
            let position = positions[records[index].id] ?? Int.max
            if let last = keyed.last, last.position > position { inDocumentOrder = false }
            keyed.append((position, index))
        }
        if !inDocumentOrder {
            // Ties (records without a position) stay in id order, which is the records' order.
            keyed.sort { $0.position != $1.position ? $0.position < $1.position : $0.index < $1.index }
        }
        return keyed.enumerated().map { offset, item in (item.position == Int.max ? offset : item.position, item.index) }
    }
}
