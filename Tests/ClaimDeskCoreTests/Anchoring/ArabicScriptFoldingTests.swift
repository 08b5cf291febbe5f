import Testing
@testable import ClaimDeskCore

/// Arabic, Persian and Urdu spelling variants fold alike, and matches still point at the text as written.
@Suite struct ArabicScriptFoldingTests {
    func folded(_ s: String, caseInsensitive: Bool = true) -> String {
        String(String.UnicodeScalarView(FoldedText(s.unicodeScalars, caseInsensitive: caseInsensitive).units
            .compactMap(Unicode.Scalar.init)))
    }

    func hits(_ pattern: String, in text: String, caseInsensitive: Bool = true) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return FoldedText(scalars, caseInsensitive: caseInsensitive)
            .occurrences(of: FoldedText.pattern(pattern, caseInsensitive: caseInsensitive))
            .map { String(String.UnicodeScalarView(scalars[$0])) }
    }

    @Test(arguments: [
        ("الإيراني", "الايراني"),  // hamza below
        ("أحمد", "احمد"),  // hamza above
        ("آخر", "اخر"),  // madda
        ("ٱلله", "الله"),  // wasla
        ("ایران", "ايران"),  // Farsi yeh
        ("مصطفى", "مصطفي"),  // alef maksura
        ("کشور", "كشور"),  // keheh
        ("مدرسة", "مدرسه"),  // teh marbuta
        ("خانۀ", "خانه"),  // heh with yeh above
        ("مسؤول", "مسوول"),  // waw with hamza
        ("رئيس", "رييس"),  // yeh with hamza
        ("می\u{200C}خواهد", "میخواهد"),  // zero-width non-joiner
        ("الـعـراق", "العراق"),  // tatweel
        ("كَتَبَ", "كتب"),  // harakat
        ("محمّد", "محمد"),  // shadda
        ("هٰذا", "هذا"),  // superscript alef
        ("١٢٣٫٥", "123.5"),  // Arabic-Indic digits and decimal separator
        ("۱۴۰۳", "1403"),  // Extended Arabic-Indic digits
        ("٢٬٥٠٠", "2,500"),  // thousands separator
        ("ا\u{0654}حمد", "احمد"),  // decomposed hamza above
    ])
    func variantsFoldAlike(written: String, typed: String) {
        #expect(folded(written) == folded(typed))
        #expect(folded(written, caseInsensitive: false) == folded(typed, caseInsensitive: false))
    }

    @Test func distinctLettersStayDistinct() {
        #expect(folded("بھارت") != folded("بهارت"))  // do-chashmi heh marks aspiration in Urdu
        #expect(folded("جزء") != folded("جز"))  // the lone hamza is a letter
        #expect(folded("ت") != folded("ة"))
    }

    @Test func aTypedSpellingFindsEveryWrittenOne() {
        let text = "قال المسؤول الإيراني إن إيران وایران والإيرانيون"
        // Inside "الإيراني" and "الإيرانيون" too: find matches within words, as in English.
        #expect(hits("ايران", in: text) == ["إيران", "إيران", "ایران", "إيران"])
        #expect(hits("الايراني", in: text) == ["الإيراني", "الإيراني"])
    }

    @Test func aMatchCoversTheDiacriticsOfItsLastLetter() {
        let text = "وقد كَتَبَ الوزيرُ رسالةً"
        let scalars = Array(text.unicodeScalars)
        let ranges = FoldedText(scalars).occurrences(of: FoldedText.pattern("كتب"))
        #expect(ranges.count == 1)
        // The range runs from kaf to the fatha after beh: six code points, as written.
        #expect(ranges.first.map { String(String.UnicodeScalarView(scalars[$0])) } == "كَتَبَ")
        #expect(ranges.first?.count == 6)
        #expect(hits("الوزير", in: text) == ["الوزيرُ"])
        #expect(hits("رساله", in: text) == ["رسالةً"])
    }

    @Test func offsetsCountTheUnfoldedText() {
        // "٣ أيام": digit, space, alef with hamza, yeh, alef, meem.
        let text = "منذ ٣ أيام"
        let ranges = FoldedText(text.unicodeScalars).occurrences(of: FoldedText.pattern("3 ايام"))
        #expect(ranges == [4..<10])
    }

    @Test func latinTextFoldsAsBefore() {
        #expect(folded("“Don’t” — she said…") == "\"don't\" - she said...")
        #expect(folded("ÉLAN Straße") == "élan straße")
    }
}

/// Re-anchoring uses the same folding: an edit that only adds vowel marks or switches yeh and
/// kaf does not orphan an annotation.
@Suite struct ArabicScriptReanchoringTests {
    @Test func anEditThatOnlyChangesSpellingKeepsTheAnchor() {
        let old = "قال المسؤول الايراني إن طهران لم تتلق اي طلب. وأضاف ان الحوار مستمر."
        let new = "قال المسؤول الإيرانيّ إن طهران لم تتلقَّ أی طلب. وأضاف ان الحوار مستمر."
        let quote = "الايراني إن طهران لم تتلق اي طلب"
        let oldScalars = Array(old.unicodeScalars)
        let start = FoldedText(oldScalars).occurrences(of: FoldedText.pattern(quote))[0].lowerBound
        let query = AnchorQuery(start: start, end: start + quote.unicodeScalars.count, exact: quote,
                                prefix: "قال المسؤول ", suffix: ". وأضاف ان الحوار مستمر.")
        let result = Reanchorer(text: new).locate(query)
        let newScalars = Array(new.unicodeScalars)
        let expected = "الإيرانيّ إن طهران لم تتلقَّ أی طلب"
        let expectedStart = FoldedText(newScalars).occurrences(of: FoldedText.pattern(quote))[0].lowerBound
        // The same quote after folding, at a span three code points longer (the added marks): moved, not fuzzy.
        #expect(result == .moved(expectedStart..<(expectedStart + expected.unicodeScalars.count)))
    }
}
