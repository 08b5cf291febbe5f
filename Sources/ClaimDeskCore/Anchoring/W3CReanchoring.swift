/// Re-anchors a W3C Web Annotation document onto a new text, as
/// `claimdesk reanchor` does, without touching files (the executable reads and writes them).
///
/// Accepted shapes: an AnnotationCollection or AnnotationPage (`items`, or
/// `first.items`), a JSON-LD `@graph`, a bare JSON array of annotations, or a
/// single annotation. `target` and `selector` may each be one object or an
/// array. Everything the engine does not use is kept as it was.
///
/// A placed annotation gets its TextQuoteSelector (`exact`, `prefix`, `suffix`,
/// with as many code points of context as the input had, or 32) and its
/// TextPositionSelector (`start`, `end`) rewritten; a TextPositionSelector is
/// added when the target had none. An orphaned annotation is left exactly as
/// it was: its stored quote still says what it was about, and a client that
/// checks the quote (as Hypothesis does) will not place it on other text. The
/// report says which annotations are orphans.
public enum W3CReanchoring {
    /// Context length used when the input has none.
    public static let defaultContextLength = Anchor.contextLength

    public struct Outcome: Sendable {
        /// The document with every placed annotation updated.
        public var document: JSONValue
        /// One line per annotation, in document order.
        public var report: [ReanchorReportLine]
    }

    /// Why a document cannot be re-anchored at all.
    public enum DocumentError: Error, Equatable, Sendable {
        case noAnnotations
        case noQuoteSelectors(count: Int)
        case pageByReference(String)

        public var message: String {
            switch self {
            case .noAnnotations:
                "no annotations found; give a W3C AnnotationCollection or AnnotationPage (with items), a JSON array of annotations, or one annotation"
            case .noQuoteSelectors(let n):
                (n == 1 ? "the annotation has no TextQuoteSelector" : "none of the \(n) annotations has a TextQuoteSelector")
                    + ", so there is no quoted text to look for; export \(n == 1 ? "it" : "them") with quote selectors"
            case .pageByReference(let iri):
                "the collection's first page is only a link (\(iri)); fetch the pages and give them inline (first.items) or as a JSON array"
            }
        }
    }

    public static func reanchor(_ document: JSONValue, onto text: String) throws(DocumentError) -> Outcome {
        try reanchor(document, with: Reanchorer(text: text))
    }

