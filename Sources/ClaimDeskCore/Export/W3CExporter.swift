import Foundation

/// A session as a W3C Web Annotation `AnnotationCollection` (JSON-LD, `http://www.w3.org/ns/anno.jsonld`).
///
/// Claims, mentions, stances and relations become annotations; sources, labels, tags and notes
/// become their bodies; every span is a `SpecificResource` on the article (`urn:sha256:…` of its
/// text) with a `TextQuoteSelector` and a `TextPositionSelector` counting code points.
/// The mapping is documented in `docs/exports.md`.
public struct W3CExporter: SessionExporter {
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

    public func export(_ session: Session) throws(ExportError) -> ExportResult {
        guard !session.articles.isEmpty else { throw .noArticles }
        let builder = Builder(session: session, ids: try ExportIdentifiers(session))
        // Each annotation is written as soon as it is built: the collection is never held whole.
        var items = JSONOutput.ArrayStream(depth: 2)
        var warnings: [String] = []

        for claim in session.orderedClaims {
            guard let span = session.placed(claim.anchor) else {
                warnings.append("\(claim.id) left out: \(Self.unplacedReason(claim.anchor))")
                continue
            }
            items.append(builder.claim(claim, span))
        }
        for mention in session.orderedMentions {
            guard let span = session.placed(mention.anchor) else {
                warnings.append("\(mention.id) left out: \(Self.unplacedReason(mention.anchor))")
                continue
            }
            items.append(builder.mention(mention, span))
        }
        for stance in session.orderedStances {
            let spans = stance.evidence.compactMap(session.placed)
            if spans.count < stance.evidence.count {
                warnings.append("\(stance.id): \(stance.evidence.count - spans.count) of its evidence spans left out (orphaned or out of bounds)")
            }
            items.append(builder.stance(stance, spans))
        }
        for relation in session.orderedRelations {
            items.append(builder.relation(relation))
        }
        let annotations = items.count
        // Review decisions, each an annotation assessing the annotation it decides on.
        func decisions(_ item: some Annotation) {
            for (index, decision) in (item.review?.decisions ?? []).enumerated() {
                items.append(builder.decision(decision, number: index + 1, on: item.id))
            }
        }
        for claim in session.orderedClaims where session.placed(claim.anchor) != nil { decisions(claim) }
        for mention in session.orderedMentions where session.placed(mention.anchor) != nil { decisions(mention) }
        session.orderedStances.forEach(decisions)
        session.orderedRelations.forEach(decisions)

        let collectionID = builder.ids.local("collection")
        var collection: [String: JSONValue] = [
            "@context": .string(Self.context),
            "id": .string(collectionID),
            "type": "AnnotationCollection",
            "label": .string("ClaimDesk session " + builder.ids.session),
            "total": .int(items.count),
        ]
        guard items.count > 0 else {
            return ExportResult(payload: .file(JSONOutput.encode(.object(collection))), count: 0, warnings: warnings)
        }
        collection["first"] = .object([
            "@context": .string(Self.context),
            "id": .string(builder.ids.local("page1")),
            "type": "AnnotationPage",
            "startIndex": .int(0),
        ])
        return ExportResult(payload: .file(JSONOutput.encode(collection, streaming: items, at: ["first", "items"])),
                            count: annotations, warnings: warnings)
    }

    static func unplacedReason(_ anchor: Anchor) -> String {
        anchor.isOrphaned ? "its quote is not in the article's current text (orphaned)" : "its span is outside its article's text"
    }

    /// Builds the JSON of each annotation.
    struct Builder {
        let session: Session
        let ids: ExportIdentifiers
        /// Each article's language where its script names one, detected once per export.
        let languages: [AnnotationID: ScriptLanguage]

        init(session: Session, ids: ExportIdentifiers) {
            self.session = session
            self.ids = ids
            var languages: [AnnotationID: ScriptLanguage] = [:]
            for article in session.articles.values { languages[article.id] = article.detectedLanguage }
            self.languages = languages
        }

        func agent(_ name: String) -> JSONValue {
            .object(["id": .string(ids.analyst(name)), "type": "Person", "name": .string(name), "nickname": .string(name)])
        }

        static let generator: JSONValue = .object([
            "id": "urn:claimdesk:software", "type": "Software", "name": "ClaimDesk", "nickname": "claimdesk",
        ])

        /// The properties every annotation has.
        func annotation(_ id: AnnotationID, motivation: String, author: String, created: Timestamp, modified: Timestamp,
                        body: [JSONValue], target: JSONValue) -> JSONValue {
            .object([
                "@context": .string(W3CExporter.context),
                "id": .string(ids.annotation(id)),
                "type": "Annotation",
                "motivation": .string(motivation),
                "creator": agent(author),
                "created": .string(created.description),
                "modified": .string(modified.description),
                "generator": Self.generator,
                "generated": .string(session.modified.description),
                "body": .oneOrMany(body),
                "target": target,
            ])
        }

        func text(_ value: String, purpose: String) -> JSONValue {
            .object(["type": "TextualBody", "purpose": .string(purpose), "value": .string(value), "format": "text/plain"])
        }

        /// A textual body naming a source (`value` is `prefix` + its name), carrying the source's
        /// registry entry under ``W3CExporter/sourceProperty`` so an import can recreate it.
        func source(_ id: AnnotationID, purpose: String, prefix: String = "") -> JSONValue {
            guard let source = session.sources[id] else { return text(prefix + id.rawValue, purpose: purpose) }
            var entry: [String: JSONValue] = [
                "@context": .object(["@vocab": .string(W3CExporter.vocabulary)]),
                "id": .string(ids.annotation(id)),
                "type": "Source",
                "name": .string(source.name),
                "kind": .string(source.kind),
                "creator": agent(source.author),
                "created": .string(source.created.description),
            ]
            if !source.aliases.isEmpty { entry["aliases"] = .array(source.aliases.map(JSONValue.string)) }
            if let role = source.role { entry["role"] = .string(role) }
            return .object(["type": "TextualBody", "purpose": .string(purpose), "value": .string(prefix + source.name),
                            "format": "text/plain", W3CExporter.sourceProperty: .object(entry)])
        }

