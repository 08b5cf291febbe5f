/// Reads one brat standoff document (`NAME.ann`, with `NAME.txt` when present), as ClaimDesk's own
/// `brat` export writes it or as other brat projects do.
///
/// `Claim`, `Mention` and `Evidence` text-bound annotations come back as claims, mentions and stance
/// evidence; `Kind`, `Verdict`, `CheckWorthy` and `Stance` attributes as their labels;
/// `Claimant`, `Via`, `Holder` and `Target` relations (or, more exactly, the parts of the
/// AnnotatorNotes that ClaimDesk writes) as attribution; a `Cue` span that a claim's `HasCue`
/// relation points at as the claim's cue; other relations as relations.
/// Lines of other kinds and entity types ClaimDesk does not have are reported, not guessed at.
public enum BratImporter {
    public struct Document: Equatable, Sendable {
        public var annotations: [ImportedAnnotation]
        /// Lines or annotations left out, one line each, for the import report.
        public var skipped: [String]
    }

    typealias Names = BratExporter.Names

    struct TextBound {
        var id: String
        var type: String
        var fragments: [Range<Int>]
        var text: String
    }

    /// An AnnotatorNotes line as ClaimDesk writes it: `c1 | by: X | via: A → B | tags: a b | note: …`.
    struct NoteParts {
        var id: String?
        var fields: [(key: String, value: String)] = []

        static let keys: Set<String> = ["by", "via", "source", "holder", "target", "tags", "note"]

        init(_ text: String) {
            var parts = text.components(separatedBy: Names.noteSeparator)
            if let first = parts.first, first.range(of: #"^[a-z]+[0-9]+$"#, options: .regularExpression) != nil {
                id = first
                parts.removeFirst()
            }
            for part in parts {
                if let colon = part.range(of: ": "), Self.keys.contains(String(part[..<colon.lowerBound])) {
                    fields.append((String(part[..<colon.lowerBound]), String(part[colon.upperBound...])))
                } else if !fields.isEmpty {
                    fields[fields.count - 1].value += Names.noteSeparator + part
                } else {
                    fields.append(("note", part))
                }
            }
        }

        func first(_ key: String) -> String? { fields.first { $0.key == key }?.value }
        func all(_ key: String) -> [String] { fields.filter { $0.key == key }.map(\.value) }
    }

    /// - Parameters:
    ///   - name: the document's name (the file name without `.ann`), for messages and refs.
    ///   - text: the `.txt` beside it, if there is one.
    public static func parse(ann: String, text: String?, name: String) -> Document {
        var bounds: [TextBound] = []
        var attributes: [String: [String: String]] = [:]
        var relations: [(id: String, type: String, from: String, to: String)] = []
        var notes: [String: NoteParts] = [:]
        var skipped: [String] = []

        for (number, rawLine) in ann.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let line = String(rawLine)
            let columns = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 2, let kind = columns[0].first else { continue }
            let words = columns[1].split(separator: " ").map(String.init)
            switch kind {
            case "T":
                guard let type = words.first, columns.count == 3,
                      let fragments = fragments(columns[1].dropFirst(type.count + 1)) else {
                    skipped.append("\(name) line \(number + 1): not a text-bound annotation brat can read")
                    continue
                }
                bounds.append(TextBound(id: columns[0], type: type, fragments: fragments, text: columns[2]))
            case "A", "M":
                guard words.count >= 2 else { continue }
                attributes[words[1], default: [:]][words[0]] = words.count >= 3 ? words[2] : "yes"
            case "R":
                guard words.count == 3, words[1].hasPrefix("Arg1:"), words[2].hasPrefix("Arg2:") else {
                    skipped.append("\(name) \(columns[0]): a relation without Arg1 and Arg2")
                    continue
                }
                relations.append((columns[0], words[0], String(words[1].dropFirst(5)), String(words[2].dropFirst(5))))
            case "#":
                guard words.count == 2, columns.count == 3 else { continue }
                notes[words[1]] = NoteParts(columns[2])
            default:
                skipped.append("\(name) \(columns[0]): brat \(kind) lines (events, normalisations, equivalences) have no ClaimDesk counterpart")
            }
        }

