import Foundation

/// A session as a W3C Web Annotation `AnnotationCollection` (JSON-LD, `http://www.w3.org/ns/anno.jsonld`).
///
/// Claims, mentions, stances and relations become annotations; sources, labels, tags and notes
/// become their bodies; every span is a `SpecificResource` on the article (`urn:sha256:…` of its
/// text) with a `TextQuoteSelector` and a `TextPositionSelector` counting code points.
/// The mapping is documented in `docs/exports.md`.
public struct W3CExporter: StreamingExporter {
    public static let context = "http://www.w3.org/ns/anno.jsonld"
    /// ClaimDesk's own terms (a source's kind, role, aliases), outside the W3C vocabulary.
    public static let vocabulary = "urn:claimdesk:term:"
    /// The property of a textual body that holds the registry entry of the source it names: an
    /// absolute IRI, so JSON-LD processors keep it rather than drop an undefined term.
    public static let sourceProperty = vocabulary + "source"
    /// The property that says what part of a claim a `SpecificResource` body is: `cue` for the
    /// reporting words ("said", "according to") that attribute it.
    public static let roleProperty = vocabulary + "role"
    public static let cueRole = "cue"

    public init() {}

    public func export(_ session: Session, to output: inout some ExportOutput) throws(ExportError) -> ExportSummary {
        guard !session.articles.isEmpty else { throw .noArticles }
        let builder = Builder(session: session, ids: try ExportIdentifiers(session))
        var json = JSONWriter(pretty: true, spelling: .encoderCompatible, capacity: 1 << 17)
        var warnings: [String] = []
        var total = 0
        let collectionID = builder.ids.local("collection")
        json.beginObject()
        json.field("@context", Self.context)
        // A collection with no annotation has no page; each annotation is written as soon as it is
        // made, and goes out with the next piece: the collection is never held whole.
        if Self.hasItems(session) {
            json.key("first")
            json.beginObject()
            json.field("@context", Self.context)
            json.field("id", builder.ids.local("page1"))
            json.key("items")
            json.beginArray()
            /// Writes each record its fragments place in the text; one that cannot be placed is named in a warning.
            func writePlaced<Record: Annotation & FragmentedSpan>(_ records: [Record],
                                                                  _ item: (Record, [PlacedSpan], inout JSONWriter) -> Void) {
                for record in records {
                    let spans = session.placedFragments(record, warnings: &warnings)
                    guard !spans.isEmpty else {
                        warnings.append("\(record.id) left out: \(Self.unplacedReason(record.anchor))")
                        continue
                    }
                    item(record, spans, &json)
                    total += 1
                    json.flush(to: &output)
                }
            }
            writePlaced(session.orderedClaims, builder.claim)
            writePlaced(session.orderedMentions, builder.mention)
            for stance in session.orderedStances {
                let spans = stance.evidence.compactMap(session.placed)
                if spans.count < stance.evidence.count {
                    warnings.append("\(stance.id): \(stance.evidence.count - spans.count) of its evidence spans left out (orphaned or out of bounds)")
                }
                builder.stance(stance, spans, to: &json)
                total += 1
                json.flush(to: &output)
            }
            for relation in session.orderedRelations {
                builder.relation(relation, to: &json)
                total += 1
                json.flush(to: &output)
            }
            let annotations = total
            // Review decisions, each an annotation assessing the annotation it decides on.
            func decisions(_ item: some Annotation) {
                for (index, decision) in (item.review?.decisions ?? []).enumerated() {
                    builder.decision(decision, number: index + 1, on: item.id, to: &json)
                    total += 1
                }
                json.flush(to: &output)
            }
            for claim in session.orderedClaims where session.placed(claim.anchor) != nil { decisions(claim) }
            for mention in session.orderedMentions where session.placed(mention.anchor) != nil { decisions(mention) }
            session.orderedStances.forEach(decisions)
            session.orderedRelations.forEach(decisions)
            json.endArray()
            json.field("startIndex", 0)
            json.field("type", "AnnotationPage")
            json.endObject()
            json.field("id", collectionID)
            json.field("label", "ClaimDesk session " + builder.ids.session)
            json.field("total", total)
            json.field("type", "AnnotationCollection")
            json.endObject()
            json.appendRaw(0x0A)
            json.flush(to: &output, force: true)
            return ExportSummary(count: annotations, warnings: warnings)
        }
        // Nothing to write but the warnings of what was left out.
        for claim in session.orderedClaims { warnings.append("\(claim.id) left out: \(Self.unplacedReason(claim.anchor))") }
        for mention in session.orderedMentions { warnings.append("\(mention.id) left out: \(Self.unplacedReason(mention.anchor))") }
        json.field("id", collectionID)
        json.field("label", "ClaimDesk session " + builder.ids.session)
        json.field("total", 0)
        json.field("type", "AnnotationCollection")
        json.endObject()
        json.appendRaw(0x0A)
        json.flush(to: &output, force: true)
        return ExportSummary(count: 0, warnings: warnings)
    }

