/// Splits one paragraph into sentences.
///
/// The scanner walks the paragraph once and stops only at terminal marks
/// (`.`, `!`, `?`, `…` and those of other scripts). At each it looks at the
/// word before and the word after and decides; the rules, in the order they
/// are tried, are described in `docs/segmentation.md`. In short:
/// - a sentence ends only where white space follows the mark and any closing
///   quotes, brackets or footnote markers ("martyr.[1] The"), except between
///   glued sentences ("world.Today") and after CJK full stops;
/// - a lower-case next word never starts a sentence;
/// - the word before decides the rest: ordinary words and numbers end the
///   sentence; titles ("Gen.") never do; "No."/"p." not before a number;
///   "Inc.", "U.S.", "etc." and lone initials only before a word that starts
///   sentences ("It", "The", "However"), so names stay whole when unsure;
///   "a.m."/"p.m." end it unless the time belongs to an opening phrase
///   ("At 5 a.m. Mr. Smith went…") or a zone or day follows.
struct SentenceScanner {
    let t: UnsafeBufferPointer<UInt32>
    /// The paragraph: trimmed, so `lower` and `upper - 1` are not white space.
    let lower: Int
    let upper: Int
    /// The language the caller forces, or nil to read it from the paragraph's script where a rule asks.
    var language: ScriptLanguage? = nil

    /// Whether the Arabic-script rules may apply (`؛` ends sentences, an ellipsis runs on): unless English is forced.
    var arabicScriptRules: Bool { language?.usesArabicScript ?? true }

    enum Step {
        /// The sentence ends before `end`; the next one starts at `next`.
        case boundary(end: Int, next: Int)
        /// No boundary; go on scanning at `to`.
        case skip(to: Int)
    }

    func scan(paragraph: Int, into out: inout [Segmentation.Sentence]) {
        var lists = ListMarkerFinder()
        var start = lower
        var i = lower
        while i < upper {
            let v = t[i]
            if v < 0x80 {
                if v != 46 && v != 33 && v != 63 {
                    if v == 41, let marker = lists.marker(endingAt: i, t, lower..<upper) {  // "1)", "(a)"
                        startItem(marker, &lists, &start, paragraph, &out)
                    }
                    i += 1
                    continue
                }
                if v == 46, let marker = lists.marker(endingAt: i, t, lower..<upper) {  // "1.", "a.", "1.)"
                    startItem(marker, &lists, &start, paragraph, &out)
                    if marker.opensSentence || marker.followsColon {
                        // The dot of a marker where a sentence starts ("parts: 1. Cut taxes") ends nothing.
                        i += 1
                        continue
                    }
                }
            } else if !ScalarClass.isNonASCIITerminal(v) && !(v == 0x061B && arabicScriptRules) {
                // A bullet after white space starts an item.
                if ScalarClass.isBullet(v) && i > start && ScalarClass.isSpace(t[i - 1]) {
                    emit(start, i, paragraph, &out)
                    start = i
                }
                i += 1
                continue
            }
            switch step(at: i, sentenceStart: start) {
            case .boundary(let end, let next):
                emit(start, end, paragraph, &out)
                start = next
                i = next
            case .skip(let to):
                i = max(to, i + 1)
            }
        }
        emit(start, upper, paragraph, &out)
    }

    /// A list marker: if it continues a list, it and the list's previous item start sentences,
    /// splitting the current or an already emitted sentence where needed.
    private func startItem(_ marker: ListMarkerFinder.Marker, _ lists: inout ListMarkerFinder, _ start: inout Int,
                           _ paragraph: Int, _ out: inout [Segmentation.Sentence]) {
        guard let previous = lists.add(marker) else { return }
        if previous.position > start {
            emit(start, previous.position, paragraph, &out)
            start = previous.position
        } else if previous.position < start {
            // The previous item sits inside a sentence already emitted: split that sentence there.
            var k = out.count - 1
            while k >= 0 && out[k].paragraph == paragraph && out[k].range.lowerBound > previous.position { k -= 1 }
            if k >= 0 && out[k].paragraph == paragraph && previous.position < out[k].range.upperBound {
                let whole = out[k].range
                var pieces: [Segmentation.Sentence] = []
                emit(whole.lowerBound, previous.position, paragraph, &pieces)
                if whole.upperBound <= previous.end {
                    // The sentence ended at the item's own dot ("offices 1." | "Voters…"): rejoin the item
                    // with what follows it.
                    if k + 1 < out.count {
                        emit(previous.position, out[k + 1].range.upperBound, paragraph, &pieces)
                        out.replaceSubrange(k...(k + 1), with: pieces)
                    } else {
                        out.replaceSubrange(k...k, with: pieces)
                        start = previous.position
                    }
                } else {
                    emit(previous.position, whole.upperBound, paragraph, &pieces)
                    out.replaceSubrange(k...k, with: pieces)
                }
            }
        }
        if marker.position > start {
            emit(start, marker.position, paragraph, &out)
            start = marker.position
        }
    }

