/// Reads a brat document whose types are another project's, through a ``BratMap``: entity types
/// become claims and mentions (whose sources get the map's kind), and an event or relation the map
/// names as an attribution becomes a claim on its claim role's span, attributed to the text of its
/// claimant role.
///
/// What the map does not name is reported, one line per kind of thing, never guessed at.
public enum BratMappedImporter {
    public static func parse(ann: String, text: String?, name: String, map: BratMap) -> BratImporter.Document {
        var bounds: [String: BratImporter.TextBound] = [:]
        var order: [String] = []
        var events: [(id: String, type: String, roles: [(role: String, t: String)])] = []
        var notes: [String: [String]] = [:]
        var skipped: [String] = []
        var unmappedTypes: [String: Int] = [:]

        for (number, rawLine) in ann.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let columns = String(rawLine).split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 2, let kind = columns[0].first else { continue }
            let words = columns[1].split(separator: " ").map(String.init)
            switch kind {
            case "T":
                guard let type = words.first, columns.count == 3,
                      let fragments = BratImporter.fragments(columns[1].dropFirst(type.count + 1)) else {
                    skipped.append("\(name) line \(number + 1): not a text-bound annotation brat can read")
                    continue
                }
                bounds[columns[0]] = BratImporter.TextBound(id: columns[0], type: type, fragments: fragments, text: columns[2])
                order.append(columns[0])
            case "E", "R":
                // `Type:Trigger Role:T1 Role:T2` for an event, `Type Arg1:T1 Arg2:T2` for a relation.
                guard let head = words.first else { continue }
                let type = String(head.prefix { $0 != ":" })
                // An event's trigger is a role named after its type, so a map can name it as the cue.
                let roles = words.dropFirst(kind == "E" ? 0 : 1).compactMap { word -> (String, String)? in
                    guard let colon = word.firstIndex(of: ":") else { return nil }
                    return (String(word[..<colon]), String(word[word.index(after: colon)...]))
                }
                events.append((columns[0], type, roles))
            case "#":
                guard words.count == 2, columns.count == 3 else { continue }
                notes[words[1], default: []].append(columns[2])
            default:
                continue
            }
        }

        let scalars = text.map { Array($0.unicodeScalars) }
        let sha = text.map { SHA256Digest.hex(of: $0) }
        func spans(_ bound: BratImporter.TextBound) -> [ImportedSpan] { BratImporter.spans(bound, scalars: scalars, sha: sha) }
        func ref(_ t: String) -> String { name + ":" + t }
        func source(_ bound: BratImporter.TextBound) -> ImportedSource {
            ImportedSource(name: bound.text, kind: map.sourceKind(bound.type))
        }

        var annotations: [ImportedAnnotation] = []
        var claimed = Set<String>()
        for event in events {
            let attribution = event.id.hasPrefix("E") ? map.attribution(event: event.type) : map.attribution(relation: event.type)
            guard let attribution else {
                skipped.append("\(name) \(event.id): the \(event.id.hasPrefix("E") ? "event" : "relation") type \(event.type) is not in the map")
                continue
            }
            func role(_ wanted: String?) -> BratImporter.TextBound? {
                guard let wanted else { return nil }
                return event.roles.first { BratMap.sameRole($0.role, wanted) }.flatMap { bounds[$0.t] }
            }
            guard let claim = role(attribution.claim) else {
                skipped.append("\(name) \(event.id): no \(attribution.claim) role, so no claim to attribute")
                continue
            }
            if claimed.contains(claim.id) {
                skipped.append("\(name) \(event.id): \(claim.id) is already attributed by another \(event.type)")
                continue
            }
            claimed.insert(claim.id)
            let claimant = role(attribution.claimant)
            var item = ImportedAnnotation(ref: ref(claim.id), label: "\(name) \(event.id)",
                                          kind: .claim(kind: nil, verdict: nil, checkWorthy: nil, claimant: claimant?.text, via: []),
                                          spans: spans(claim), notes: (notes[claim.id] ?? []).map { .init(text: $0) },
                                          sources: claimant.map { [source($0)] } ?? [])
            item.cue = role(attribution.cue).flatMap { spans($0).first }
            annotations.append(item)
        }
        for id in order {
            guard let bound = bounds[id] else { continue }
            let notesHere = (notes[id] ?? []).map { ImportedAnnotation.Note(text: $0) }
            if map.isClaim(bound.type) {
                guard !claimed.contains(id) else { continue }
                annotations.append(ImportedAnnotation(ref: ref(id), label: "\(name) \(id)",
                                                      kind: .claim(kind: nil, verdict: nil, checkWorthy: nil, claimant: nil, via: []),
                                                      spans: spans(bound), notes: notesHere))
            } else if map.sourceKind(bound.type) != nil {
                annotations.append(ImportedAnnotation(ref: ref(id), label: "\(name) \(id)", kind: .mention(source: bound.text),
                                                      spans: spans(bound), notes: notesHere, sources: [source(bound)]))
            } else if map.isCue(bound.type) {
                continue
            } else if !claimed.contains(id) && !events.contains(where: { $0.roles.contains { $0.t == id } }) {
                unmappedTypes[bound.type, default: 0] += 1
            }
        }
        for (type, count) in unmappedTypes.sorted(by: { $0.key < $1.key }) {
            skipped.append("\(name): \(Plural.count(count, "\(type) annotation")) left out: the type \(type) is not in the map")
        }
        return BratImporter.Document(annotations: annotations, skipped: skipped)
    }
}