    /// Whether the collection has an annotation to list: a stance or relation (always written),
    /// or a claim or mention that can be placed in its text.
    static func hasItems(_ session: Session) -> Bool {
        !session.stances.isEmpty || !session.relations.isEmpty
            || session.claims.values.contains { session.placed($0.anchor) != nil }
            || session.mentions.values.contains { session.placed($0.anchor) != nil }
    }

    static func unplacedReason(_ anchor: Anchor) -> String {
        anchor.isOrphaned ? "its quote is not in the article's current text (orphaned)" : "its span is outside its article's text"
    }

    /// Writes the JSON of each annotation, keys in sorted order, straight into the writer.
    struct Builder {
        let session: Session
        let ids: ExportIdentifiers
        /// Each article's language where its script names one, detected once per export.
        let languages: [AnnotationID: ScriptLanguage]
        /// What a target names as its source: the article's web address, else the hash of its text, made once per export.
        let sources: [AnnotationID: String]
        /// When the session was last changed, as every annotation's `generated` says it.
        let generated: String
        /// The values annotations repeat (sources with their registry entries, analysts, labels),
        /// written once per depth and copied after that.
        let repeated = JSONFragmentCache<Repeated>()

        /// A value that many annotations hold, by what it is made of.
        enum Repeated: Hashable {
            case agent(String)
            case generator
            case source(AnnotationID, purpose: String, prefix: String)
            case label(String, purpose: String)
        }

        init(session: Session, ids: ExportIdentifiers) {
            self.session = session
            self.ids = ids
            generated = session.modified.description
            var languages: [AnnotationID: ScriptLanguage] = [:]
            var sources: [AnnotationID: String] = [:]
            for article in session.articles.values {
                languages[article.id] = article.detectedLanguage
                sources[article.id] = ArticleCredit.webLink(article) ?? ExportIdentifiers.articleSource(article)
            }
            self.languages = languages
            self.sources = sources
        }

        func agent(_ name: String, to json: inout JSONWriter) {
            json.value(cachedAs: .agent(name), in: repeated) { json in writeAgent(name, to: &json) }
        }

        private func writeAgent(_ name: String, to json: inout JSONWriter) {
            json.beginObject()
            json.field("id", ids.analyst(name))
            json.field("name", name)
            json.field("nickname", name)
            json.field("type", "Person")
            json.endObject()
        }

        func generator(to json: inout JSONWriter) {
            json.value(cachedAs: .generator, in: repeated, Self.writeGenerator)
        }

        private static func writeGenerator(to json: inout JSONWriter) {
            json.beginObject()
            json.field("id", "urn:claimdesk:software")
            json.field("name", "ClaimDesk")
            json.field("nickname", "claimdesk")
            json.field("type", "Software")
            json.endObject()
        }

        /// One value as itself, several as an array (JSON-LD's way); `count` says how many `write` writes.
        static func oneOrMany(_ count: Int, to json: inout JSONWriter, _ write: (inout JSONWriter) -> Void) {
            if count == 1 { return write(&json) }
            json.beginArray()
            write(&json)
            json.endArray()
        }

        /// The properties every annotation has; `body` writes `bodies` values, `target` one.
        func annotation(_ id: AnnotationID, motivation: String, author: String, created: Timestamp, modified: Timestamp,
                        bodies: Int, to json: inout JSONWriter,
                        body: (inout JSONWriter) -> Void, target: (inout JSONWriter) -> Void) {
            json.beginObject()
            json.field("@context", W3CExporter.context)
            json.key("body")
            Self.oneOrMany(bodies, to: &json, body)
            json.key("created")
            json.timestamp(created)
            json.key("creator")
            agent(author, to: &json)
            json.field("generated", generated)
            json.key("generator")
            generator(to: &json)
            json.field("id", ids.annotation(id))
            json.key("modified")
            json.timestamp(modified)
            json.field("motivation", motivation)
            json.key("target")
            target(&json)
            json.field("type", "Annotation")
            json.endObject()
        }