    private func emit(_ s: Int, _ e: Int, _ paragraph: Int, _ out: inout [Segmentation.Sentence]) {
        var s = s, e = e
        while s < e && ScalarClass.isSpace(t[s]) { s += 1 }
        while e > s && ScalarClass.isSpace(t[e - 1]) { e -= 1 }
        if s < e { out.append(Segmentation.Sentence(range: s..<e, paragraph: paragraph)) }
    }

    // MARK: - Terminal marks

    func step(at i: Int, sentenceStart start: Int) -> Step {
        let v = t[i]
        if v == 46 || v == 0x2026 {
            let runEnd = endOfDotRun(i)
            // Elision marks: "[...]", "(…)".
            if i > lower && (t[i - 1] == 91 || t[i - 1] == 40) && runEnd < upper && (t[runEnd] == 93 || t[runEnd] == 41) {
                return .skip(to: runEnd + 1)
            }
            let attached = i > start && !ScalarClass.isSpace(t[i - 1]) && !ScalarClass.isOpeningBracket(t[i - 1])
            var hasEllipsisCharacter = false
            for k in i..<runEnd where t[k] == 0x2026 { hasEllipsisCharacter = true }
            let dots = runEnd - i
            if hasEllipsisCharacter || dots >= 3 { return ellipsis(runEnd: runEnd, attached: attached) }
            if dots == 1 {
                var k = runEnd, count = 1
                while k + 1 < upper && t[k] == 32 && t[k + 1] == 46 {
                    count += 1
                    k += 2
                }
                if count >= 3 { return spacedEllipsis(at: i, end: k, count: count, attached: attached) }
                if runEnd < upper {
                    let after = t[runEnd]
                    if !ScalarClass.isSpace(after) && !isCloser(at: runEnd) && after != 91 {
                        if ScalarClass.isASCIIDigit(after) { return footnote(at: i) ?? .skip(to: runEnd) }
                        if ScalarClass.isLetter(after) { return glued(at: i, sentenceStart: start) ?? .skip(to: runEnd) }
                        return .skip(to: runEnd)
                    }
                }
            }
            return fullStop(at: i, runEnd: runEnd, sentenceStart: start)
        }
        if ScalarClass.isExclamationOrQuestion(v) { return exclamation(at: i, sentenceStart: start) }
        if ScalarClass.isIdeographicTerminal(v) { return ideographic(at: i) }
        return otherScript(at: i)
    }

    /// A full stop (or two) after a word: the main decision.
    func fullStop(at i: Int, runEnd: Int, sentenceStart start: Int) -> Step {
        let e = skipClosers(runEnd)
        guard e < upper else { return .skip(to: upper) }
        guard ScalarClass.isSpace(t[e]) else { return .skip(to: e) }  // "Jr.'s", "Inc.,"
        let n = skipSpaces(e)
        guard n < upper else { return .skip(to: upper) }
        let next = NextWord(t, at: n, upper: upper)
        if next.kind == .lower { return .skip(to: n) }
        if continuesAfterQuotation(closers: runEnd..<e, next: n) { return .skip(to: n) }
        let word = WordBefore(t, dot: i, sentenceStart: start)
        return endsSentence(word, next, sentenceStart: start) ? .boundary(end: e, next: n) : .skip(to: n)
    }