        /// Tags (purpose tagging) and notes (purpose commenting, with their own author and time).
        func tagsAndNotes(_ tags: [String], _ notes: [Note]) -> [JSONValue] {
            tags.map { text($0, purpose: "tagging") } + notes.map { note in
                .object([
                    "type": "TextualBody", "purpose": "commenting", "value": .string(note.text), "format": "text/plain",
                    "creator": agent(note.author), "created": .string(note.created.description),
                ])
            }
        }

        func target(_ span: PlacedSpan) -> JSONValue {
            var quote: [String: JSONValue] = ["type": "TextQuoteSelector", "exact": .string(span.exact)]
            if !span.prefix.isEmpty { quote["prefix"] = .string(span.prefix) }
            if !span.suffix.isEmpty { quote["suffix"] = .string(span.suffix) }
            var target: [String: JSONValue] = [
                "type": "SpecificResource",
                "source": .string(ArticleCredit.webLink(span.article) ?? ExportIdentifiers.articleSource(span.article)),
                "selector": .array([
                    .object(quote),
                    .object(["type": "TextPositionSelector", "start": .int(span.range.lowerBound), "end": .int(span.range.upperBound)]),
                ]),
            ]
            // The article's language and direction, where its script names one (Arabic, Persian, Urdu).
            if let language = languages[span.article.id] {
                target["language"] = .string(language.rawValue)
                target["textDirection"] = language.isRightToLeft ? "rtl" : "ltr"
            }
            return .object(target)
        }

        func claim(_ claim: Claim, _ span: PlacedSpan) -> JSONValue {
            var body = [text(claim.kind, purpose: "classifying")]
            if let worthy = claim.checkWorthy { body.append(text(worthy ? "check-worthy" : "not-check-worthy", purpose: "classifying")) }
            body.append(text(claim.verdict, purpose: "assessing"))
            if let claimant = claim.claimant { body.append(source(claimant, purpose: "identifying")) }
            for relay in claim.via { body.append(source(relay, purpose: "describing", prefix: "via ")) }
            if let cue = claim.cue.flatMap(session.placed), case .object(var resource) = target(cue) {
                // The reporting words: a body that is a span of the same article, marked as the cue.
                resource["purpose"] = "describing"
                resource[W3CExporter.roleProperty] = .string(W3CExporter.cueRole)
                body.append(.object(resource))
            }
            body += tagsAndNotes(claim.tags, claim.notes)
            return annotation(claim.id, motivation: "classifying", author: claim.author, created: claim.created,
                              modified: claim.modified, body: body, target: target(span))
        }

        func mention(_ mention: Mention, _ span: PlacedSpan) -> JSONValue {
            let body = [source(mention.source, purpose: "identifying")]
                + tagsAndNotes(mention.tags, mention.notes)
            return annotation(mention.id, motivation: "identifying", author: mention.author, created: mention.created,
                              modified: mention.modified, body: body, target: target(span))
        }

        /// The resource a linking body points at: a claim's annotation, or a proposition with its text.
        func linked(_ id: AnnotationID) -> JSONValue {
            if let proposition = session.propositions[id] {
                return .object([
                    "type": "SpecificResource", "purpose": "linking",
                    "source": .object(["id": .string(ids.annotation(id)), "type": "TextualBody",
                                       "value": .string(proposition.text), "format": "text/plain",
                                       "creator": agent(proposition.author), "created": .string(proposition.created.description),
                                       "modified": .string(proposition.modified.description)]),
                ])
            }
            return .object(["type": "SpecificResource", "purpose": "linking", "source": .string(ids.annotation(id))])
        }

        func stance(_ stance: Stance, _ spans: [PlacedSpan]) -> JSONValue {
            let body = [text(stance.label, purpose: "assessing"),
                        source(stance.holder, purpose: "identifying"),
                        linked(stance.target)] + tagsAndNotes(stance.tags, stance.notes)
            // Without evidence in the text, the stance is about its target itself.
            let target: JSONValue = spans.isEmpty ? .string(ids.annotation(stance.target)) : .oneOrMany(spans.map(target))
            return annotation(stance.id, motivation: "assessing", author: stance.author, created: stance.created,
                              modified: stance.modified, body: body, target: target)
        }

        /// A review decision: an annotation with motivation `assessing` whose target is the annotation
        /// decided on, its body the status (`accepted`, `rejected`, `open`) and the comment, its
        /// creator the reviewer.
        func decision(_ decision: ReviewDecision, number: Int, on id: AnnotationID) -> JSONValue {
            var body = [text(decision.status.rawValue, purpose: "assessing")]
            if let comment = decision.comment { body.append(text(comment, purpose: "commenting")) }
            return annotation(AnnotationID("\(id.rawValue)-review-\(number)"), motivation: "assessing", author: decision.reviewer,
                              created: decision.time, modified: decision.time, body: body, target: .string(ids.annotation(id)))
        }

        func relation(_ relation: Relation) -> JSONValue {
            let body = [linked(relation.to), text(relation.type, purpose: "classifying")]
                + tagsAndNotes(relation.tags, relation.notes)
            return annotation(relation.id, motivation: "linking", author: relation.author, created: relation.created,
                              modified: relation.modified, body: body, target: .string(ids.annotation(relation.from)))
        }
    }
}