        /// A textual body of a label (a kind, a verdict, a tag), which many annotations share.
        func label(_ value: String, purpose: String, to json: inout JSONWriter) {
            json.value(cachedAs: .label(value, purpose: purpose), in: repeated) { json in text(value, purpose: purpose, to: &json) }
        }

        func text(_ value: String, purpose: String, to json: inout JSONWriter) {
            json.beginObject()
            json.field("format", "text/plain")
            json.field("purpose", purpose)
            json.field("type", "TextualBody")
            json.field("value", value)
            json.endObject()
        }

        /// A textual body naming a source (`value` is `prefix` + its name), carrying the source's
        /// registry entry under ``W3CExporter/sourceProperty`` so an import can recreate it.
        func source(_ id: AnnotationID, purpose: String, prefix: String = "", to json: inout JSONWriter) {
            json.value(cachedAs: .source(id, purpose: purpose, prefix: prefix), in: repeated) { json in
                writeSource(id, purpose: purpose, prefix: prefix, to: &json)
            }
        }

        private func writeSource(_ id: AnnotationID, purpose: String, prefix: String, to json: inout JSONWriter) {
            guard let source = session.sources[id] else { return text(prefix + id.rawValue, purpose: purpose, to: &json) }
            json.beginObject()
            json.field("format", "text/plain")
            json.field("purpose", purpose)
            json.field("type", "TextualBody")
            json.key(W3CExporter.sourceProperty)
            json.beginObject()
            json.key("@context")
            json.beginObject()
            json.field("@vocab", W3CExporter.vocabulary)
            json.endObject()
            if !source.aliases.isEmpty { json.field("aliases", source.aliases) }
            json.key("created")
            json.timestamp(source.created)
            json.key("creator")
            agent(source.author, to: &json)
            json.field("id", ids.annotation(id))
            json.field("kind", source.kind)
            json.field("name", source.name)
            json.field("role", source.role)
            json.field("type", "Source")
            json.endObject()
            json.field("value", prefix + source.name)
            json.endObject()
        }

        /// Tags (purpose tagging) and notes (purpose commenting, with their own author and time).
        func tagsAndNotes(_ tags: [String], _ notes: [Note], to json: inout JSONWriter) {
            for tag in tags { label(tag, purpose: "tagging", to: &json) }
            for note in notes {
                json.beginObject()
                json.key("created")
                json.timestamp(note.created)
                json.key("creator")
                agent(note.author, to: &json)
                json.field("format", "text/plain")
                json.field("purpose", "commenting")
                json.field("type", "TextualBody")
                json.field("value", note.text)
                json.endObject()
            }
        }

        /// A span of an article; a claim's cue is one too, with a purpose and ClaimDesk's role `cue`.
        func target(_ span: PlacedSpan, cue: Bool = false, to json: inout JSONWriter) {
            // The article's language and direction, where its script names one (Arabic, Persian, Urdu).
            let language = languages[span.article.id]
            json.beginObject()
            if let language { json.field("language", language.rawValue) }
            if cue { json.field("purpose", "describing") }
            json.key("selector")
            json.beginArray()
            json.beginObject()
            // The quote and its context straight from the text's code points, without a string of each.
            let text = span.article.content
            json.key("exact")
            json.string(text.scalars[span.range])
            let prefix = span.prefixRange, suffix = span.suffixRange
            if !prefix.isEmpty {
                json.key("prefix")
                json.string(text.scalars[prefix])
            }
            if !suffix.isEmpty {
                json.key("suffix")
                json.string(text.scalars[suffix])
            }
            json.field("type", "TextQuoteSelector")
            json.endObject()
            json.beginObject()
            json.field("end", span.range.upperBound)
            json.field("start", span.range.lowerBound)
            json.field("type", "TextPositionSelector")
            json.endObject()
            json.endArray()
            json.field("source", sources[span.article.id] ?? ExportIdentifiers.articleSource(span.article))
            if let language { json.field("textDirection", language.isRightToLeft ? "rtl" : "ltr") }
            json.field("type", "SpecificResource")
            if cue { json.field(W3CExporter.roleProperty, W3CExporter.cueRole) }
            json.endObject()
        }

        func targets(_ spans: [PlacedSpan], to json: inout JSONWriter) {
            Self.oneOrMany(spans.count, to: &json) { json in
                for span in spans { target(span, to: &json) }
            }
        }