    /// `!`, `?` and runs of them.
    func exclamation(at i: Int, sentenceStart start: Int) -> Step {
        var j = i
        while j < upper && (ScalarClass.isExclamationOrQuestion(t[j]) || t[j] == 46 || t[j] == 0x2026) { j += 1 }
        if j < upper {
            let after = t[j]
            // "Y!J", "!Kung", "alone!, he yelled"
            if !ScalarClass.isSpace(after) && !isCloser(at: j) && after != 91 { return .skip(to: j) }
        }
        let e = skipClosers(j)
        guard e < upper else { return .skip(to: upper) }
        guard ScalarClass.isSpace(t[e]) else { return .skip(to: e) }
        let n = skipSpaces(e)
        guard n < upper else { return .skip(to: upper) }
        let next = NextWord(t, at: n, upper: upper)
        if next.kind == .lower { return .skip(to: n) }
        if next.dashed && next.kind != .upper { return .skip(to: n) }
        if continuesAfterQuotation(closers: j..<e, next: n) { return .skip(to: n) }
        if t[i] == 33, let key = keyOfWord(endingAt: i, sentenceStart: start),
           AbbreviationLexicon.exclamatoryNames.contains(key) {
            return startsSentence(next) ? .boundary(end: e, next: n) : .skip(to: n)
        }
        return .boundary(end: e, next: n)
    }

    /// "。", "．", "！", "？": no space is needed after them.
    func ideographic(at i: Int) -> Step {
        var j = i
        while j < upper && ScalarClass.isTerminal(t[j]) { j += 1 }
        // A full-width decimal point: "３．２９".
        if t[i] == 0xFF0E && i > lower && ScalarClass.isDigit(t[i - 1]) && j < upper && ScalarClass.isDigit(t[j]) {
            return .skip(to: j)
        }
        let e = skipClosers(j)
        guard e < upper else { return .skip(to: upper) }
        return .boundary(end: e, next: skipSpaces(e))
    }

    /// Terminal marks of other scripts (Devanagari danda, Arabic question mark, Urdu full stop…).
    func otherScript(at i: Int) -> Step {
        var j = i + 1  // past the mark itself, which may be the Arabic semicolon
        while j < upper && ScalarClass.isTerminal(t[j]) { j += 1 }
        let e = skipClosers(j)
        guard e < upper else { return .skip(to: upper) }
        guard ScalarClass.isSpace(t[e]) else { return .skip(to: e) }
        let n = skipSpaces(e)
        guard n < upper else { return .skip(to: upper) }
        if continuesAfterQuotation(closers: j..<e, next: n) { return .skip(to: n) }
        return NextWord(t, at: n, upper: upper).kind == .lower ? .skip(to: n) : .boundary(end: e, next: n)
    }

    /// A quotation closed by its own mark and followed by a postposition that takes it as object
    /// ("“پاکستان زندہ باد!” کے نعرے", "«مرگ بر دیکتاتور!» را"): the sentence goes on. Arabic
    /// script has no lower case to say so, these words do.
    func continuesAfterQuotation(closers: Range<Int>, next n: Int) -> Bool {
        guard arabicScriptRules, !closers.isEmpty, n < upper, ScriptLanguageDetector.isArabicScript(t[n]) else { return false }
        var m = n
        while m < upper && m - n < 8 && ScalarClass.isLetter(t[m]) { m += 1 }
        return ArabicScriptLexicon.isPostposition(t, n..<m)
    }

    /// "...", "…" and longer runs of dots.
    func ellipsis(runEnd: Int, attached: Bool) -> Step {
        let e = skipClosers(runEnd)
        // An ellipsis standing apart ("really ... well") marks an omission, not an end.
        guard attached, e < upper, ScalarClass.isSpace(t[e]) else { return .skip(to: max(e, runEnd)) }
        let n = skipSpaces(e)
        guard n < upper else { return .skip(to: upper) }
        let next = NextWord(t, at: n, upper: upper)
        // Arabic-script writers use "..." as a pause inside the sentence; without capitals nothing marks an end.
        if next.arabicScript && arabicScriptRules { return .skip(to: n) }
        if (next.kind == .upper || next.kind == .uncased) && !next.dashed { return .boundary(end: e, next: n) }
        return .skip(to: n)
    }