        let scalars = text.map { Array($0.unicodeScalars) }
        let sha = text.map { SHA256Digest.hex(of: $0) }
        func span(_ bound: TextBound) -> ImportedSpan {
            let start = bound.fragments.first?.lowerBound ?? 0, end = bound.fragments.last?.upperBound ?? 0
            // Offsets come from the file: every fragment must lie in the text before any is sliced.
            if let scalars, bound.fragments.allSatisfy({ $0.upperBound <= scalars.count }), start < end {
                let joined = bound.fragments.map { String(String.UnicodeScalarView(scalars[$0])) }.joined(separator: " ")
                if joined == bound.text {
                    func slice(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[r])) }
                    return ImportedSpan(quote: TextQuote(
                        exact: slice(start..<end),
                        prefix: slice(max(0, start - Anchor.contextLength)..<start),
                        suffix: slice(end..<min(scalars.count, end + Anchor.contextLength)),
                        start: start, end: end), textSHA256: sha)
                }
            }
            return ImportedSpan(quote: TextQuote(exact: bound.text))
        }

        let byID = Dictionary(bounds.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func ref(_ t: String) -> String { name + ":" + t }
        func label(_ t: String) -> String { notes[t]?.id ?? "\(name) \(t)" }
        /// The source a mention T names: its note's `source:`, else its text.
        func mentionSource(_ t: String) -> String? {
            guard let bound = byID[t], bound.type.caseInsensitiveCompare(Names.mention) == .orderedSame else { return nil }
            return notes[t]?.first("source") ?? bound.text
        }
        func related(_ from: String, _ type: String) -> [String] {
            relations.filter { $0.from == from && $0.type == type }.map(\.to)
        }

        // Evidence spans of one stance share the stance's id in their notes.
        var stanceGroups: [String: [TextBound]] = [:]
        var stanceOrder: [String] = []
        var refOfT: [String: String] = [:]
        var claimRefByID: [String: String] = [:]
        for bound in bounds {
            switch bound.type.lowercased() {
            case Names.cue.lowercased():
                // A cue is part of its claim: no ref of its own, and its note names the claim.
                continue
            case Names.evidence.lowercased():
                let key = notes[bound.id]?.id ?? bound.id
                if stanceGroups[key] == nil { stanceOrder.append(key) }
                stanceGroups[key, default: []].append(bound)
                refOfT[bound.id] = ref(stanceGroups[key]?.first?.id ?? bound.id)
            default:
                refOfT[bound.id] = ref(bound.id)
                if let id = notes[bound.id]?.id { claimRefByID[id] = ref(bound.id) }
            }
        }

        var annotations: [ImportedAnnotation] = []
        func common(_ t: String, _ kind: ImportedAnnotation.Kind, _ spans: [ImportedSpan]) -> ImportedAnnotation {
            let parts = notes[t]
            let tags = parts?.all("tags").flatMap { $0.split(separator: " ").map(String.init) } ?? []
            let texts = parts?.all("note").map { ImportedAnnotation.Note(text: $0) } ?? []
            return ImportedAnnotation(ref: refOfT[t] ?? ref(t), label: label(t), kind: kind, spans: spans, tags: tags, notes: texts)
        }

        for bound in bounds {
            let attrs = attributes[bound.id] ?? [:]
            switch bound.type.lowercased() {
            case Names.claim.lowercased():
                let parts = notes[bound.id]
                let claimant = parts?.first("by") ?? related(bound.id, Names.claimant).first.flatMap(mentionSource)
                let via = parts?.first("via").map { $0.components(separatedBy: " → ") }
                    ?? related(bound.id, Names.via).compactMap(mentionSource)
                let worthy = attrs[Names.checkWorthy].map { $0 == "yes" }
                var claim = common(bound.id, .claim(kind: attrs[Names.kind], verdict: attrs[Names.verdict],
                                                    checkWorthy: worthy, claimant: claimant, via: via), [span(bound)])
                let cues = related(bound.id, Names.hasCue).compactMap { byID[$0] }
                    .filter { $0.type.caseInsensitiveCompare(Names.cue) == .orderedSame }
                claim.cue = cues.first.map(span)
                annotations.append(claim)
            case Names.mention.lowercased():
                annotations.append(common(bound.id, .mention(source: notes[bound.id]?.first("source")), [span(bound)]))
            case Names.evidence.lowercased():
                continue
            case Names.cue.lowercased():
                if !relations.contains(where: { $0.type == Names.hasCue && $0.to == bound.id }) {
                    skipped.append("\(name) \(bound.id): a Cue that no claim points at (a HasCue relation from a Claim)")
                }
            default:
                skipped.append("\(label(bound.id)): the entity type \(bound.type) is not one ClaimDesk reads (Claim, Mention, Evidence, Cue)")
            }
        }
        for key in stanceOrder {
            guard let group = stanceGroups[key], let first = group.first?.id else { continue }
            let parts = notes[first]
            let holder = parts?.first("holder") ?? group.lazy.compactMap { related($0.id, Names.holder).first.flatMap(mentionSource) }.first
            guard let holder else {
                skipped.append("\(label(first)): stance evidence without a holder (a Holder relation to a Mention)")
                continue
            }
            var target: ImportedAnnotation.Target? = nil
            if let written = parts?.first("target") {
                let id = String(written.prefix { !$0.isWhitespace })
                let rest = written.dropFirst(id.count).trimmingCharacters(in: .whitespaces)
                if id.hasPrefix("pr") { target = .proposition(ref: name + ":" + id, text: rest) }
                else if let claimRef = claimRefByID[id] { target = .annotation(claimRef) }
                else { target = .annotation(name + ":" + id) }
            } else if let t = group.lazy.compactMap({ related($0.id, Names.target).first }).first {
                target = .annotation(ref(t))
            }
            guard let target else {
                skipped.append("\(label(first)): stance evidence without a target (a Target relation to a Claim)")
                continue
            }
            let label = attributes[first]?[Names.stance] ?? ""
            annotations.append(common(first, .stance(label: label, holder: holder, target: target), group.map(span)))
        }
        let attribution: Set<String> = [Names.claimant, Names.via, Names.holder, Names.target, Names.hasCue]
        for relation in relations where !attribution.contains(relation.type) {
            guard let from = refOfT[relation.from], let to = refOfT[relation.to] else {
                skipped.append("\(name) \(relation.id): it relates \(relation.from) and \(relation.to), which are not spans of this file")
                continue
            }
            var item = common(relation.id, .relation(type: relation.type, from: from, to: to), [])
            item.ref = ref(relation.id)
            item.label = notes[relation.id]?.id ?? "\(name) \(relation.id)"
            annotations.append(item)
        }
        return Document(annotations: annotations, skipped: skipped)
    }

    /// `0 5;7 12` as ranges, or nil when malformed.
    static func fragments(_ text: Substring) -> [Range<Int>]? {
        var result: [Range<Int>] = []
        for piece in text.split(separator: ";") {
            let numbers = piece.split(separator: " ")
            guard numbers.count == 2, let start = Int(numbers[0]), let end = Int(numbers[1]), start >= 0, start <= end else { return nil }
            result.append(start..<end)
        }
        return result.isEmpty ? nil : result
    }
}
