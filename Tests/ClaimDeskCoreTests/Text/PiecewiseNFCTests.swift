import Foundation
import Testing
@testable import ClaimDeskCore

/// The piecewise NFC path gives exactly what Foundation's NFC of the whole text gives, and the
/// quick check's tables hold what they claim.
@Suite struct PiecewiseNFCTests {
    /// Pieces of text in many scripts, some NFC already, some not, some that compose across
    /// a boundary of the quick check (a base letter, then a mark in the next piece).
    static let pieces = [
        "Officials said ", "the talks ", ". ", "\n", "\n\n", "\r\n", "\r", "—“quoted”— ", "40% ",
        // Decomposed and precomposed Latin, singletons, marks out of canonical order.
        "cafe\u{301} ", "café ", "e", "\u{301}", "\u{308}\u{323}", "a\u{323}\u{308}", "\u{212B}ngstr\u{F6}m ", "\u{2000}",
        "Ω", "q\u{307}\u{323}", "\u{30A}", "A\u{30A}", "\u{340}",
        // Greek and Cyrillic, decomposed and not.
        "α\u{301}", "ά", "\u{387}", "и\u{306}", "й", "\u{483}",
        // Arabic and Persian: vowel marks in and out of canonical order, hamza and madda that compose.
        "عربي ", "كَتَبَ ", "مُحَمَّد ", "م\u{64E}\u{651}", "م\u{651}\u{64E}", "ا\u{654}", "ا\u{653}", "ي\u{654}",
        "\u{64E}", "\u{651}", "\u{654}", "فارسی ", "می\u{200C}خواهم ", "ک", "ۀ", "ه\u{654}", "\u{6C1}\u{654}", "۱۲۳ ",
        // Hebrew with points, including ones that are halves of presentation forms.
        "שָׁלוֹם ", "\u{5B4}", "\u{FB1D}",
        // Devanagari: virama, nukta letters (composed, excluded from composition, decomposed).
        "क्षेत्र ", "\u{928}\u{93C}", "\u{929}", "\u{958}", "\u{915}\u{93C}", "\u{93C}", "हिन्दी। ",
        // Hangul: syllables, conjoining jamo that compose, a syllable followed by a trailing jamo.
        "한국어 ", "\u{1100}\u{1161}", "\u{1100}\u{1161}\u{11A8}", "\u{AC00}", "\u{11A8}", "\u{1161}",
        // Kana with voicing marks, CJK with ideographic tone marks, fullwidth forms.
        "\u{304B}\u{3099}", "か", "\u{3099}", "漢字", "\u{302A}", "３２％", "ﾊﾟ",
        // Emoji and joiners.
        "😀", "👩\u{200D}💻", "🇫🇷",
    ]

    @Test func piecewiseNormalisationEqualsFoundationOnMixedScripts() {
        var random = SeededGenerator(seed: 1_515)
        for _ in 0..<2_000 {
            let text = (0..<Int(random.next() % 48)).map { _ in random.pick(Self.pieces) }.joined()
            let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            let expected = unified.precomposedStringWithCanonicalMapping
            let normalized = TextNormalizer.normalize(text)
            #expect(normalized.unicodeScalars.elementsEqual(expected.unicodeScalars), "\(text.debugDescription)")
            if TextNormalizer.isKnownNFC(unified) {
                #expect(expected.unicodeScalars.elementsEqual(unified.unicodeScalars), "passed but not NFC: \(text.debugDescription)")
            }
        }
    }

