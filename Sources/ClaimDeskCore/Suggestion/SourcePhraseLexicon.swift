/// Words that may stand in the phrase naming a source, besides capitalised names.
///
/// "national security adviser Daniel J. O’Keefe", "two American officials familiar with the
/// talks", "a spokesman for the ministry": titles and groups are lower case in news, so the rules
/// know them by name; anything else in lower case ends the phrase.
enum SourcePhraseLexicon {
    /// Nouns that can end a source phrase on their own ("officials said", "the ministry said").
    static let heads: Set<String> = [
        "official", "officials", "spokesman", "spokeswoman", "spokesperson", "spokespeople", "minister", "ministers",
        "ministry", "secretary", "president", "adviser", "advisers", "advisor", "advisors", "aide", "aides",
        "commander", "commanders", "chief", "chiefs", "director", "ambassador", "envoy", "diplomat", "diplomats",
        "analyst", "analysts", "expert", "experts", "researcher", "researchers", "professor", "lawmaker", "lawmakers",
        "senator", "senators", "legislator", "legislators", "lawyer", "lawyers", "attorney", "attorneys",
        "prosecutor", "prosecutors", "police", "government", "governments", "administration", "agency", "agencies",
        "department", "office", "source", "sources", "observer", "observers", "witness", "witnesses", "resident",
        "residents", "activist", "activists", "leader", "leaders", "governor", "mayor", "general", "officer",
        "officers", "spokesmen", "spokeswomen", "representative", "representatives", "negotiator", "negotiators",
        "economist", "economists", "scientist", "scientists", "doctor", "doctors", "military", "army", "navy",
        "ministry's", "company", "firm", "group", "groups", "monitor", "newspaper", "paper", "broadcaster", "outlet",
        "network", "agency's", "report", "reports", "study", "statement", "survey", "poll", "data", "figures",
        "document", "documents", "letter", "memo", "report's", "court", "judge", "judges", "council", "committee",
        "panel", "board", "union", "parliament", "cabinet", "regime", "authorities", "coalition", "campaign",
        "party", "opposition", "critics", "supporters", "opponents", "protesters", "officials'", "investigators",
        "inspectors", "regulators", "watchdog", "intelligence", "assessment", "people", "person", "insiders",
        "executive", "executives", "ceo", "chairman", "chairwoman", "chair", "founder", "manager", "spokesperson's",
        "staff", "team", "participants", "delegation", "delegates", "mission", "embassy", "authority",
        "chancellor", "premier", "king", "queen", "prince", "pope", "ally", "allies", "partner", "partners",
        "mediator", "mediators", "organisers", "organizers", "host", "author", "authors", "consultant", "coach",
        "captain", "player", "players", "workers", "unions", "farmers", "pharmacists", "owners", "voters",
        "citizens", "victims", "families", "students", "teachers", "nurses", "parents", "members", "rebels",
        "militants", "troops", "soldiers", "forces", "media", "parties", "federation", "association", "ministries",
        "institute", "university", "center", "centre", "foundation", "organisation", "organization", "think-tank",
    ]

    /// Words that may stand before a head: determiners, numbers, adjectives of rank and place.
    static let modifiers: Set<String> = [
        "the", "a", "an", "two", "three", "four", "five", "six", "several", "many", "some", "other", "few",
        "senior", "top", "former", "deputy", "national", "security", "foreign", "defense", "defence", "military",
        "intelligence", "state", "local", "regional", "federal", "news", "press", "high-ranking", "anonymous",
        "unnamed", "western", "independent", "chief", "government", "administration", "white", "house", "health",
        "finance", "interior", "justice", "economy", "trade", "energy", "oil", "shipping", "maritime", "naval",
        "army", "navy", "air", "force", "police", "city", "county", "provincial", "israeli", "one", "another",
        "his", "her", "their", "its", "our", "both", "most", "all", "current",
        "acting", "interim", "prime", "vice", "assistant", "associate", "general", "special", "presidential",
        "campaign", "party", "opposition", "european", "u.s", "senior-level", "knowledgeable", "relevant",
        "prominent", "leading", "independent", "political", "public", "legal", "medical", "human", "rights",
        "election", "electoral", "industry", "market", "financial", "energy", "nuclear", "atomic", "climate",
    ]

    /// Lower-case words that join two parts of a name: "Secretary of State", "a spokesman for the ministry".
    static let joiners: Set<String> = ["of", "for", "and", "in", "de", "al", "bin", "von", "van", "der", "at", "&", "du", "la", "le", "el", "da"]

    /// Phrases after a head that keep a group in the phrase: "officials familiar with the talks".
    static let groupTails: Set<String> = ["familiar", "close", "briefed", "involved", "knowledgeable", "speaking", "who"]