    public static func reanchor(_ document: JSONValue, with reanchorer: Reanchorer) throws(DocumentError) -> Outcome {
        var doc = document
        var annotations: [JSONValue]
        var put: (inout JSONValue, [JSONValue]) -> Void
        switch doc {
        case .array(let items):
            annotations = items
            put = { d, a in d = .array(a) }
        case .object(let o):
            if let items = o["items"]?.arrayValue {
                annotations = items
                put = { d, a in d["items"] = .array(a) }
            } else if let first = o["first"] {
                if let iri = first.stringValue { throw .pageByReference(iri) }
                guard let items = first["items"]?.arrayValue else { throw .noAnnotations }
                annotations = items
                put = { d, a in
                    var page = d["first"] ?? .object([:])
                    page["items"] = .array(a)
                    d["first"] = page
                }
            } else if let graph = o["@graph"]?.arrayValue {
                annotations = graph
                put = { d, a in d["@graph"] = .array(a) }
            } else if o["target"] != nil || isAnnotationType(o["type"]) {
                annotations = [doc]
                put = { d, a in d = a[0] }
            } else {
                throw .noAnnotations
            }
        default:
            throw .noAnnotations
        }
        guard !annotations.isEmpty else { throw .noAnnotations }

        // Gather every text target first, so the engine can place them all together; a claim's
        // cue (a body marked with ClaimDesk's role `cue`) moves with it but is not reported.
        struct Site { var annotation: Int; var field: String; var index: Int?; var query: AnchorQuery; var context: Int }
        var sites: [Site] = []
        var firstSite: [Int?] = Array(repeating: nil, count: annotations.count)
        for (a, annotation) in annotations.enumerated() {
            for field in ["target", "body"] {
                for (t, resource) in (annotation[field]?.asList ?? []).enumerated() {
                    if field == "body", resource[W3CExporter.roleProperty]?.stringValue != W3CExporter.cueRole { continue }
                    guard let (quote, position) = textSelectors(resource) else { continue }
                    let exact = quote["exact"]?.stringValue ?? ""
                    let prefix = quote["prefix"]?.stringValue ?? ""
                    let suffix = quote["suffix"]?.stringValue ?? ""
                    let context = max(prefix.unicodeScalars.count, suffix.unicodeScalars.count)
                    let query = AnchorQuery(start: position?["start"]?.intValue, end: position?["end"]?.intValue,
                                            exact: exact, prefix: prefix, suffix: suffix)
                    if field == "target", firstSite[a] == nil { firstSite[a] = sites.count }
                    sites.append(Site(annotation: a, field: field, index: annotation[field]?.arrayValue == nil ? nil : t,
                                      query: query, context: context == 0 ? defaultContextLength : context))
                }
            }
        }
        guard firstSite.contains(where: { $0 != nil }) else { throw .noQuoteSelectors(count: annotations.count) }

        let results = reanchorer.locateAll(sites.map(\.query))
        for (site, result) in zip(sites, results) {
            guard let range = result.range else { continue }
            let q = reanchorer.selectors(for: range, contextLength: site.context)
            var annotation = annotations[site.annotation]
            guard let whole = annotation[site.field] else { continue }
            let list = whole.arrayValue
            guard var resource = site.index.flatMap({ list?[$0] }) ?? (site.index == nil ? whole : nil),
                  let selector = resource["selector"] else { continue }
            resource["selector"] = updatedSelectors(selector, range: range, quote: q)
            if let t = site.index, var items = list {
                items[t] = resource
                annotation[site.field] = .array(items)
            } else {
                annotation[site.field] = resource
            }
            annotations[site.annotation] = annotation
        }
        put(&doc, annotations)

        var report: [ReanchorReportLine] = []
        for (a, annotation) in annotations.enumerated() {
            let id = annotation["id"]?.stringValue ?? annotation["@id"]?.stringValue
            guard let s = firstSite[a] else {
                report.append(ReanchorReportLine(index: a, id: id, resolution: nil))
                continue
            }
            report.append(ReanchorReportLine(index: a, id: id, resolution: results[s]))
        }
        return Outcome(document: doc, report: report)
    }

    private static func isAnnotationType(_ type: JSONValue?) -> Bool {
        type?.asList.contains { $0.stringValue == "Annotation" || $0.stringValue == "oa:Annotation" } ?? false
    }

    private static func hasType(_ selector: JSONValue, _ name: String) -> Bool {
        selector["type"]?.asList.contains { $0.stringValue == name || $0.stringValue == "oa:" + name } ?? false
    }

    /// The target's TextQuoteSelector and TextPositionSelector.
    private static func textSelectors(_ target: JSONValue) -> (JSONValue, JSONValue?)? {
        guard let selector = target["selector"] else { return nil }
        let list = selector.asList
        guard let quote = list.first(where: { hasType($0, "TextQuoteSelector") }) else { return nil }
        return (quote, list.first(where: { hasType($0, "TextPositionSelector") }))
    }

    private static func updatedSelectors(_ selector: JSONValue, range: Range<Int>,
                                         quote: (exact: String, prefix: String, suffix: String)) -> JSONValue {
        var list = selector.asList
        var sawPosition = false
        for i in list.indices {
            if hasType(list[i], "TextQuoteSelector") {
                list[i]["exact"] = .string(quote.exact)
                list[i]["prefix"] = .string(quote.prefix)
                list[i]["suffix"] = .string(quote.suffix)
            } else if hasType(list[i], "TextPositionSelector") {
                list[i]["start"] = .int(range.lowerBound)
                list[i]["end"] = .int(range.upperBound)
                sawPosition = true
            }
        }
        if !sawPosition {
            list.append(.object(["type": .string("TextPositionSelector"),
                                 "start": .int(range.lowerBound), "end": .int(range.upperBound)]))
        }
        return list.count == 1 && selector.arrayValue == nil ? list[0] : .array(list)
    }
}