    @Test(arguments: [
        ("plain ASCII, nothing to do.", "plain ASCII, nothing to do."),
        ("Poke\u{301}mon", "Pokémon"),
        ("\u{212B}", "\u{C5}"),
        ("\u{1100}\u{1161}\u{11A8}", "\u{AC01}"),
        ("م\u{651}\u{64E}", "م\u{64E}\u{651}"),
        ("ا\u{654}\u{64E}", "\u{623}\u{64E}"),
        ("\u{928}\u{93C}", "\u{929}"),
        ("\u{958}", "\u{915}\u{93C}"),
        ("\u{304B}\u{3099}", "\u{304C}"),
        ("и\u{306}", "й"),
    ])
    func normalisesEachScript(input: String, nfc: String) {
        let normalized = TextNormalizer.normalize(input)
        #expect(normalized.unicodeScalars.elementsEqual(nfc.unicodeScalars))
        #expect(normalized.unicodeScalars.elementsEqual(input.precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    /// Only the piece around a suspect code point is handed to the full normalisation: from the
    /// boundary before it (the letter a mark may compose with) to the next boundary.
    @Test func suspectRunsCoverOnlyThePiecesThatMayChange() {
        func runs(_ text: String) -> [String] {
            var text = text
            return text.withUTF8 { utf8 in
                NFCQuickCheck.suspectRuns(utf8).map { String(decoding: UnsafeBufferPointer(rebasing: utf8[$0]), as: UTF8.self) }
            }
        }
        #expect(runs("The cafe\u{301} reopened, Poke\u{301}mon said.") == ["e\u{301}", "e\u{301}"])
        #expect(runs("Seoul \u{1100}\u{1161} talks") == [" \u{1100}\u{1161}"])  // the jamo is no boundary: from the space
        #expect(runs("The word ب\u{651}\u{64E}ت in Arabic") == ["ب\u{651}\u{64E}"])
        #expect(runs("كَتَبَ مُحَمَّد") == [])
        #expect(runs("शिक्षा नीति") == [])
        #expect(runs("\u{301} at the start, and at the end e\u{301}") == ["\u{301}", "e\u{301}"])
    }

    /// The quick check steps over ASCII eight bytes at a time: a mark that composes with the
    /// letter before it, or a non-NFC run, must be found at every position around those words
    /// (the letter the last byte of a word, the mark the first of the next, runs that span two).
    @Test func runsAtEveryPositionAroundTheASCIIWordsNormaliseAsFoundationDoes() {
        let runs = ["e\u{301}", "\u{301}", "é", "\u{1100}\u{1161}\u{11A8}", "한국", "م\u{651}\u{64E}", "كَتَبَ", "ا\u{654}",
                    "\u{212B}", "q\u{307}\u{323}", "\u{928}\u{93C}", "e\u{301}a\u{308}", "😀", "\u{304B}\u{3099}"]
        for run in runs {
            for before in 0..<20 {
                for after in [0, 1, 7, 8, 9] {
                    let text = String(repeating: "x", count: before) + run + String(repeating: "y", count: after)
                    let expected = text.precomposedStringWithCanonicalMapping
                    #expect(TextNormalizer.normalize(text).unicodeScalars.elementsEqual(expected.unicodeScalars),
                            "\(text.debugDescription)")
                    if TextNormalizer.isKnownNFC(text) {
                        #expect(expected.unicodeScalars.elementsEqual(text.unicodeScalars), "\(text.debugDescription)")
                    }
                }
            }
        }
        #expect(!TextNormalizer.isKnownNFC("abcdefg" + "e\u{301}"))
        #expect(!TextNormalizer.isKnownNFC("abcdefgh" + "\u{301}"))
        #expect(TextNormalizer.isKnownNFC("abcdefgh" + "é" + "abcdefgh"))
    }

    @Test func arabicPersianAndDevanagariWithMarksAreKnownNFC() {
        #expect(TextNormalizer.isKnownNFC("قالَ الوزيرُ إنَّ المحادثاتِ ستُستأنفُ."))
        #expect(TextNormalizer.isKnownNFC("وزیر گفت که مذاکره‌ها از سر گرفته می‌شود."))
        #expect(TextNormalizer.isKnownNFC("मंत्री ने कहा कि वार्ता फिर शुरू होगी।"))
        #expect(!TextNormalizer.isKnownNFC("ا\u{654}"))
        #expect(!TextNormalizer.isKnownNFC("م\u{651}\u{64E}"))
    }

    /// No boundary and no settled mark is the second half of a canonical composition, and each is
    /// its own NFC form: checked against Foundation's decompositions of every code point below U+30000.
    @Test func tablesAgreeWithFoundationsDecompositions() {
        var laterHalves = Set<UInt32>()
        for value in UInt32(0xA0)..<0x30000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let nfd = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)
            if nfd != [value] { laterHalves.formUnion(nfd.dropFirst()) }
        }
        for value in UInt32(0x300)..<0x30000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let kind = NFCQuickCheck.kind(of: value)
            guard kind != .suspect else { continue }
            let hex = String(value, radix: 16)
            #expect(!laterHalves.contains(value), "U+\(hex) can be the second half of a composition")
            let alone = String(scalar)
            #expect(alone.precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value) == [value], "U+\(hex) is not its own NFC")
            if case .settledMark(let combiningClass) = kind {
                #expect(combiningClass != 0 && combiningClass == scalar.properties.canonicalCombiningClass.rawValue)
            } else {
                #expect(scalar.properties.canonicalCombiningClass.rawValue == 0, "U+\(hex) is a boundary but a combining mark")
            }
        }
    }
}