    /// ". . ." and ". . . .": three spaced dots are an omission; a fourth is a full stop.
    func spacedEllipsis(at i: Int, end k: Int, count: Int, attached: Bool) -> Step {
        let e = skipClosers(k)
        guard count >= 4, e < upper, ScalarClass.isSpace(t[e]) else { return .skip(to: max(e, k)) }
        let n = skipSpaces(e)
        guard n < upper else { return .skip(to: upper) }
        let next = NextWord(t, at: n, upper: upper)
        guard next.kind == .upper && !next.dashed else { return .skip(to: n) }
        // "compounds. . . . The": the first dot ends the sentence and the omission opens the next.
        if attached { return .boundary(end: i + 1, next: skipSpaces(i + 1)) }
        return .boundary(end: e, next: n)
    }

    /// A footnote number glued to the full stop: "consultation.11 12 Take", "(type 2).10 This".
    func footnote(at i: Int) -> Step? {
        guard i >= lower + 2 else { return nil }
        let before = t[i - 1]
        guard (ScalarClass.isLower(before) && ScalarClass.isLetter(t[i - 2])) || before == 41 || before == 93
            || before == 34 || before == 0x201D || before == 0x2019
        else { return nil }
        var k = i + 1
        var groupEnd = k
        while true {
            var digits = 0
            while k < upper && ScalarClass.isASCIIDigit(t[k]) && digits < 4 {
                k += 1
                digits += 1
            }
            guard digits >= 1 && digits <= 3 else { return nil }
            groupEnd = k
            if k + 1 < upper && (t[k] == 44 || t[k] == 32) && ScalarClass.isASCIIDigit(t[k + 1]) {
                k += 1
                continue
            }
            break
        }
        guard k < upper, ScalarClass.isSpace(t[k]) else { return nil }
        let n = skipSpaces(k)
        guard n < upper, ScalarClass.isUpper(t[n]) else { return nil }
        return .boundary(end: groupEnd, next: n)
    }

    /// Sentences glued without a space: "world.Today", "1,000.That" — but not "Jane.Doe@example.com",
    /// "www.example.Com" or "Mr.Smith".
    func glued(at i: Int, sentenceStart start: Int) -> Step? {
        guard i + 2 < upper, ScalarClass.isUpper(t[i + 1]), ScalarClass.isLower(t[i + 2]) else { return nil }
        guard i - 2 >= start, ScalarClass.isLower(t[i - 1]) || ScalarClass.isDigit(t[i - 1]),
              ScalarClass.isAlphanumeric(t[i - 2])
        else { return nil }
        // The whole token must not be an address.
        var tokenStart = i
        while tokenStart > lower && i - tokenStart < 256 && !ScalarClass.isSpace(t[tokenStart - 1]) { tokenStart -= 1 }
        for k in tokenStart..<i {
            let v = t[k]
            if v == 64 || v == 47 || v == 58 || v == 92 || v == 95 { return nil }
        }
        if i - tokenStart >= 4, let key = WordKey.make(t, tokenStart..<(tokenStart + 3)),
           key == Self.www, t[tokenStart + 3] == 46 {
            return nil
        }
        var k = i + 1
        while k < upper && ScalarClass.isLetter(t[k]) { k += 1 }
        if k + 1 < upper && t[k] == 46 && ScalarClass.isLetter(t[k + 1]) { return nil }  // "testurl.Awesome.com"
        if k < upper && (t[k] == 64 || t[k] == 47 || t[k] == 95) { return nil }
        // Not after a title: "Mr.Smith".
        var wordStart = i
        while wordStart > tokenStart && ScalarClass.isLetter(t[wordStart - 1]) { wordStart -= 1 }
        if let key = WordKey.make(t, wordStart..<i), let rule = AbbreviationLexicon.words[key],
           rule.contains(.prepositive) || rule.contains(.inner) {
            return nil
        }
        return .boundary(end: i + 1, next: i + 1)
    }

    private static let www = WordKey.make("www")

    // MARK: - The decision after a full stop