    /// Capitalised words that open a sentence or clause without being part of a name.
    static let capitalisedStops: Set<String> = [
        "but", "and", "however", "meanwhile", "on", "in", "at", "after", "before", "later", "earlier", "also", "still",
        "yet", "then", "separately", "when", "while", "if", "as", "since", "despite", "although", "though", "this",
        "that", "there", "here", "so", "or", "for", "with", "without", "by", "from", "to", "during", "under", "over",
        "now", "today", "yesterday", "tomorrow", "last", "next", "asked", "speaking", "writing", "instead", "indeed",
        "moreover", "furthermore", "nonetheless", "nevertheless", "thus", "hence", "because", "until", "once",
        "where", "why", "how", "what", "who", "whom", "which", "it", "he", "she", "they", "we", "i", "you", "not",
        "no", "yes", "both", "either", "neither", "each", "every", "all", "some", "many", "more", "most",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "june", "july", "august", "september", "october", "november", "december", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr.", "is", "was", "are", "were",
        "in a statement", "its", "his", "her", "their", "our", "my", "your", "do", "does", "did", "will", "would",
        "should", "could", "can", "may", "might", "must", "has", "have", "had", "let", "even", "only", "just",
        "the", "a", "an",
    ]

    /// Short capitalised words a dot follows inside a name: "Gen.", "Dr.", "U.S.".
    static let abbreviations: Set<String> = [
        "gen", "maj", "col", "lt", "sgt", "capt", "adm", "sen", "rep", "gov", "dr", "mr", "mrs", "ms", "prof", "st",
        "jr", "sr", "rev", "pres", "cmdr", "brig", "gens", "atty", "supt", "insp", "det", "cpl", "pvt", "amb", "hon",
        "co", "corp", "inc", "ltd", "no", "mt", "ft",
    ]

    static let pronouns: Set<String> = ["he", "she", "they", "it", "we", "i", "you"]

    /// Words between a source and its cue that do not break the pair: "Reyes also said", "officials have long believed".
    static let adverbs: Set<String> = [
        "also", "later", "earlier", "previously", "again", "repeatedly", "has", "have", "had", "would", "will", "may",
        "might", "did", "does", "do", "publicly", "privately", "reportedly", "separately", "then", "further", "once",
        "long", "still", "now", "had", "is", "are", "was", "were", "been", "being", "already", "openly", "firmly",
        "strongly", "flatly", "clearly", "widely", "recently", "initially", "originally", "subsequently", "just",
        "explicitly", "loudly", "quietly", "angrily", "bluntly", "sharply", "swiftly", "quickly", "immediately",
        "apparently", "allegedly", "themselves", "himself", "herself", "itself", "both", "all", "each", "too",
        "consistently", "increasingly", "nonetheless", "however", "tuesday", "monday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "yesterday", "today", "on", "last", "week", "night", "late", "this",
        "morning", "evening", "afternoon", "could", "should", "must", "can",
    ]

    static let weekdaysAndTimes: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
        "morning", "evening", "afternoon", "night", "week", "month", "year", "weekend",
    ]

    /// Words that show a source is an organisation rather than a person.
    static let organisationWords: Set<String> = [
        "times", "post", "journal", "news", "agency", "reuters", "press", "gazette", "herald", "tribune", "ledger",
        "courier", "telegraph", "guardian", "radio", "tv", "television", "network", "daily", "wire", "bloomberg",
        "xinhua", "irna", "tasnim", "fars", "jazeera", "asharq", "monitor", "observer", "chronicle", "express",
        "mail", "sun", "standard", "magazine", "newsweek", "economist", "bbc", "cnn", "ap", "afp", "nbc", "cbs",
        "abc", "fox", "npr", "pbs", "ministry", "department", "office", "council", "committee", "party",
        "government", "institute", "university", "company", "corp", "inc", "group", "army", "navy", "command",
        "administration", "commission", "bank", "fund", "court", "parliament", "congress", "senate", "house",
        "pentagon", "kremlin", "agency's", "police", "military", "union", "organization", "organisation",
        "association", "federation", "foundation", "center", "centre", "authority", "board", "service", "forces",
        "guard", "corps", "embassy", "mission", "cabinet", "regime", "coalition", "alliance", "nato", "un", "iaea",
        "eu", "opec", "who", "imf", "newspaper", "paper", "broadcaster", "outlet", "state", "media", "tidewatch",
        "post's", "times'", "website", "channel", "review", "insider", "politico", "axios", "report", "statement",
        "study", "survey", "poll", "data", "document", "documents", "memo", "letter", "assessment", "firm",
    ]

    /// Words that show an organisation is a news outlet.
    static let outletWords: Set<String> = [
        "times", "post", "journal", "news", "reuters", "press", "gazette", "herald", "tribune", "ledger", "courier",
        "telegraph", "guardian", "radio", "tv", "television", "network", "daily", "wire", "bloomberg", "xinhua",
        "irna", "tasnim", "fars", "jazeera", "asharq", "observer", "chronicle", "express", "mail", "magazine",
        "newsweek", "economist", "bbc", "cnn", "ap", "afp", "nbc", "cbs", "abc", "fox", "npr", "pbs", "newspaper",
        "paper", "broadcaster", "outlet", "website", "channel", "politico", "axios", "agency", "media", "insider",
        "dispatch", "bulletin", "sentinel", "record", "star", "globe", "independent", "mirror", "register",
    ]

    /// Plural heads: "officials", "analysts".
    static func isGroupHead(_ word: String) -> Bool {
        heads.contains(word) && word.hasSuffix("s") && !["press", "news", "times", "ministry's", "analysis"].contains(word)
            || word == "police" || word == "people" || word == "staff"
    }
}
