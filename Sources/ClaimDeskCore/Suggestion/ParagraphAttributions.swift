/// Applies the attribution rules to one paragraph and returns what they found.
///
/// The rules, strongest first: a speaker's name and a colon opening the paragraph (headlines,
/// transcripts); direct quotes with a cue after or before them, joining the fragments of a quote
/// split by its cue; then every cue of `CueLexicon` in each sentence, with its source to the left
/// (or right) and its content after it, or before it when the sentence ends with the cue.
struct ParagraphAttributions {
    let scalars: [Unicode.Scalar]
    let tokens: [SuggestionToken]
    /// Token ranges of the paragraph's sentences.
    let sentences: [Range<Int>]
    let isFirstParagraph: Bool
    let finder: SourcePhraseFinder
    let quotes: [QuotePair]
    /// For each token, the quote whose inner text holds it.
    private var insideQuote: [Bool]
    private(set) var drafts: [AttributionDraft] = []
    private var usedQuotes: Set<Int> = []
    private var usedCues: Set<Int> = []

    init(scalars: [Unicode.Scalar], paragraph: Range<Int>, sentenceRanges: [Range<Int>], isFirstParagraph: Bool) {
        self.scalars = scalars
        let tokens = SuggestionTokenizer.tokens(scalars, in: paragraph)
        self.tokens = tokens
        self.isFirstParagraph = isFirstParagraph
        finder = SourcePhraseFinder(tokens: tokens)
        quotes = QuotePair.pairs(in: tokens)
        var inside = [Bool](repeating: false, count: tokens.count)
        for pair in quotes {
            for i in (pair.open + 1)..<(pair.close ?? tokens.count) { inside[i] = true }
        }
        insideQuote = inside
        // Sentences as token ranges: each token belongs to the sentence its start falls in.
        var ranges: [Range<Int>] = []
        var t = 0
        for sentence in sentenceRanges {
            let start = t
            while t < tokens.count, tokens[t].range.lowerBound < sentence.upperBound { t += 1 }
            if t > start { ranges.append(start..<t) }
        }
        if t < tokens.count {
            if let last = ranges.popLast() { ranges.append(last.lowerBound..<tokens.count) } else { ranges.append(t..<tokens.count) }
        }
        sentences = ranges
    }

    mutating func run() -> [AttributionDraft] {
        guard !tokens.isEmpty else { return [] }
        if speakerColon() { return drafts }
        for index in quotes.indices where !usedQuotes.contains(index) { directQuote(index) }
        for sentence in sentences {
            cues(in: sentence)
            subjectName(of: sentence)
        }
        for index in quotes.indices where !usedQuotes.contains(index) { continuedQuote(index) }
        return drafts
    }

    // MARK: Spans and text

    func span(_ range: Range<Int>) -> Range<Int> {
        tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound
    }