    /// Whether the full stop after `word`, followed by white space and `next`, ends the sentence.
    func endsSentence(_ word: WordBefore, _ next: NextWord, sentenceStart start: Int) -> Bool {
        if next.arabicScript, let ends = arabicScriptAbbreviationEnds(word) { return ends }
        switch word.kind {
        case .none:
            return true
        case .number(let short):
            // "1. The first item": a list number opening the sentence.
            return !(short && isFirstToken(word.start, sentenceStart: start))
        case .dotted(let key):
            let rule = key.flatMap { AbbreviationLexicon.dotted[$0] } ?? .postpositive
            return decide(rule, capitalised: true, word, next, sentenceStart: start)
        case .letter(let letter, let isUpper):
            if isFirstToken(word.start, sentenceStart: start) { return false }  // "a. The first item", "Q. What…"
            if !isUpper && letter == 118 { return false }  // "Roe v. Wade"
            if next.kind == .digit || next.isInitial { return false }  // "p. 55", "J. K. Rowling"
            guard startsSentence(next) && !next.bracketed else { return false }
            // After a capitalised word the letter is likely a name's initial: "Robert E. Most".
            if isUpper && followsCapitalisedWord(word.start), let key = next.key {
                return AbbreviationLexicon.strongSentenceStarters.contains(key)
            }
            return true
        case .word(let key, let capitalised, let allCapitals, let vowelless):
            guard let key else { return true }
            if AbbreviationLexicon.romanNumerals[key] != nil && isFirstToken(word.start, sentenceStart: start) {
                return false  // "II. The results"
            }
            var rule: AbbreviationRule?
            if key == Self.st {
                // "St. Michael's" (saint) against "Main St. The" (street).
                rule = capitalised && !followsNameOrOrdinal(word.start) ? .prepositive : .postpositive
            } else if key == Self.ft {
                rule = followsNumber(word.start) ? .postpositive : .prepositive  // "6 ft. The" against "Ft. Worth"
            } else {
                rule = AbbreviationLexicon.words[key]
            }
            if rule == nil && vowelless && !allCapitals && !AbbreviationLexicon.vowellessWords.contains(key) {
                rule = .postpositive  // "Bldg.", "Mgr.": unknown abbreviations
            }
            guard var rule else { return true }
            if rule.contains(.capitalOnly) && !capitalised { return true }
            if rule.contains(.prepositive) && !capitalised {
                rule.remove(.prepositive)
                rule.insert(.postpositive)
            }
            return decide(rule, capitalised: capitalised, word, next, sentenceStart: start)
        }
    }

    /// Before an Arabic-script word, where capitals cannot tell a name from a new sentence: a single
    /// letter or dotted letters ("د.", "ج.ا.ا.", "ه.ق.") are abbreviations and never end the sentence,
    /// except era and unit marks right after a number ("١٩٥٠ م.", "٦٥٦ هـ.", "٣٠٠ ق.م."): in Arabic,
    /// where the verb comes first and a date closes the clause, they end it; in Persian and Urdu,
    /// where the verb comes last, the sentence goes on. Nil when the word is an ordinary one.
    func arabicScriptAbbreviationEnds(_ word: WordBefore) -> Bool? {
        guard arabicScriptRules, word.start < upper, ScriptLanguageDetector.isArabicScript(t[word.start]) else { return nil }
        switch word.kind {
        case .letter, .dotted:
            guard followsNumber(word.start) else { return false }
        case .word:
            guard word.letterCount(t) <= 2, followsNumber(word.start) else { return nil }  // "هـ", "كم"
        default:
            return nil
        }
        let language = language ?? ScriptLanguageDetector.detect(t, lower..<upper)
        return language == .arabic
    }

    private static let st = WordKey.make("st")
    private static let ft = WordKey.make("ft")

    func decide(_ rule: AbbreviationRule, capitalised: Bool, _ word: WordBefore, _ next: NextWord,
                sentenceStart start: Int) -> Bool {
        if rule.contains(.inner) { return false }
        if rule.contains(.clock) { return clockEndsSentence(word, next, sentenceStart: start) }
        let abbreviation = rule.contains(.prepositive) || rule.contains(.postpositive)
        if next.kind == .digit && (abbreviation || rule.contains(.beforeNumber)) { return false }
        if rule.contains(.prepositive) { return false }
        if rule.contains(.postpositive) { return startsSentence(next) }
        return true
    }

