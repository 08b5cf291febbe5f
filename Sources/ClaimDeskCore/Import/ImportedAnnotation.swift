/// An annotation read from another tool's file, before it is placed in a session.
///
/// Importers (W3C, brat) turn their format into these; ``AnnotationImporter`` anchors them
/// against the session's articles and turns them into one change.
public struct ImportedAnnotation: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// A claim; nil labels take the taxonomy's defaults.
        case claim(kind: String?, verdict: String?, checkWorthy: Bool?, claimant: String?, via: [String])
        /// A mention of a source by name; nil names the source by the span's own text.
        case mention(source: String?)
        case stance(label: String, holder: String, target: Target)
        /// A relation between two annotations of the same file, by their refs.
        case relation(type: String, from: String, to: String)
        /// A review decision on another annotation of the file, by its ref: its status
        /// (`open`, `accepted`, `rejected`) and comment; the reviewer is the item's author.
        case review(status: String, comment: String?, on: String)
    }

    /// What a stance is about.
    public enum Target: Equatable, Sendable {
        /// Another annotation of the file (a claim), by its ref.
        case annotation(String)
        /// A proposition, by the text it states.
        case proposition(ref: String?, text: String)
    }

    public struct Note: Equatable, Sendable {
        public var text: String
        public var author: String?
        public var created: Timestamp?

        public init(text: String, author: String? = nil, created: Timestamp? = nil) {
            self.text = text
            self.author = author
            self.created = created
        }
    }

    /// How the file names it (an IRI, `T3`, …): other annotations of the file refer to it by this.
    public var ref: String
    /// How to name it to the user: `c3`, `T5`, the last part of an IRI.
    public var label: String
    public var kind: Kind
    /// Its spans (one for claims and mentions, the evidence of a stance, none for relations).
    public var spans: [ImportedSpan]
    public var tags: [String]
    public var notes: [Note]
    public var author: String?
    public var created: Timestamp?
    public var modified: Timestamp?
    /// Registry entries of the sources it names, when the file carries them.
    public var sources: [ImportedSource]
    /// Propositions its links embed, when the file carries them.
    public var propositions: [ImportedProposition]
    /// A claim's cue (its reporting words), when the file marks one.
    public var cue: ImportedSpan?
    /// What the file says that could not be taken as it is (a time that does not exist), one line each.
    public var problems: [String] = []

    public init(ref: String, label: String, kind: Kind, spans: [ImportedSpan] = [], tags: [String] = [], notes: [Note] = [],
                author: String? = nil, created: Timestamp? = nil, modified: Timestamp? = nil, sources: [ImportedSource] = [],
                propositions: [ImportedProposition] = [], cue: ImportedSpan? = nil) {
        self.ref = ref
        self.label = label
        self.kind = kind
        self.spans = spans
        self.tags = tags
        self.notes = notes
        self.author = author
        self.created = created
        self.modified = modified
        self.sources = sources
        self.propositions = propositions
        self.cue = cue
    }
}

/// A span as another tool describes it: a quote with context, a position if it gave one, and
/// which text it was made on if that is known.
public struct ImportedSpan: Equatable, Sendable {
    public var quote: TextQuote
    /// The SHA-256 (hex) of the text the position counts in, when the file says.
    public var textSHA256: String?
}

/// A quote to find in a text: the W3C TextQuoteSelector with an optional TextPositionSelector.
public struct TextQuote: Equatable, Sendable {
    public var exact: String
    public var prefix: String?
    public var suffix: String?
    /// Code points, end exclusive, where the file says the quote is.
    public var start: Int?
    public var end: Int?
}

/// Why a file could not be read at all (as opposed to single annotations that could not be placed).
public struct ImportError: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