    /// The words of a token range as a string, encoded once into bytes: appending scalars to a
    /// string one by one was a tenth of the run, and a string made from bytes knows it is ASCII,
    /// which makes comparing names later cheaper.
    func text(_ range: Range<Int>) -> String {
        let span = span(range)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(span.count + 8)
        for scalar in scalars[span] {
            if scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
            } else if let encoded = UTF8.encode(scalar) {
                bytes.append(contentsOf: encoded)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func wordCount(_ range: Range<Int>) -> Int {
        var n = 0
        for i in range where tokens[i].isWord { n += 1 }
        return n
    }

    func sentence(containing i: Int) -> Range<Int> {
        sentences.first { $0.contains(i) } ?? 0..<tokens.count
    }

    /// Content tokens with their edges cleaned: no leading "that" or colon, no trailing stop or comma,
    /// and no quotation marks around a whole quote.
    func contentSpan(_ range: Range<Int>) -> Range<Int>? {
        var start = range.lowerBound, end = range.upperBound
        func trim() {
            while start < end, tokens[start].kind == .punctuation && [",", "،", ":", ";", "—", "–", "-"].contains(tokens[start].lower)
                    || tokens[start].lower == "that" || tokens[start].lower == "إن" || tokens[start].lower == "أن" {
                start += 1
            }
            while end > start, tokens[end - 1].kind == .punctuation {
                end -= 1
            }
        }
        trim()
        if start < end, tokens[start].kind == .openQuote, end < range.upperBound, tokens[end].kind == .closeQuote
            || end - 1 > start && tokens[end - 1].kind == .closeQuote {
            if tokens[end - 1].kind == .closeQuote { end -= 1 }
            start += 1
            trim()
        }
        // A quote that opens the content and closes it: keep inside the marks.
        if start < end, tokens[start].kind == .openQuote, !(start + 1..<end).contains(where: { tokens[$0].kind == .openQuote || tokens[$0].kind == .closeQuote }) {
            start += 1
            trim()
        }
        if start < end, tokens[end - 1].kind == .closeQuote, !(start..<(end - 1)).contains(where: { tokens[$0].kind == .openQuote }) {
            end -= 1
            trim()
        }
        guard start < end, wordCount(start..<end) >= 2 else { return nil }
        return start..<end
    }

    /// Where a sentence's content starts: after a dateline ("PORT AVERY (Meridian Wire) — ").
    func contentStart(of sentence: Range<Int>) -> Int {
        let limit = min(sentence.upperBound, sentence.lowerBound + 16)
        var depth = 0
        for i in sentence.lowerBound..<limit {
            let token = tokens[i]
            if token.isMark("(") { depth += 1; continue }
            if token.isMark(")") { depth -= 1; continue }
            if token.kind == .punctuation, token.lower == "—" || token.lower == "–" {
                return i + 1
            }
            if token.isWord, depth == 0, !token.isAllCaps { return sentence.lowerBound }
        }
        return sentence.lowerBound
    }

    // MARK: Speaker and colon

    static let colonStops: Set<String> = [
        "note", "update", "editor's", "correction", "photo", "related", "read", "watch", "listen", "source", "sources",
        "q", "a", "question", "answer", "subscribe", "advertisement", "warning", "breaking", "exclusive", "analysis",
        "opinion", "live", "video", "pictured", "caption", "credit", "file", "see", "also", "more", "published",
        "updated", "by", "tags", "topics", "share", "comment", "comments", "image", "images", "graphic", "map",
    ]

    /// "Reyes: We will not be drawn in" (a headline) or "MARSH: …" (a transcript).
    mutating func speakerColon() -> Bool {
        guard let colon = tokens.prefix(8).firstIndex(where: { $0.isMark(":") }), colon >= 1 else { return false }
        for i in 0..<colon {
            let token = tokens[i]
            if token.isWord {
                guard token.isCapitalized || SourcePhraseLexicon.joiners.contains(token.lower) else { return false }
            } else if !finder.isGlue(i) {
                return false
            }
        }
        guard !Self.colonStops.contains(tokens[0].lower), tokens[colon - 1].isWord,
              let content = contentSpan((colon + 1)..<tokens.count), wordCount(content) >= 3 else { return false }
        // An interviewer's question is not a claim.
        if sentences.count <= 1, let last = tokens.last, last.isMark("?") { return true }
        let isHeadline = isFirstParagraph && sentences.count <= 1
        drafts.append(AttributionDraft(content: [span(content)], source: span(0..<colon), sourceText: text(0..<colon),
                                       cue: [tokens[colon].range], claimant: nil,
                                       confidence: isHeadline ? 0.7 : 0.75, rule: isHeadline ? "headline-colon" : "transcript"))
        return true
    }

    // MARK: Direct quotes

    /// The quote's inner text as content tokens.
    func inner(_ pair: QuotePair) -> Range<Int>? {
        let end = pair.close ?? tokens.count
        guard pair.open + 1 < end else { return nil }
        var start = pair.open + 1, stop = end
        while stop > start, tokens[stop - 1].kind == .punctuation, [",", ";", ":"].contains(tokens[stop - 1].lower) { stop -= 1 }
        while start < stop, tokens[start].kind == .punctuation, tokens[start].lower == "…" || tokens[start].lower == "." { start += 1 }
        guard start < stop else { return nil }
        return start..<stop
    }

    /// A cue and its source right after a closing quote: "…,” Gen. Reyes told reporters" or "…,” said Dr. Ortiz".
    func cueAfter(_ k: Int, limit: Int) -> (source: Range<Int>, cue: Range<Int>, entry: CueLexicon.Entry)? {
        guard k < limit else { return nil }
        if let (length, entry) = CueLexicon.match(tokens, at: k, limit: limit), entry.kind == .speech || entry.kind == .belief,
           let source = finder.phrase(startingAt: k + length, limit: limit) {
            return (source, k..<(k + length), entry)
        }
        if let source = finder.phrase(startingAt: k, limit: limit) {
            var j = source.upperBound
            while j < limit, tokens[j].isWord, SourcePhraseLexicon.adverbs.contains(tokens[j].lower),
                  CueLexicon.match(tokens, at: j, limit: limit) == nil { j += 1 }
            if let (length, entry) = CueLexicon.match(tokens, at: j, limit: limit), entry.kind == .speech || entry.kind == .belief {
                return (source, j..<(j + length), entry)
            }
        }
        // An appositive between the quote and its cue: "…,” Ortiz, an analyst at the institute, said.
        return nil
    }

    mutating func directQuote(_ index: Int) {
        let pair = quotes[index]
        guard let inner = inner(pair), wordCount(inner) >= 2 else { return }
        let sentenceOfOpen = sentence(containing: pair.open)
        // After: "…,” SOURCE CUE" or "…,” CUE SOURCE".
        if let close = pair.close {
            var k = close + 1
            if k < tokens.count, tokens[k].isMark(",") { k += 1 }
            let limit = min(tokens.count, k + 24)
            if let found = cueAfter(k, limit: limit) {
                var content = [span(inner)]
                var draftCue = [span(found.cue)]
                var via: [(String, Range<Int>)] = []
                var end = max(found.source.upperBound, found.cue.upperBound)
                if found.entry.takesAudience, end < limit, let audience = finder.phrase(startingAt: end, limit: limit) {
                    if isOutletLike(audience) { via.append((text(audience), span(audience))) } else if audience.count == 1 { draftCue = [span(found.cue.lowerBound..<audience.upperBound)] }
                    end = audience.upperBound
                }
                usedCues.insert(found.cue.lowerBound)
                usedQuotes.insert(index)
                // Split quotes: "…,” he said, “…”
                var next = index + 1
                while next < quotes.count, quotes[next].open > end {
                    var between = end
                    while between < quotes[next].open, !tokens[between].endsSentence, !tokens[between].isMark(":") { between += 1 }
                    guard between == quotes[next].open, quotes[next].open - end <= 16,
                          tokens[quotes[next].open - 1].isMark(","), let more = self.inner(quotes[next]) else { break }
                    content.append(span(more))
                    usedQuotes.insert(next)
                    end = quotes[next].close ?? tokens.count
                    next += 1
                }
                let pronoun = SourcePhraseLexicon.pronouns.contains(tokens[found.source.lowerBound].lower) && found.source.count == 1
                drafts.append(AttributionDraft(content: content, source: span(found.source), sourceText: text(found.source),
                                               cue: draftCue, claimant: nil, via: via, weakCue: found.entry.isWeak,
                                               confidence: pronoun ? 0.85 : 0.92, rule: content.count > 1 ? "split-quote" : "direct-quote"))
                return
            }
        }
        // Before: "SOURCE CUE: “…”" or "SOURCE CUE, “…”".
        guard pair.open >= 2, tokens[pair.open - 1].isMark(":") || tokens[pair.open - 1].isMark(",") else { return }
        let floor = max(sentenceOfOpen.lowerBound, pair.open - 14)
        var j = pair.open - 2
        while j >= floor {
            if let (length, entry) = CueLexicon.match(tokens, at: j, limit: pair.open - 1), entry.kind == .speech || entry.kind == .belief,
               !insideQuote[j] {
                var s = j - 1
                while s >= floor, tokens[s].isWord, SourcePhraseLexicon.adverbs.contains(tokens[s].lower) { s -= 1 }
                guard let source = finder.phrase(endingAt: s, floor: sentenceOfOpen.lowerBound) else { return }
                var cue = [span(j..<(j + length))]
                var via: [(String, Range<Int>)] = []
                if entry.takesAudience, let audience = finder.phrase(startingAt: j + length, limit: pair.open - 1) {
                    if isOutletLike(audience) { via.append((text(audience), span(audience))) } else if audience.count == 1 { cue = [span(j..<audience.upperBound)] }
                }
                usedCues.insert(j)
                usedQuotes.insert(index)
                let pronoun = SourcePhraseLexicon.pronouns.contains(tokens[source.lowerBound].lower) && source.count == 1
                drafts.append(AttributionDraft(content: [span(inner)], source: span(source), sourceText: text(source), cue: cue,
                                               claimant: nil, via: via, weakCue: entry.isWeak, confidence: pronoun ? 0.82 : 0.88,
                                               rule: "quote-intro"))
                return
            }
            j -= 1
        }
    }

    /// A full name opening a sentence, remembered for pronouns that follow; "A and B" are two names.
    mutating func subjectName(of sentence: Range<Int>) {
        let start = contentStart(of: sentence)
        guard let phrase = finder.phrase(startingAt: start, limit: sentence.upperBound),
              !drafts.contains(where: { $0.source.map { span(phrase).overlaps($0) } == true }) else { return }
        var pieceStart = phrase.lowerBound
        for t in phrase.lowerBound...phrase.upperBound where t == phrase.upperBound || tokens[t].lower == "and" {
            defer { pieceStart = t + 1 }
            guard pieceStart < t, let name = finder.trimmed(pieceStart..<t), isProperName(name),
                  name.filter({ tokens[$0].isWord && tokens[$0].isCapitalized }).count >= 2 else { continue }
            var draft = AttributionDraft(content: [], source: span(name), sourceText: text(name), cue: nil, claimant: nil,
                                         confidence: 0, rule: "mention")
            draft.isMentionOnly = true
            drafts.append(draft)
        }
    }

    /// A quote that opens its sentence and names no speaker: the previous speaker goes on.
    mutating func continuedQuote(_ index: Int) {
        let pair = quotes[index]
        let sentence = sentence(containing: pair.open)
        guard pair.open == sentence.lowerBound || pair.open == 0, let inner = inner(pair), wordCount(inner) >= 4 else { return }
        // Not when the sentence goes on after the quote with words of its own ("“…” is what he said").
        if let close = pair.close, close + 1 < sentence.upperBound, !tokens[close + 1].kind.isPunctuation { return }
        usedQuotes.insert(index)
        var draft = AttributionDraft(content: [span(inner)], source: nil, sourceText: nil, cue: nil, claimant: nil,
                                     confidence: 0.5, rule: "quote-continuation")
        draft.continuesSpeaker = true
        drafts.append(draft)
    }

    // MARK: Cues

    mutating func cues(in sentence: Range<Int>) {
        var i = sentence.lowerBound
        while i < sentence.upperBound {
            // A capitalised cue word is a name ("State Department") unless it opens the sentence.
            guard !insideQuote[i], !usedCues.contains(i),
                  !tokens[i].isCapitalized || i == contentStart(of: sentence) || tokens[i].lower == "according",
                  let (length, entry) = CueLexicon.match(tokens, at: i, limit: sentence.upperBound) else {
                i += 1
                continue
            }
            if isNegated(i) || i > sentence.lowerBound && ["the", "a", "an", "this", "his", "her", "its", "their"].contains(tokens[i - 1].lower)
                && entry.kind != .noun && entry.kind != .according {
                i += length
                continue
            }
            let isArabic = tokens[i].isArabic
            switch entry.kind {
            case .speech, .belief, .intention:
                if isArabic { arabicCue(i, length: length, sentence: sentence) } else { verbCue(i, length: length, entry: entry, sentence: sentence) }
            case .according:
                accordingTo(i, length: length, sentence: sentence)
            case .quotedAs:
                quotedAsSaying(i, sentence: sentence)
            case .noun:
                nounCue(i, length: length, entry: entry, sentence: sentence)
            case .quoting:
                break
            }
            i += length
        }
    }

    /// Cues that only report: an outlet that reports them relays the claim.
    static let plainReports: Set<String> = [
        "said", "says", "say", "told", "tells", "believe", "believes", "believed", "think", "thinks", "thought",
        "added", "stated", "convinced", "assessed", "estimated", "warned", "concluded", "expect", "expects", "expected",
    ]

    func isNegated(_ i: Int) -> Bool {
        guard i > 0 else { return false }
        let before = tokens[i - 1].lower
        if ["not", "never", "declined", "refused", "didn't", "doesn't", "don't", "won't", "wouldn't", "hasn't", "haven't", "no"].contains(before) { return true }
        if i > 1, before == "to", ["declined", "refused", "failed"].contains(tokens[i - 2].lower) { return true }
        return false
    }

    /// The source phrase that ends just before a cue at `i`, stepping over adverbs and an appositive.
    func sourceBefore(_ i: Int, sentence: Range<Int>) -> Range<Int>? {
        subjectBefore(i, sentence: sentence)?.source
    }

    /// The source before a cue and where the whole subject starts: "the federation's president, Omar
    /// Haddad, told" gives "Omar Haddad" and the start of "the federation's president".
    func subjectBefore(_ i: Int, sentence: Range<Int>) -> (source: Range<Int>, start: Int)? {
        var j = i - 1
        while j >= sentence.lowerBound, tokens[j].isWord, SourcePhraseLexicon.adverbs.contains(tokens[j].lower) { j -= 1 }
        guard j >= sentence.lowerBound else { return nil }
        // "Silverline Inc. denied": the dot of an abbreviation ends the name.
        if tokens[j].isMark("."), j - 1 >= sentence.lowerBound, tokens[j - 1].isWord,
           SourcePhraseLexicon.abbreviations.contains(tokens[j - 1].lower) || tokens[j - 1].lower.unicodeScalars.count == 1 {
            j -= 1
        }
        if tokens[j].isMark(",") {
            // "Gen. Reyes, the chairman of the Joint Chiefs, argued" or "Its director, Hanna Koss, said".
            var k = j - 1
            while k > sentence.lowerBound, !tokens[k].isMark(","), j - k < 18 { k -= 1 }
            guard k > sentence.lowerBound, tokens[k].isMark(","), k + 1 < j else { return nil }
            let inner = finder.phrase(endingAt: j - 1, floor: k + 1)
            let outer = finder.phrase(endingAt: k - 1, floor: sentence.lowerBound)
            let innerIsWhole = inner?.lowerBound == k + 1
            if let inner, innerIsWhole, isProperName(inner), outer.map({ !isProperName($0) }) ?? true {
                return (inner, outer?.lowerBound ?? inner.lowerBound)
            }
            let opener = tokens[k + 1]
            guard opener.isWord, ["the", "a", "an", "who", "which", "whose", "its", "his", "her"].contains(opener.lower)
                    || !opener.isCapitalized && opener.lower.hasSuffix("ing")
                    || !opener.isCapitalized && SourcePhraseLexicon.heads.contains(opener.lower)
                    || opener.lower.unicodeScalars.first.map({ $0.value >= 0x30 && $0.value <= 0x39 }) == true
                    || innerIsWhole else { return nil }
            guard let outer else { return nil }
            return (outer, outer.lowerBound)
        }
        guard let source = finder.phrase(endingAt: j, floor: sentence.lowerBound) else { return nil }
        return (source, source.lowerBound)
    }

    /// A name rather than a description: after any determiner, a capitalised word, and no lower-case head.
    func isProperName(_ range: Range<Int>) -> Bool {
        var start = range.lowerBound
        while start < range.upperBound, ["the", "a", "an"].contains(tokens[start].lower) { start += 1 }
        guard start < range.upperBound, tokens[start].isCapitalized else { return false }
        return !(start..<range.upperBound).contains { !tokens[$0].isCapitalized && SourcePhraseLexicon.heads.contains(tokens[$0].lower) }
    }

    func isOutletLike(_ range: Range<Int>) -> Bool {
        range.contains { SourcePhraseLexicon.outletWords.contains(tokens[$0].lower) && (tokens[$0].isCapitalized || tokens[$0].lower == "newspaper") }
    }

    func isPronoun(_ range: Range<Int>) -> Bool {
        range.count == 1 && SourcePhraseLexicon.pronouns.contains(tokens[range.lowerBound].lower)
    }

    /// "SOURCE said (to AUDIENCE) (, quoting X,) (on Tuesday) that CONTENT", or "CONTENT, SOURCE said", or "CONTENT, said SOURCE".
    mutating func verbCue(_ i: Int, length: Int, entry: CueLexicon.Entry, sentence: Range<Int>) {
        let end = sentence.upperBound
        var f = i + length
        // Passive and raising: "is expected to", "was said to be".
        if i > sentence.lowerBound, ["is", "was", "are", "were", "be", "been", "being"].contains(tokens[i - 1].lower), entry.kind != .belief || f < end && tokens[f].lower == "to" {
            return
        }
        var cue = [span(i..<(i + length))]
        var via: [(String, Range<Int>)] = []
        let subject = subjectBefore(i, sentence: sentence) ?? coordinatedSubject(before: i, sentence: sentence)
        let source = subject?.source
        var claimantOverride: (String, Range<Int>)?
        if entry.takesAudience, f < end, let audience = finder.phrase(startingAt: f, limit: end), !isPronoun(audience) || tokens[audience.lowerBound].lower != "it" {
            if isOutletLike(audience) {
                via.append((text(audience), span(audience)))
            } else if audience.count == 1 {
                cue = [span(i..<audience.upperBound)]
            }
            f = audience.upperBound
        }
        // ", quoting two American officials familiar with the talks, that"
        if f + 1 < end, tokens[f].isMark(","), ["quoting", "citing"].contains(tokens[f + 1].lower),
           let inner = finder.phrase(startingAt: f + 2, limit: end) {
            var g = inner.upperBound
            while g < end, !tokens[g].isMark(","), g - inner.upperBound < 8 { g += 1 }
            claimantOverride = (text(inner), span(inner))
            cue.append(span((f + 1)..<(f + 2)))
            f = g < end ? g + 1 : g
        }
        // "on Tuesday that", "in a statement that": up to the "that".
        if f < end, tokens[f].isWord, ["in", "at", "on", "during", "after", "before", "late", "earlier", "last", "this", "while", "when", "to", "from", "via", "through", "with"].contains(tokens[f].lower) {
            var g = f
            while g < end, g - f < 14, tokens[g].lower != "that", !tokens[g].endsSentence { g += 1 }
            if g < end, tokens[g].lower == "that" { f = g + 1 } else { f = end }
        }
        // A clause of its own: "told reporters, however, that"
        if f < end, tokens[f].isMark(",") {
            var g = f + 1
            while g < end, g - f < 8, tokens[g].lower != "that", !tokens[g].endsSentence, !tokens[g].isMark(",") { g += 1 }
            if g < end, tokens[g].isMark(","), g + 1 < end, tokens[g + 1].lower == "that" { f = g + 2 }
            else if g < end, tokens[g].lower == "that" { f = g + 1 }
        }
        var contentEnd = end
        // "called for a review and urged the minister to resign": the second cue has its own content.
        var g = f
        while g + 1 < end {
            if ["and", "but"].contains(tokens[g].lower) {
                var h = g + 1
                while h < end, tokens[h].isWord, SourcePhraseLexicon.adverbs.contains(tokens[h].lower) { h += 1 }
                if h < end, let (_, next) = CueLexicon.match(tokens, at: h, limit: end), next.kind != .according, next.kind != .noun,
                   next.kind != .quoting, next.kind != .quotedAs {
                    contentEnd = g > f && tokens[g - 1].isMark(",") ? g - 1 : g
                    break
                }
            }
            g += 1
        }
        if f < end, ["but", "and", "while", "of", "about", "against", "on", "with", "by"].contains(tokens[f].lower) { f = end }
        // ", according to X" or ", citing X" after the content: another link of the chain.
        for g in f..<contentEnd where tokens[g].isMark(",") && g + 1 < end {
            if tokens[g + 1].lower == "according", g + 2 < end, tokens[g + 2].lower == "to",
               let outlet = finder.phrase(startingAt: g + 3, limit: end) {
                via.append((text(outlet), span(outlet)))
                contentEnd = g
                break
            }
            if ["citing", "quoting"].contains(tokens[g + 1].lower), let inner = finder.phrase(startingAt: g + 2, limit: end) {
                if let source, claimantOverride == nil {
                    claimantOverride = (text(inner), span(inner))
                    via.insert((text(source), span(source)), at: 0)
                }
                contentEnd = g
                break
            }
        }
        let rule: String
        var confidence: Double
        switch entry.kind {
        case .belief: rule = "belief"; confidence = 0.62
        case .intention: rule = "intention"; confidence = 0.55
        default: rule = "reported-speech"; confidence = 0.78
        }
        if let source, f < contentEnd, let content = contentSpan(f..<contentEnd), content.lowerBound - f <= 2,
           wordCount(content) >= 3 || entry.kind == .intention && wordCount(content) >= 2 {
            usedCues.insert(i)
            var draft = AttributionDraft(content: [span(content)], source: span(source), sourceText: text(source), cue: cue,
                                         claimant: nil, via: via, weakCue: entry.isWeak, confidence: confidence, rule: rule)
            apply(claimantOverride, to: &draft)
            if isPronoun(source) { draft.confidence -= 0.05 }
            draft.isPlainReport = Self.plainReports.contains(tokens[i].lower)
            drafts.append(draft)
            return
        }
        guard entry.kind != .intention else { return }
        // Inverted: "CONTENT, SOURCE said." — the cue ends the clause.
        let start = contentStart(of: sentence)
        var after = i + length
        while after < end, tokens[after].isWord, SourcePhraseLexicon.adverbs.contains(tokens[after].lower) || ["in", "a", "an", "statement", "interview", "news", "conference", "briefing", "reporters", "to", "at"].contains(tokens[after].lower) { after += 1 }
        let closesClause = after >= end || tokens[after].endsSentence || tokens[after].isMark(",")
        if let source, let subjectStart = subject?.start, closesClause, subjectStart - 1 > start, tokens[subjectStart - 1].isMark(","),
           let content = contentSpan(start..<(subjectStart - 1)), wordCount(content) >= 3 {
            usedCues.insert(i)
            var draft = AttributionDraft(content: [span(content)], source: span(source), sourceText: text(source), cue: cue,
                                         claimant: nil, via: via, weakCue: entry.isWeak, confidence: rule == "reported-speech" ? 0.76 : 0.6,
                                         rule: rule == "reported-speech" ? "inverted-speech" : rule)
            if after + 1 < end, tokens[after].isMark(","), ["citing", "quoting"].contains(tokens[after + 1].lower),
               let inner = finder.phrase(startingAt: after + 2, limit: end) {
                draft.via.insert((text(source), span(source)), at: 0)
                draft.cue?.append(span((after + 1)..<(after + 2)))
                apply((text(inner), span(inner)), to: &draft)
            }
            if isPronoun(source) { draft.confidence -= 0.05 }
            drafts.append(draft)
            return
        }
        // Inverted with the verb first: "CONTENT, said SOURCE."
        if i - 1 > start, tokens[i - 1].isMark(","), let after = finder.phrase(startingAt: i + length, limit: end),
           after.upperBound >= end || tokens[after.upperBound].endsSentence || tokens[after.upperBound].isMark(","),
           let content = contentSpan(start..<(i - 1)), wordCount(content) >= 3 {
            usedCues.insert(i)
            drafts.append(AttributionDraft(content: [span(content)], source: span(after), sourceText: text(after), cue: cue,
                                           claimant: nil, via: via, weakCue: entry.isWeak, confidence: 0.74, rule: "inverted-speech"))
        }
    }

    /// "Kowal called for a review and urged the minister to resign": the subject of the cue before "and".
    func coordinatedSubject(before i: Int, sentence: Range<Int>) -> (source: Range<Int>, start: Int)? {
        var j = i - 1
        while j >= sentence.lowerBound, tokens[j].isWord, SourcePhraseLexicon.adverbs.contains(tokens[j].lower) { j -= 1 }
        guard j > sentence.lowerBound, ["and", "but"].contains(tokens[j].lower) else { return nil }
        var k = j - 1
        while k >= sentence.lowerBound {
            if let (_, entry) = CueLexicon.match(tokens, at: k, limit: j), entry.kind == .speech || entry.kind == .belief || entry.kind == .intention,
               let subject = subjectBefore(k, sentence: sentence) {
                return subject
            }
            k -= 1
        }
        return nil
    }

    /// A chain's inner link becomes the claimant and the one who reported it goes to `via`.
    func apply(_ inner: (String, Range<Int>)?, to draft: inout AttributionDraft) {
        guard let (name, span) = inner, let outer = draft.sourceText, let outerSpan = draft.source else { return }
        if !draft.via.contains(where: { $0.span == outerSpan }) { draft.via.insert((outer, outerSpan), at: 0) }
        draft.source = span
        draft.sourceText = name
        draft.rule = "chain"
    }

    /// "According to X, CONTENT", "CONTENT, according to X", "CONTENT, according to X, CONTENT".
    mutating func accordingTo(_ i: Int, length: Int, sentence: Range<Int>) {
        let end = sentence.upperBound
        let source: Range<Int>?
        if tokens[i].isArabic {
            var j = i + length
            while j < end, j - i < 8, tokens[j].isWord { j += 1 }
            source = j > i + length ? (i + length)..<j : nil
        } else if let phrase = finder.phrase(startingAt: i + length, limit: end) {
            source = phrase
        } else {
            // "according to preliminary government figures released on Friday": up to the comma.
            var j = i + length
            while j < end, j - i < 8, tokens[j].isWord { j += 1 }
            source = j > i + length ? (i + length)..<j : nil
        }
        guard let source else { return }
        let start = contentStart(of: sentence)
        var content: [Range<Int>] = []
        let before = i > start ? contentSpan(start..<i) : nil
        var afterStart = source.upperBound
        // "according to the shipping monitor Tidewatch, …" — the name may run to the comma.
        while afterStart < end, !tokens[afterStart].isMark(","), !tokens[afterStart].isMark("،"), !tokens[afterStart].endsSentence, afterStart - source.upperBound < 6 { afterStart += 1 }
        let after = afterStart < end ? contentSpan(afterStart..<end) : nil
        let opensSentence = i == start || (i - start <= 1 && tokens[start].isWord && SourcePhraseLexicon.capitalisedStops.contains(tokens[start].lower))
        if opensSentence {
            if let after { content = [span(after)] }
        } else {
            if let before, wordCount(before) >= 2 { content.append(span(before)) }
            if let after, wordCount(after) >= 3, i > start, tokens[i - 1].isMark(","),
               !["which", "who", "whose", "where", "whom"].contains(tokens[after.lowerBound].lower) { content.append(span(after)) }
        }
        guard !content.isEmpty, content.reduce(0, { $0 + $1.count }) >= 12 else { return }
        usedCues.insert(i)
        drafts.append(AttributionDraft(content: content, source: span(source), sourceText: text(source), cue: [span(i..<(i + length))],
                                       claimant: nil, confidence: 0.8, rule: "according-to"))
    }

    /// "The Times quoted a senior official as saying (that) CONTENT."
    mutating func quotedAsSaying(_ i: Int, sentence: Range<Int>) {
        let end = sentence.upperBound
        guard let outlet = sourceBefore(i, sentence: sentence), let inner = finder.phrase(startingAt: i + 1, limit: end) else { return }
        var g = inner.upperBound
        while g < end, g - inner.upperBound < 8, tokens[g].lower != "as" { g += 1 }
        guard g + 1 < end, tokens[g + 1].lower == "saying" || tokens[g + 1].lower == "telling",
              let content = contentSpan((g + 2)..<end) else { return }
        usedCues.insert(i)
        drafts.append(AttributionDraft(content: [span(content)], source: span(inner), sourceText: text(inner),
                                       cue: [span(i..<(i + 1)), span(g..<(g + 2))], claimant: nil,
                                       via: [(text(outlet), span(outlet))], confidence: 0.85, rule: "quoted-as-saying"))
    }

    /// Words before a claim noun that leave it without a holder ("the claim that", "growing fears that").
    static let determiners: Set<String> = ["the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "these", "those",
                                           "such", "any", "growing", "repeated", "new", "earlier", "false", "unfounded"]

    /// "the claim that CONTENT", "Iran's denial that CONTENT"; "Iran claims that" is a verb.
    mutating func nounCue(_ i: Int, length: Int, entry: CueLexicon.Entry, sentence: Range<Int>) {
        let end = sentence.upperBound
        guard let content = contentSpan((i + length)..<end), wordCount(content) >= 3 else { return }
        let previous = i > sentence.lowerBound ? tokens[i - 1] : nil
        if let previous, previous.isWord, previous.lower.hasSuffix("'s"), previous.isCapitalized,
           let source = finder.phrase(endingAt: i - 1, floor: sentence.lowerBound) {
            usedCues.insert(i)
            drafts.append(AttributionDraft(content: [span(content)], source: span(source), sourceText: text(source),
                                           cue: [span(i..<(i + length - 1))], claimant: nil, confidence: 0.6, rule: "claim-noun"))
            return
        }
        if let previous, previous.isWord, Self.determiners.contains(previous.lower) {
            usedCues.insert(i)
            drafts.append(AttributionDraft(content: [span(content)], source: nil, sourceText: nil,
                                           cue: [span(i..<(i + length - 1))], claimant: nil, confidence: 0.4, rule: "claim-noun"))
            return
        }
        // "Iran claims that …": the noun is a verb here.
        if let source = sourceBefore(i, sentence: sentence) {
            usedCues.insert(i)
            drafts.append(AttributionDraft(content: [span(content)], source: span(source), sourceText: text(source),
                                           cue: [span(i..<(i + 1))], claimant: nil, confidence: 0.74, rule: "reported-speech"))
        }
    }

    /// Arabic: the verb opens the clause and the speaker follows ("وقال المتحدث باسم الوزارة إن …").
    mutating func arabicCue(_ i: Int, length: Int, sentence: Range<Int>) {
        let end = sentence.upperBound
        var j = i + length
        while j < end, j - i < 10, tokens[j].isWord, !["إن", "أن", "ان"].contains(tokens[j].lower) { j += 1 }
        guard j > i + length else { return }
        let source = (i + length)..<j
        var contentRange: Range<Int>?
        // "وقال اللواء فريد النوري، المتحدث باسم …، إن": an appositive between speaker and particle.
        if j < end, tokens[j].isMark("،") || tokens[j].isMark(",") {
            var k = j + 1
            while k < end, k - j < 16, !["إن", "أن", "ان"].contains(tokens[k].lower), !tokens[k].endsSentence { k += 1 }
            if k < end, ["إن", "أن", "ان"].contains(tokens[k].lower) { j = k }
        }
        if j < end, ["إن", "أن", "ان"].contains(tokens[j].lower) {
            contentRange = contentSpan((j + 1)..<end)
        } else if j < end, tokens[j].isMark(":") || tokens[j].isMark("،") || tokens[j].kind == .openQuote {
            contentRange = contentSpan(j..<end)
        }
        guard let content = contentRange, wordCount(content) >= 3 else { return }
        usedCues.insert(i)
        for (index, pair) in quotes.enumerated() where pair.open >= j && pair.open < end { usedQuotes.insert(index) }
        drafts.append(AttributionDraft(content: [span(content)], source: span(source), sourceText: text(source),
                                       cue: [span(i..<(i + length))], claimant: nil, confidence: 0.7, rule: "arabic-cue"))
    }
}

extension SuggestionToken.Kind {
    var isPunctuation: Bool { self != .word }
}