    /// After an ambiguous abbreviation: a sentence starts only with a known starter word or a quotation.
    func startsSentence(_ next: NextWord) -> Bool {
        guard next.kind == .upper, !next.dashed else { return false }
        if next.quoted && !next.bracketed { return true }
        guard let key = next.key, !next.hyphenated, !next.isInitial else { return false }
        if AbbreviationLexicon.sentenceStarters.contains(key) { return true }
        return next.apostrophe && AbbreviationLexicon.contractionStarters.contains(key)
    }

    /// "a.m." and "p.m.": the end of a sentence before a capital, unless the time opens the
    /// sentence ("At 5 a.m. Mr. Smith went") or the next word belongs to it ("5 p.m. ET").
    func clockEndsSentence(_ word: WordBefore, _ next: NextWord, sentenceStart start: Int) -> Bool {
        if next.dashed { return false }
        switch next.kind {
        case .upper:
            if let key = next.key, AbbreviationLexicon.clockContinuations.contains(key) { return false }
            return !isIntroductoryTimePhrase(clockStart: word.start, sentenceStart: start)
        case .uncased:
            return true
        default:
            return false
        }
    }

    /// Whether the sentence so far is only an opening time phrase: at most four words,
    /// the first a preposition such as "At", "By", "Shortly" or the number itself.
    func isIntroductoryTimePhrase(clockStart: Int, sentenceStart start: Int) -> Bool {
        let first = firstTokenStart(start)
        guard first < clockStart, clockStart - first <= 80 else { return first == clockStart }
        if !ScalarClass.isDigit(t[first]) {
            var m = first
            while m < clockStart && ScalarClass.isLetter(t[m]) { m += 1 }
            guard let key = WordKey.make(t, first..<m), AbbreviationLexicon.timePhraseOpeners.contains(key) else {
                return false
            }
        }
        var tokens = 0
        var inToken = false
        for k in first..<clockStart {
            if ScalarClass.isSpace(t[k]) {
                inToken = false
            } else if !inToken {
                inToken = true
                tokens += 1
            }
        }
        return tokens <= 4
    }

    // MARK: - Helpers

    func endOfDotRun(_ i: Int) -> Int {
        var j = i
        while j < upper && (t[j] == 46 || t[j] == 0x2026) { j += 1 }
        return j
    }

    func skipSpaces(_ k: Int) -> Int {
        var k = k
        while k < upper && ScalarClass.isSpace(t[k]) { k += 1 }
        return k
    }

    /// Past closing quotes and brackets and footnote markers such as "[1]" or "[2–11]".
    func skipClosers(_ j: Int) -> Int {
        var e = j
        while e < upper {
            let v = t[e]
            if isCloser(at: e) {
                e += 1
                continue
            }
            // A French closing guillemet after a space: "« Assez. »".
            if ScalarClass.isSpace(v) && e + 1 < upper && (t[e + 1] == 0xBB || t[e + 1] == 0x203A)
                && (e + 2 == upper || ScalarClass.isSpace(t[e + 2])) {
                e += 2
                continue
            }
            if v == 91 {
                var m = e + 1
                while m < upper && m - e <= 10
                    && (ScalarClass.isASCIIDigit(t[m]) || ScalarClass.isASCIILower(t[m]) || ScalarClass.isDash(t[m])
                        || t[m] == 44)
                {
                    m += 1
                }
                if m > e + 1 && m < upper && t[m] == 93 {
                    e = m + 1
                    continue
                }
            }
            break
        }
        return e
    }

    /// A closing quote or bracket at `k`; also `“` followed by white space or the paragraph's end,
    /// as Arabic text typed right to left often closes its quotations.
    @inline(__always) func isCloser(at k: Int) -> Bool {
        let v = t[k]
        if ScalarClass.isCloser(v) { return true }
        return v == 0x201C && (k + 1 == upper || ScalarClass.isSpace(t[k + 1]))
    }

