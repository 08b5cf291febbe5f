import Foundation

/// Reads W3C Web Annotations (JSON-LD): one annotation, an array, an `AnnotationPage` or an
/// `AnnotationCollection` with embedded pages, as ClaimDesk's own `w3c` export writes them or as
/// other annotation tools do.
///
/// ClaimDesk's motivations map back to its annotations (`classifying` a claim, `identifying` a
/// mention, `assessing` with a holder and a link a stance, `linking` a relation); any other
/// annotation on a text becomes a claim with the default labels, its comments as notes and its
/// tags as tags. `docs/exports.md` has the full mapping.
public enum W3CImporter {
    /// The annotations of a document; a damaged file is refused with where the fault is
    /// (`it is not JSON at first.items[2].target (line 40, column 7): expected , or } after a value`).
    public static func parse(_ data: Data) throws(ImportError) -> [ImportedAnnotation] {
        let root: JSONValue
        do { root = try JSONValue.parse(Array(data)) } catch {
            throw ImportError("it is not JSON \(error.description)")
        }
        var objects: [JSONValue] = []
        try collect(root, into: &objects)
        guard !objects.isEmpty else {
            throw ImportError("it holds no W3C annotation (an object with \"type\": \"Annotation\", or a page or collection of them)")
        }
        return objects.enumerated().map { index, object in annotation(object, index: index) }
    }

    static func types(_ value: JSONValue) -> [String] {
        (value["type"] ?? value["@type"] ?? .null).asList.compactMap(\.stringValue)
    }

    /// Gathers the annotations of a document, walking pages and collections.
    static func collect(_ value: JSONValue, into objects: inout [JSONValue]) throws(ImportError) {
        switch value {
        case .array(let items):
            for item in items { try collect(item, into: &objects) }
        case .object:
            let kinds = types(value)
            if kinds.contains("Annotation") {
                objects.append(value)
            } else if kinds.contains("AnnotationPage") {
                for item in value["items"]?.asList ?? [] { try collect(item, into: &objects) }
                if let next = value["next"], next.objectValue != nil { try collect(next, into: &objects) }
            } else if kinds.contains("AnnotationCollection") {
                guard let first = value["first"] else { return }
                guard first.objectValue != nil else {
                    throw ImportError("the collection's pages are not in the file (\"first\" is only an address); save the pages themselves")
                }
                try collect(first, into: &objects)
            }
        default:
            break
        }
    }

    struct TextBody {
        var purpose: String?
        var value: String
        var creator: String?
        var created: Timestamp?
    }

    struct LinkBody {
        var purpose: String?
        var iri: String
        /// The text of an embedded resource (a proposition).
        var text: String?
    }

    static func agentName(_ value: JSONValue?) -> String? {
        guard let value else { return nil }
        if let name = value.stringValue { return lastPart(name) }
        if let first = value.arrayValue?.first { return agentName(first) }
        return (value["name"]?.asList.first?.stringValue ?? value["nickname"]?.stringValue ?? value["id"]?.stringValue.map(lastPart))
    }

    /// The last segment of an IRI (`c3` of `urn:claimdesk:harbor:c3`, `abc` of `https://x/abc`).
    static func lastPart(_ iri: String) -> String {
        let decoded = iri.removingPercentEncoding ?? iri
        if let cut = decoded.lastIndex(where: { $0 == "/" || $0 == ":" || $0 == "#" }), cut != decoded.index(before: decoded.endIndex) {
            return String(decoded[decoded.index(after: cut)...])
        }
        return decoded
    }

    static func time(_ value: JSONValue?) -> Timestamp? {
        value?.stringValue.flatMap { Timestamp(iso8601: $0) }
    }

    /// A target's span, if it selects text with a TextQuoteSelector or a TextPositionSelector.
    static func span(_ target: JSONValue) -> ImportedSpan? {
        guard target.objectValue != nil else { return nil }
        var sha: String? = nil
        let source = target["source"]?.stringValue ?? target["source"]?["id"]?.stringValue
        if let source, source.lowercased().hasPrefix("urn:sha256:") { sha = String(source.dropFirst("urn:sha256:".count)).lowercased() }
        var quote = TextQuote(exact: "")
        var found = false
        for selector in target["selector"]?.asList ?? [] {
            let kinds = types(selector)
            if kinds.contains("TextQuoteSelector"), let exact = selector["exact"]?.stringValue {
                quote.exact = exact
                quote.prefix = selector["prefix"]?.stringValue
                quote.suffix = selector["suffix"]?.stringValue
                found = true
            } else if kinds.contains("TextPositionSelector"), let start = selector["start"]?.intValue, let end = selector["end"]?.intValue {
                quote.start = start
                quote.end = end
                found = true
            }
        }
        return found ? ImportedSpan(quote: quote, textSHA256: sha) : nil
    }

