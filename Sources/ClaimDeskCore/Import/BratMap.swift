/// How another project's brat types become ClaimDesk's: which entity types are claims, mentions
/// (with the kind of source they name) and cues, and which events or relations attribute a claim
/// to its claimant.
///
/// ```json
/// {
///   "claims": ["Quote"],
///   "mentions": {"Person": "official", "Organization": "organisation"},
///   "cues": ["Cue"],
///   "attributions": [
///     {"event": "Attribution", "claim": "Content", "claimant": "Source", "cue": "Cue"},
///     {"relation": "Says", "claimant": "Arg1", "claim": "Arg2"}
///   ]
/// }
/// ```
///
/// Type and role names compare without case, as brat's configuration names them.
public struct BratMap: Equatable, Sendable {
    /// An event type (or relation type) whose roles name a claim's span, its claimant and its cue.
    public struct Attribution: Equatable, Sendable {
        public enum Line: Equatable, Sendable {
            case event(String)
            case relation(String)
        }

        public var line: Line
        /// The role whose span is the claim (`Content`; `Arg1`/`Arg2` for a relation).
        public var claim: String
        public var claimant: String?
        public var cue: String?
    }

    public var claims: [String] = []
    /// Entity type → the kind of the source a mention of that type names.
    public var mentions: [String: String] = [:]
    public var cues: [String] = []
    public var attributions: [Attribution] = []

    public init(claims: [String] = [], mentions: [String: String] = [:], cues: [String] = [], attributions: [Attribution] = []) {
        self.claims = claims
        self.mentions = mentions
        self.cues = cues
        self.attributions = attributions
    }

    func isClaim(_ type: String) -> Bool { claims.contains { Self.same($0, type) } }
    func isCue(_ type: String) -> Bool { cues.contains { Self.same($0, type) } }
    func sourceKind(_ type: String) -> String? { mentions.first { Self.same($0.key, type) }?.value }

    func attribution(event type: String) -> Attribution? {
        attributions.first { if case .event(let name) = $0.line { Self.same(name, type) } else { false } }
    }

    func attribution(relation type: String) -> Attribution? {
        attributions.first { if case .relation(let name) = $0.line { Self.same(name, type) } else { false } }
    }

    /// Type names compare without case.
    static func same(_ a: String, _ b: String) -> Bool { a.lowercased() == b.lowercased() }

    /// Whether a role in a file is the role a map names: without case, and with the number brat
    /// puts after a repeated role (`Message2`) aside, so `Message` covers it (`Arg2` is still not `Arg1`).
    static func sameRole(_ actual: String, _ wanted: String) -> Bool {
        let actual = actual.lowercased(), wanted = wanted.lowercased()
        return actual == wanted || String(actual.reversed().drop(while: \.isNumber).reversed()) == wanted
    }
}

extension BratMap: JSONReadable {
    public init(json reader: inout JSONReader) throws(JSONReadError) {
        self.init()
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "claims": claims = try reader.readStrings()
            case "cues": cues = try reader.readStrings()
            case "mentions":
                try reader.beginObject()
                while let type = try reader.nextKey() { mentions[type] = try reader.readString() }
            case "attributions": attributions = try [Attribution](json: &reader)
            default:
                throw reader.error("unknown key \"\(UntrustedText.visible(key))\"; a map has claims, mentions, cues and attributions")
            }
        }
    }
}

extension BratMap.Attribution: JSONReadable {
    public init(json reader: inout JSONReader) throws(JSONReadError) {
        var event: String?, relation: String?, claim: String?, claimant: String?, cue: String?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "event": event = try reader.readString()
            case "relation": relation = try reader.readString()
            case "claim": claim = try reader.readString()
            case "claimant": claimant = try reader.readString()
            case "cue": cue = try reader.readString()
            default:
                throw reader.error("unknown key \"\(UntrustedText.visible(key))\"; an attribution has event or relation, claim, claimant and cue")
            }
        }
        switch (event, relation) {
        case (let name?, nil): line = .event(name)
        case (nil, let name?): line = .relation(name)
        default: throw reader.error("an attribution names either an event or a relation type")
        }
        self.claim = try reader.required(claim, "claim")
        self.claimant = claimant
        self.cue = cue
    }
}