    /// Where the sentence's first word starts, past bullets, dashes, opening quotes and brackets.
    func firstTokenStart(_ start: Int) -> Int {
        var k = start
        let limit = min(upper, start + 64)  // bounded, so long runs of brackets cannot make scanning quadratic
        while k < limit {
            let v = t[k]
            if ScalarClass.isSpace(v) || ScalarClass.isOpener(v) || ScalarClass.isBullet(v) || ScalarClass.isDash(v) {
                k += 1
            } else {
                break
            }
        }
        return k
    }

    func isFirstToken(_ wordStart: Int, sentenceStart start: Int) -> Bool {
        wordStart <= start || firstTokenStart(start) >= wordStart
    }

    /// Whether the word before `wordStart` is capitalised or an ordinal ("Main St.", "5th St.").
    func followsNameOrOrdinal(_ wordStart: Int) -> Bool {
        var k = wordStart
        while k > lower && ScalarClass.isSpace(t[k - 1]) { k -= 1 }
        guard k < wordStart, k > lower else { return false }
        let end = k
        while k > lower && ScalarClass.isAlphanumeric(t[k - 1]) && end - k < 40 { k -= 1 }
        guard k < end else { return false }
        if ScalarClass.isUpper(t[k]) { return true }
        return ScalarClass.isASCIIDigit(t[k]) && end - k >= 3 && ScalarClass.isASCIILower(t[end - 1])
    }

    func followsCapitalisedWord(_ wordStart: Int) -> Bool {
        var k = wordStart
        while k > lower && ScalarClass.isSpace(t[k - 1]) { k -= 1 }
        guard k < wordStart else { return false }
        let end = k
        while k > lower && ScalarClass.isLetter(t[k - 1]) && end - k < 40 { k -= 1 }
        return k < end && ScalarClass.isUpper(t[k])
    }

    func followsNumber(_ wordStart: Int) -> Bool {
        var k = wordStart
        while k > lower && ScalarClass.isSpace(t[k - 1]) { k -= 1 }
        return k > lower && k < wordStart && ScalarClass.isDigit(t[k - 1])
    }

    /// The key of the letters right before `i` ("Yahoo" in "Yahoo!").
    func keyOfWord(endingAt i: Int, sentenceStart start: Int) -> UInt64? {
        var k = i
        while k > start && i - k < 16 && ScalarClass.isLetter(t[k - 1]) { k -= 1 }
        return k < i ? WordKey.make(t, k..<i) : nil
    }
}

/// The word that ends at a full stop, read backwards from it.
struct WordBefore {
    enum Kind {
        /// Nothing word-like before the stop (a closing bracket, a space).
        case none
        /// Ends in a digit; `short` if it is one to three digits alone (a list number).
        case number(short: Bool)
        /// Letters in groups of one or two joined by full stops ("U.S", "a.m", "Ph.D"), keyed without the stops.
        case dotted(UInt64?)
        /// A single letter.
        case letter(UInt32, isUpper: Bool)
        case word(UInt64?, capitalised: Bool, allCapitals: Bool, vowelless: Bool)
    }

    var start: Int
    var kind: Kind

    /// Letters from `start` to the stop, tatweel not counted.
    func letterCount(_ t: UnsafeBufferPointer<UInt32>) -> Int {
        var n = 0, k = start
        while k < t.count && ScalarClass.isLetter(t[k]) {
            if t[k] != 0x0640 { n += 1 }
            k += 1
        }
        return n
    }