    static func annotation(_ object: JSONValue, index: Int) -> ImportedAnnotation {
        let ref = object["id"]?.stringValue ?? object["@id"]?.stringValue ?? "annotation \(index + 1)"
        let motivation = object["motivation"]?.asList.first?.stringValue
        var texts: [TextBody] = []
        var links: [LinkBody] = []
        var sources: [ImportedSource] = []
        var propositions: [ImportedProposition] = []
        var cue: ImportedSpan?
        if let value = object["bodyValue"]?.stringValue { texts.append(TextBody(purpose: "commenting", value: value)) }
        for body in object["body"]?.asList ?? [] {
            if let iri = body.stringValue {
                links.append(LinkBody(purpose: nil, iri: iri))
                continue
            }
            let purpose = body["purpose"]?.asList.first?.stringValue
            if body[W3CExporter.roleProperty]?.stringValue == W3CExporter.cueRole, let span = span(body) {
                cue = span
                continue
            }
            if let value = body["value"]?.stringValue ?? body["chars"]?.stringValue {
                texts.append(TextBody(purpose: purpose, value: value, creator: agentName(body["creator"]), created: time(body["created"])))
                if let entry = body[W3CExporter.sourceProperty].flatMap(sourceEntry) { sources.append(entry) }
            } else if let source = body["source"] {
                if let iri = source.stringValue ?? source["id"]?.stringValue {
                    links.append(LinkBody(purpose: purpose, iri: iri, text: source["value"]?.stringValue))
                    if let text = source["value"]?.stringValue {
                        propositions.append(ImportedProposition(ref: iri, text: text, author: agentName(source["creator"]),
                                                                created: time(source["created"]), modified: time(source["modified"])))
                    }
                }
            } else if let iri = body["id"]?.stringValue {
                links.append(LinkBody(purpose: purpose, iri: iri))
            }
        }
        let targets = object["target"]?.asList ?? []
        let spans = targets.compactMap(span)
        let targetIRIs = targets.compactMap { $0.stringValue ?? ($0["selector"] == nil ? $0["id"]?.stringValue : nil) }

        func values(_ purpose: String) -> [String] { texts.filter { $0.purpose == purpose }.map(\.value) }
        let tags = values("tagging")
        var notes = texts.filter { $0.purpose == "commenting" }.map { ImportedAnnotation.Note(text: $0.value, author: $0.creator, created: $0.created) }

        let kind: ImportedAnnotation.Kind
        let holder = values("identifying").first
        let link = links.first { $0.purpose == "linking" } ?? links.first
        switch (motivation, holder, link) {
        case ("classifying", _, _):
            let classes = values("classifying")
            let worthy = classes.first { $0 == "check-worthy" || $0 == "not-check-worthy" }
            kind = .claim(kind: classes.first { $0 != "check-worthy" && $0 != "not-check-worthy" },
                          verdict: values("assessing").first,
                          checkWorthy: worthy.map { $0 == "check-worthy" },
                          claimant: holder,
                          via: values("describing").map { $0.hasPrefix("via ") ? String($0.dropFirst(4)) : $0 })
        case ("identifying", _, _):
            kind = .mention(source: holder)
        case ("assessing", let holder?, let link?):
            let target: ImportedAnnotation.Target = link.text.map { .proposition(ref: link.iri, text: $0) } ?? .annotation(link.iri)
            kind = .stance(label: values("assessing").first ?? "", holder: holder, target: target)
        case ("assessing", nil, _) where targetIRIs.count == 1 && spans.isEmpty
                && values("assessing").count == 1 && ReviewStatus(rawValue: values("assessing")[0]) != nil:
            // A review decision on another annotation (see the w3c export).
            kind = .review(status: values("assessing")[0], comment: values("commenting").first, on: targetIRIs[0])
            notes = []
        case ("linking", _, let link?) where targetIRIs.count == 1 && spans.isEmpty:
            kind = .relation(type: values("classifying").first ?? "", from: targetIRIs[0], to: link.iri)
        default:
            // Another tool's annotation: a claim with default labels, every text body but tags as a note.
            notes = texts.filter { $0.purpose != "tagging" }.map { .init(text: $0.value, author: $0.creator, created: $0.created) }
            kind = .claim(kind: nil, verdict: nil, checkWorthy: nil, claimant: nil, via: [])
        }
        var item = ImportedAnnotation(
            ref: ref, label: lastPart(ref), kind: kind, spans: spans, tags: tags, notes: notes,
            author: agentName(object["creator"]), created: time(object["created"]), modified: time(object["modified"]),
            sources: sources, propositions: propositions, cue: cue)
        // A time that does not exist is not taken; say so rather than use the import's time silently.
        for field in ["created", "modified"] {
            if let text = object[field]?.stringValue, let why = Timestamp.problem(with: text) {
                item.problems.append("\(item.label): its \(field) \"\(UntrustedText.visible(text))\" is not a time (\(why)); the import's time is used")
            }
        }
        return item
    }

    /// A source's registry entry from a body's `urn:claimdesk:term:source` object; nil without a name.
    static func sourceEntry(_ entry: JSONValue) -> ImportedSource? {
        guard let name = entry["name"]?.stringValue, !name.isEmpty else { return nil }
        return ImportedSource(ref: entry["id"]?.stringValue, name: name, kind: entry["kind"]?.stringValue,
                              aliases: (entry["aliases"]?.asList ?? []).compactMap(\.stringValue),
                              role: entry["role"]?.stringValue, author: agentName(entry["creator"]), created: time(entry["created"]))
    }
}
