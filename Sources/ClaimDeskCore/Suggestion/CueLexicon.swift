/// The words that signal an attribution, and what each one tells the rules.
///
/// A reporting verb alone is too narrow: recall on real news is lost on "called for", "attacked",
/// "wants", "the claim that". Verbs are listed by their base form and expanded to the forms news
/// uses (says, said, saying); multi-word cues ("told reporters", "according to") are matched whole,
/// longest first.
enum CueLexicon {
    enum Kind: Sendable {
        /// say, tell, warn, deny, call for …: the speaker states the content.
        case speech
        /// believe, think, fear, expect: what the source holds true.
        case belief
        /// want, plan, intend, seek: what the source means to do.
        case intention
        /// "according to X".
        case according
        /// quoting, citing: the chain's inner link follows.
        case quoting
        /// "the claim that", "warnings that": a noun that carries the content.
        case noun
        /// "quoted X as saying".
        case quotedAs
    }

    struct Entry: Sendable {
        var words: [String]
        var kind: Kind
        /// Verbs that name whom they address before the content: "told reporters that".
        var takesAudience: Bool
        /// Verbs that also have other senses ("attacked a base"): a lower confidence.
        var isWeak: Bool = false
    }

    static let entries: [String: [Entry]] = build()

    /// The longest cue starting at token `i`, as its length in tokens and its entry.
    static func match(_ tokens: [SuggestionToken], at i: Int, limit: Int) -> (length: Int, entry: Entry)? {
        guard i < limit, tokens[i].isWord, let candidates = entries[tokens[i].lower] else { return nil }
        for entry in candidates where i + entry.words.count <= limit {
            var matches = true
            for (k, word) in entry.words.enumerated().dropFirst() where tokens[i + k].lower != word {
                matches = false
                break
            }
            if matches { return (entry.words.count, entry) }
        }
        return nil
    }

    /// Speech verbs: base form, then irregular forms when the regular ones are wrong.
    static let speechVerbs: [(String, [String])] = [
        ("say", ["says", "said", "saying"]), ("tell", ["tells", "told", "telling"]), ("add", []), ("state", []),
        ("announce", []), ("declare", []), ("note", []), ("explain", []), ("insist", []), ("argue", []),
        ("claim", []), ("maintain", []), ("acknowledge", []), ("admit", ["admits", "admitted", "admitting"]),
        ("confirm", []), ("deny", ["denies", "denied", "denying"]), ("warn", []), ("caution", []), ("stress", []),
        ("emphasize", []), ("emphasise", []), ("assert", []), ("allege", []), ("accuse", []), ("charge", []),
        ("concede", []), ("predict", []), ("promise", []), ("pledge", []), ("vow", []), ("threaten", []),
        ("urge", []), ("demand", []), ("suggest", []), ("reply", ["replies", "replied", "replying"]),
        ("respond", []), ("write", ["writes", "wrote", "writing"]), ("tweet", []), ("post", []), ("report", []),
        ("reveal", []), ("disclose", []), ("estimate", []), ("complain", []), ("recall", []), ("observe", []),
        ("reiterate", []), ("repeat", []), ("counter", []), ("contend", []), ("testify", ["testifies", "testified"]),
        ("remark", []), ("hint", []), ("signal", ["signals", "signaled", "signalled"]), ("boast", []),
        ("conclude", []), ("indicate", []), ("attack", []), ("criticize", []), ("criticise", []),
        ("condemn", []), ("blame", []), ("dismiss", []), ("reject", []), ("describe", []), ("brief", []),
        ("assure", []), ("inform", []), ("remind", []), ("predict", []), ("forecast", ["forecasts", "forecast"]),
        ("advise", []), ("propose", []), ("recommend", []), ("mention", []), ("comment", []), ("accuse", []),
        ("announce", []), ("protest", []), ("question", []), ("welcome", []), ("praise", []), ("lament", []),
        ("concede", []), ("project", []), ("calculate", []), ("find", ["finds", "found"]), ("show", ["shows", "showed"]),
        ("agree", []), ("point out", []), ("call for", ["calls for", "called for", "calling for"]),
        ("speak of", ["speaks of", "spoke of"]), ("made clear", []), ("made the case", []),
        ("tell reporters", ["tells reporters", "told reporters"]), ("tell journalists", ["told journalists"]),
        ("raise concerns", ["raised concerns", "raises concerns"]),
    ]

    static let beliefVerbs: [(String, [String])] = [
        ("believe", []), ("think", ["thinks", "thought"]), ("feel", ["feels", "felt"]), ("fear", []), ("hope", []),
        ("expect", []), ("suspect", []), ("doubt", []), ("assess", []), ("consider", []), ("worry", ["worries", "worried"]),
        ("know", ["knows", "knew"]), ("understand", ["understands", "understood"]), ("judge", []), ("reckon", []),
        ("see", ["sees", "saw"]), ("view", []), ("are convinced", ["is convinced", "was convinced", "were convinced"]),
        ("are concerned", ["is concerned", "was concerned", "were concerned"]), ("convinced", ["convinced"]),
        ("rule", []),
    ]