    init(_ t: UnsafeBufferPointer<UInt32>, dot: Int, sentenceStart: Int) {
        // Fast path: eight or more letters before the stop are an ordinary word, never a listed abbreviation.
        var tail = 0
        while tail < 8 && dot - tail > sentenceStart && ScalarClass.isASCIILower(t[dot - tail - 1] | 0x20) {
            tail += 1
        }
        if tail == 8 {
            start = dot - 8
            kind = .word(nil, capitalised: false, allCapitals: false, vowelless: false)
            return
        }
        var ws = dot
        while ws > sentenceStart {
            let v = t[ws - 1]
            guard ScalarClass.isAlphanumeric(v) || v == 46 || v == 0xB0 || v == 0xBA, dot - ws < 64 else { break }
            ws -= 1
        }
        while ws < dot && t[ws] == 46 { ws += 1 }
        start = ws
        guard ws < dot else {
            kind = .none
            return
        }
        if ws > sentenceStart {
            // An e-mail address, URL or path: "Jane.Doe@example.com.", ".../awesome_content.html."
            let before = t[ws - 1]
            if before == 64 || before == 47 || before == 58 || before == 95 || before == 92 || before == 61 {
                kind = .word(nil, capitalised: false, allCapitals: false, vowelless: false)
                return
            }
        }
        let last = t[dot - 1]
        if ScalarClass.isDigit(last) {
            var allDigits = true
            for k in ws..<dot where !ScalarClass.isASCIIDigit(t[k]) { allDigits = false }
            kind = .number(short: allDigits && dot - ws <= 3)
            return
        }
        var dots = 0, letters = 0, segment = 0, longestSegment = 0, hasDigit = false
        var vowelless = true, allCapitals = true
        for k in ws..<dot {
            let v = t[k]
            if v == 46 {
                dots += 1
                segment = 0
                continue
            }
            if ScalarClass.isDigit(v) { hasDigit = true }
            letters += 1
            segment += 1
            longestSegment = max(longestSegment, segment)
            if ScalarClass.isASCIIVowel(v) || v >= 0x80 { vowelless = false }
            if ScalarClass.isLower(v) { allCapitals = false }
        }
        if hasDigit {
            kind = .word(nil, capitalised: false, allCapitals: false, vowelless: false)
        } else if dots > 0 {
            kind = longestSegment <= 2 && t[dot - 1] != 46
                ? .dotted(WordKey.make(t, ws..<dot, skippingDots: true))
                : .word(nil, capitalised: false, allCapitals: false, vowelless: false)
        } else if letters == 1 && ScalarClass.isLetter(t[ws]) {
            kind = .letter(t[ws], isUpper: ScalarClass.isUpper(t[ws]))
        } else {
            kind = .word(WordKey.make(t, ws..<dot), capitalised: ScalarClass.isUpper(t[ws]),
                         allCapitals: allCapitals, vowelless: vowelless && letters <= 5)
        }
    }
}

/// The first word after white space that follows a terminal mark.
struct NextWord {
    enum Kind { case lower, upper, digit, uncased, other }

    var kind: Kind = .other
    /// The first word's letters as a key (if short and ASCII).
    var key: UInt64?
    /// An apostrophe and letters follow the word ("Don't").
    var apostrophe = false
    /// A hyphen follows the word ("A-list").
    var hyphenated = false
    /// The word is a single capital followed by a full stop ("K." in "J. K. Rowling").
    var isInitial = false
    /// An opening quote, bracket or dash came before the word.
    var quoted = false
    var bracketed = false
    var dashed = false
    /// The word is written in Arabic script.
    var arabicScript = false

    init(_ t: UnsafeBufferPointer<UInt32>, at n: Int, upper: Int) {
        var k = n
        var guardCount = 0
        while k < upper && guardCount < 8 {
            guardCount += 1
            let v = t[k]
            if ScalarClass.isDash(v) {
                dashed = true
                k += 1
                while k < upper && (ScalarClass.isDash(t[k]) || ScalarClass.isSpace(t[k])) { k += 1 }
                continue
            }
            if ScalarClass.isOpener(v) {
                if ScalarClass.isOpeningBracket(v) {
                    bracketed = true
                } else if v != 42 && v != 95 {
                    quoted = true
                }
                k += 1
                continue
            }
            break
        }
        guard k < upper else { return }
        let v = t[k]
        if ScalarClass.isLower(v) {
            kind = .lower
        } else if ScalarClass.isUpper(v) {
            kind = .upper
            var m = k
            while m < upper && m - k < 16 && ScalarClass.isLetter(t[m]) { m += 1 }
            key = WordKey.make(t, k..<m)
            if m < upper {
                let after = t[m]
                apostrophe = (after == 39 || after == 0x2019) && m + 1 < upper && ScalarClass.isLetter(t[m + 1])
                hyphenated = ScalarClass.isDash(after)
                isInitial = m - k == 1 && after == 46
            }
        } else if ScalarClass.isDigit(v) {
            kind = .digit
        } else if ScalarClass.isUncasedLetter(v) {
            kind = .uncased
            arabicScript = ScriptLanguageDetector.isArabicScript(v)
        }
    }
}