        /// A claim; a span in fragments has one target per fragment, in text order.
        func claim(_ claim: Claim, _ spans: [PlacedSpan], to json: inout JSONWriter) {
            let cue = claim.cue.flatMap(session.placed)
            let bodies = 2 + (claim.checkWorthy == nil ? 0 : 1) + (claim.claimant == nil ? 0 : 1) + claim.via.count
                + (cue == nil ? 0 : 1) + claim.tags.count + claim.notes.count
            annotation(claim.id, motivation: "classifying", author: claim.author, created: claim.created,
                       modified: claim.modified, bodies: bodies, to: &json) { json in
                label(claim.kind, purpose: "classifying", to: &json)
                if let worthy = claim.checkWorthy { label(worthy ? "check-worthy" : "not-check-worthy", purpose: "classifying", to: &json) }
                label(claim.verdict, purpose: "assessing", to: &json)
                if let claimant = claim.claimant { source(claimant, purpose: "identifying", to: &json) }
                for relay in claim.via { source(relay, purpose: "describing", prefix: "via ", to: &json) }
                // The reporting words: a body that is a span of the same article, marked as the cue.
                if let cue { target(cue, cue: true, to: &json) }
                tagsAndNotes(claim.tags, claim.notes, to: &json)
            } target: { json in
                targets(spans, to: &json)
            }
        }

        func mention(_ mention: Mention, _ spans: [PlacedSpan], to json: inout JSONWriter) {
            annotation(mention.id, motivation: "identifying", author: mention.author, created: mention.created,
                       modified: mention.modified, bodies: 1 + mention.tags.count + mention.notes.count, to: &json) { json in
                source(mention.source, purpose: "identifying", to: &json)
                tagsAndNotes(mention.tags, mention.notes, to: &json)
            } target: { json in
                targets(spans, to: &json)
            }
        }

        /// The resource a linking body points at: a claim's annotation, or a proposition with its text.
        func linked(_ id: AnnotationID, to json: inout JSONWriter) {
            json.beginObject()
            json.field("purpose", "linking")
            json.key("source")
            if let proposition = session.propositions[id] {
                json.beginObject()
                json.key("created")
                json.timestamp(proposition.created)
                json.key("creator")
                agent(proposition.author, to: &json)
                json.field("format", "text/plain")
                json.field("id", ids.annotation(id))
                json.key("modified")
                json.timestamp(proposition.modified)
                json.field("type", "TextualBody")
                json.field("value", proposition.text)
                json.endObject()
            } else {
                json.string(ids.annotation(id))
            }
            json.field("type", "SpecificResource")
            json.endObject()
        }

        func stance(_ stance: Stance, _ spans: [PlacedSpan], to json: inout JSONWriter) {
            annotation(stance.id, motivation: "assessing", author: stance.author, created: stance.created,
                       modified: stance.modified, bodies: 3 + stance.tags.count + stance.notes.count, to: &json) { json in
                label(stance.label, purpose: "assessing", to: &json)
                source(stance.holder, purpose: "identifying", to: &json)
                linked(stance.target, to: &json)
                tagsAndNotes(stance.tags, stance.notes, to: &json)
            } target: { json in
                // Without evidence in the text, the stance is about its target itself.
                if spans.isEmpty { json.string(ids.annotation(stance.target)) } else { targets(spans, to: &json) }
            }
        }

        /// A review decision: an annotation with motivation `assessing` whose target is the annotation
        /// decided on, its body the status (`accepted`, `rejected`, `open`) and the comment, its
        /// creator the reviewer.
        func decision(_ decision: ReviewDecision, number: Int, on id: AnnotationID, to json: inout JSONWriter) {
            annotation(AnnotationID("\(id.rawValue)-review-\(number)"), motivation: "assessing", author: decision.reviewer,
                       created: decision.time, modified: decision.time, bodies: decision.comment == nil ? 1 : 2, to: &json) { json in
                label(decision.status.rawValue, purpose: "assessing", to: &json)
                if let comment = decision.comment { text(comment, purpose: "commenting", to: &json) }
            } target: { json in
                json.string(ids.annotation(id))
            }
        }

        func relation(_ relation: Relation, to json: inout JSONWriter) {
            annotation(relation.id, motivation: "linking", author: relation.author, created: relation.created,
                       modified: relation.modified, bodies: 2 + relation.tags.count + relation.notes.count, to: &json) { json in
                linked(relation.to, to: &json)
                label(relation.type, purpose: "classifying", to: &json)
                tagsAndNotes(relation.tags, relation.notes, to: &json)
            } target: { json in
                json.string(ids.annotation(relation.from))
            }
        }
    }
}