    static let intentionVerbs: [(String, [String])] = [
        ("want", []), ("plan", ["plans", "planned", "planning"]), ("intend", []), ("seek", ["seeks", "sought"]),
        ("aim", []), ("wish", []), ("prefer", ["prefers", "preferred"]), ("push for", ["pushes for", "pushed for"]),
        ("press for", ["presses for", "pressed for"]), ("favor", []), ("favour", []), ("oppose", []),
        ("refuse", []),
    ]

    /// Verbs with a common sense that is not reporting.
    static let weakVerbs: Set<String> = [
        "attack", "criticize", "criticise", "condemn", "blame", "dismiss", "reject", "describe", "praise", "welcome",
        "question", "show", "find", "project", "calculate", "agree", "comment", "mention", "post",
        "charge", "counter", "oppose", "refuse", "see", "view", "know", "understand", "judge", "feel", "observe",
        "signal", "indicate", "conclude", "protest", "lament", "consider", "back", "hope", "aim",
        "wish", "prefer", "rule",
    ]

    static let nouns = [
        "claim", "claims", "assertion", "assertions", "allegation", "allegations", "accusation", "accusations",
        "statement", "warning", "warnings", "insistence", "belief", "view", "argument", "suggestion", "contention",
        "fear", "fears", "denial", "promise", "pledge", "assurance", "assurances", "charge",
        "charges", "suspicion", "suspicions", "concern", "concerns", "hope", "hopes", "assessment", "conclusion",
        "estimate", "prediction", "threat", "announcement", "insinuation", "notion", "idea",
    ]

    private static func build() -> [String: [Entry]] {
        var table: [String: [Entry]] = [:]
        func add(_ phrase: String, _ kind: Kind, audience: Bool = false, weak: Bool = false) {
            let words = phrase.split(separator: " ").map(String.init)
            guard let first = words.first else { return }
            if table[first]?.contains(where: { $0.words == words }) == true { return }
            table[first, default: []].append(Entry(words: words, kind: kind, takesAudience: audience, isWeak: weak))
        }
        func forms(_ base: String) -> [String] {
            let parts = base.split(separator: " ").map(String.init)
            guard let verb = parts.first else { return [] }
            let rest = parts.dropFirst().joined(separator: " ")
            var inflected: [String]
            if verb.hasSuffix("e") {
                inflected = [verb, verb + "s", verb + "d", String(verb.dropLast()) + "ing"]
            } else if verb.hasSuffix("y"), let last = verb.dropLast().last, !"aeiou".contains(last) {
                inflected = [verb, String(verb.dropLast()) + "ies", String(verb.dropLast()) + "ied", verb + "ing"]
            } else if verb.hasSuffix("s") || verb.hasSuffix("sh") || verb.hasSuffix("ch") {
                inflected = [verb, verb + "es", verb + "ed", verb + "ing"]
            } else {
                inflected = [verb, verb + "s", verb + "ed", verb + "ing"]
            }
            return inflected.map { rest.isEmpty ? $0 : $0 + " " + rest }
        }
        let audienceVerbs: Set<String> = ["tell", "assure", "inform", "remind", "brief", "warn", "urge", "advise"]
        for (list, kind) in [(speechVerbs, Kind.speech), (beliefVerbs, .belief), (intentionVerbs, .intention)] {
            for (base, irregular) in list {
                let audience = audienceVerbs.contains(base)
                let all = irregular.isEmpty ? forms(base) : [base] + irregular
                for form in all { add(form, kind, audience: audience, weak: weakVerbs.contains(base)) }
            }
        }
        for phrase in ["according to", "accordingto"] { add(phrase, .according) }
        for phrase in ["quoting", "citing"] { add(phrase, .quoting) }
        for phrase in ["quoted", "quotes", "quote"] { add(phrase, .quotedAs) }
        for noun in nouns { add(noun + " that", .noun) }
        // Arabic: the verb opens the clause and the speaker follows it ("وقال المتحدث إن …").
        for verb in ["قال", "قالت", "وقال", "وقالت", "يقول", "تقول", "ويقول", "وتقول", "أضاف", "وأضاف", "أضافت", "وأضافت",
                     "أكد", "وأكد", "أكدت", "وأكدت", "صرح", "وصرح", "صرحت", "ذكر", "وذكر", "ذكرت", "وذكرت", "أعلن",
                     "وأعلن", "أعلنت", "وأعلنت", "حذر", "وحذر", "حذرت", "وحذرت", "أوضح", "وأوضح", "أشار", "وأشار",
                     "أشارت", "اعتبر", "واعتبر", "نفى", "ونفى", "زعم", "وزعم"] {
            add(verb, .speech)
        }
        for phrase in ["بحسب", "وبحسب", "حسب", "وفقا", "ووفقا", "وفقاً"] { add(phrase, .according) }
        // Longest first, so "told reporters" wins over "told".
        for key in table.keys { table[key]?.sort { $0.words.count > $1.words.count } }
        return table
    }
}
