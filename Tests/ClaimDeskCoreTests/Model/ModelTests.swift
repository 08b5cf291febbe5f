@testable import ClaimDeskCore
import Foundation
import Testing

@Suite struct TimestampTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00Z"),
        (951_782_400, "2000-02-29T00:00:00Z"),
        (1_790_000_000, "2026-09-21T14:13:20Z"),
        (-86_400, "1969-12-31T00:00:00Z"),
        (4_102_444_799, "2099-12-31T23:59:59Z"),
    ])
    func formatsAndParsesISO8601(seconds: Int64, text: String) {
        #expect(Timestamp(secondsSince1970: seconds).description == text)
        #expect(Timestamp(iso8601: text)?.secondsSince1970 == seconds)
    }

    @Test func agreesWithFoundationOnRandomTimes() {
        var generator = SeededGenerator(seed: 1)
        let formatter = ISO8601DateFormatter()
        for _ in 0..<500 {
            let seconds = Int64(generator.next() % 5_000_000_000)
            #expect(Timestamp(secondsSince1970: seconds).description == formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))))
        }
    }

    @Test func acceptsFractionsAndOffsets() {
        #expect(Timestamp(iso8601: "2026-11-25T15:53:02.250Z")?.description == "2026-11-25T15:53:02Z")
        #expect(Timestamp(iso8601: "2026-11-25T16:53:02+01:00")?.description == "2026-11-25T15:53:02Z")
        #expect(Timestamp(iso8601: "2026-13-25T15:53:02Z") == nil)
        #expect(Timestamp(iso8601: "yesterday") == nil)
        #expect(Timestamp(iso8601: "2026-11-25 15:53:02Z") == nil)
    }
}

@Suite struct AnnotationIDTests {
    @Test func sortsByPrefixThenNumber() {
        let ids: [AnnotationID] = ["c10", "c2", "m1", "c1", "src3", "pr2"]
        #expect(ids.sorted().map(\.rawValue) == ["c1", "c2", "c10", "m1", "pr2", "src3"])
    }

    @Test func knowsItsKind() {
        #expect(AnnotationID("st4").kind == .stance)
        #expect(AnnotationID("pr4").kind == .proposition)
        #expect(AnnotationID("src12").kind == .source)
        #expect(AnnotationID("s4").kind == nil)
        #expect(AnnotationID("p4").kind == nil)
        #expect(AnnotationID("c").kind == nil)
        #expect(AnnotationID("Reuters").kind == nil)
    }
}

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("Pompoe", "Pompeo", 1), ("kitten", "sitting", 3), ("", "abc", 3), ("same", "SAME", 0), ("ab", "ba", 1), ("ca", "abc", 3),
    ])
    func distance(a: String, b: String, expected: Int) {
        #expect(Suggestion.distance(a, b) == expected)
    }

    @Test func closest() {
        #expect(Suggestion.closest(to: "flase", in: Taxonomy.standard.verdicts) == "false")
        #expect(Suggestion.closest(to: "mostly", in: Taxonomy.standard.verdicts) == "mostly-true")
        #expect(Suggestion.closest(to: "zebra", in: Taxonomy.standard.verdicts) == nil)
    }
}

@Suite struct SessionChangeTests {
    @Test func applyingAChangeAndItsInverseRestoresTheSession() throws {
        var generator = SessionGenerator(seed: 21)
        var session = generator.session()
        let before = session
        let claim = Claim(id: session.nextID(.claim), anchor: Anchor(article: "a1", range: 0..<2, in: session.articles["a1"]!.content),
                          kind: "factual", verdict: "unverified", author: "ana", created: Timestamp(secondsSince1970: 10))
        var source = session.orderedSources[0]
        let oldSource = source
        source.name = "Renamed"
        let change = Change(summary: "test", author: "ana", time: before.modified, edits: [
            .init(before: nil, after: .claim(claim)),
            .init(before: .source(oldSource), after: .source(source)),
            .init(before: .taxonomy(.standard), after: .taxonomy(Taxonomy(sourceKinds: ["x"], claimKinds: ["y"], verdicts: ["z"],
                                                                           stanceLabels: ["s"], relationTypes: ["r"]))),
        ])
        session.apply(change)
        #expect(session.claims[claim.id] == claim)
        #expect(session.sources[source.id]?.name == "Renamed")
        #expect(session.taxonomy.verdicts == ["z"])
        session.apply(change.inverted(summary: "undo", author: "ana", time: before.modified))
        var expected = before
        expected.counters = session.counters
        #expect(session == expected)
        // Counters keep the id handed out, so it is never reused.
        #expect(session.nextID(.claim) != claim.id)
    }

    @Test func journalLinesRoundTrip() throws {
        var generator = SessionGenerator(seed: 22)
        let session = generator.session()
        let claim = try #require(session.claims.values.first ?? nil)
        let change = Change(summary: "claim \(claim.id)", author: "ana", time: Timestamp(secondsSince1970: 5), edits: [.init(before: nil, after: .claim(claim))])
        let line = JournalCodec.encode(change)
        #expect(line.last == 0x0A)
        #expect(!line.dropLast().contains(0x0A))
        #expect(try JournalCodec.decode(line) == .change(change))
        let header = JournalCodec.Header(analyst: "ana", created: Timestamp(secondsSince1970: 1), snapshot: nil)
        #expect(try JournalCodec.decode(JournalCodec.encode(header)) == .header(header))
        #expect(throws: (any Error).self) { try JournalCodec.decode(line.prefix(line.count / 2)) }
    }
}

@Suite struct TextInputTests {
    @Test func normalizesLineEndsAndComposes() {
        #expect(TextNormalizer.normalize("a\r\nb\rc\n") == "a\nb\nc\n")
        #expect(TextNormalizer.normalize("e\u{301}").unicodeScalars.map(\.value) == [0xE9])
    }

    @Test(arguments: [
        (Data(), ArticleInputError.empty),
        (Data("  \n ".utf8), .empty),
        (Data([0x61, 0x00]), .binary),
        (Data([0x61, 0x62, 0xFF, 0x63]), .invalidUTF8(offset: 2)),
        (Data([0xE2, 0x82]), .invalidUTF8(offset: 0)),
    ])
    func refusesBadBytes(data: Data, error: ArticleInputError) {
        #expect(throws: error) { try ArticleDecoder.decode(data) }
    }

    @Test func acceptsUTF8WithAByteOrderMark() throws {
        #expect(try ArticleDecoder.decode(Data([0xEF, 0xBB, 0xBF] + Array("Hé".utf8))) == "Hé")
    }

    @Test func refusesFilesOverTheLimit() {
        #expect(throws: ArticleInputError.tooLarge(bytes: ArticleDecoder.sizeLimit + 1)) {
            try ArticleDecoder.decode(Data(count: ArticleDecoder.sizeLimit + 1))
        }
    }

    /// One byte over the limit used to read "the file is 64 MB, over the 64 MB limit".
    @Test(arguments: [
        (64 * 1_048_576 + 1, "the file is 67,108,865 bytes (64.0 MB), over the 64 MB limit (67,108,864 bytes) for an article; split it"),
        (100 * 1_048_576 + 524_288, "the file is 105,381,888 bytes (100.5 MB), over the 64 MB limit (67,108,864 bytes) for an article; split it"),
        (3 << 30, "the file is 3,221,225,472 bytes (3.0 GB), over the 64 MB limit (67,108,864 bytes) for an article; split it"),
    ])
    func theSizeMessageNamesTheRealSize(bytes: Int, message: String) {
        #expect(ArticleInputError.tooLarge(bytes: bytes).message == message)
    }

    @Test(arguments: [
        ("\n\n  Headline  \nBody", false, "Headline"),
        ("Intro line\n\n## Real Title\n", true, "Real Title"),
        ("# Only Heading", true, "Only Heading"),
        ("No heading in md\n\nBody", true, "No heading in md"),
        (String(repeating: "x", count: 200), false, String(repeating: "x", count: 119) + "…"),
    ])
    func detectsTitles(text: String, markdown: Bool, title: String) {
        #expect(TitleDetector.title(of: text, isMarkdown: markdown) == title)
    }

    @Test func sha256MatchesAKnownValue() {
        #expect(SHA256Digest.hex(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Digest.hex(of: "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}

@Suite struct NFCQuickCheckTests {
    /// Every code point the quick check lets through is its own NFC form.
    @Test func everyStableStarterIsItsOwnNFC() {
        var ranges: [ClosedRange<UInt32>] = [0x20...0x2FF]
        ranges += [0x0388...0x03FF, 0x0400...0x04FF, 0x05D0...0x05EA, 0x0600...0x06FF, 0x2002...0x206F, 0x20A0...0x20CF,
                   0x2190...0x21FF, 0x2500...0x27BF, 0x3000...0x3098, 0x309D...0x30FF, 0x4E00...0x9FFF, 0xAC00...0xD7A3,
                   0x1F300...0x1FAFF]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let text = "a" + String(scalar) + "b"
                guard TextNormalizer.isKnownNFC(text) else { continue }
                #expect(text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars),
                        "U+\(String(value, radix: 16)) is not its own NFC")
            }
        }
    }

    @Test func textThatNeedsNormalisingIsNotPassed() {
        #expect(!TextNormalizer.isKnownNFC("e\u{301}"))
        #expect(!TextNormalizer.isKnownNFC("\u{212B}"))
        #expect(!TextNormalizer.isKnownNFC("\u{2000}"))
        #expect(!TextNormalizer.isKnownNFC("\u{1100}\u{1161}"))
        #expect(TextNormalizer.isKnownNFC("Iran’s “café” — 40% عربي 😀"))
        #expect(TextNormalizer.normalize("\u{212B}ngstr\u{F6}m") == "\u{C5}ngstr\u{F6}m")
    }
}

/// The line-by-line NFC path gives exactly what normalising the whole text gives.
@Suite struct LineWiseNormalisationTests {
    static let pieces = ["plain ASCII words ", "café ", "e\u{301}", "\u{212B}", "\u{1100}\u{1161}", "Iran’s “quote” ",
                         "\n", "\n\n", "\r\n", "\r", "عربي ", "\u{64E}", "😀", "a\u{308}\u{323}", "\u{2000}", "Ω", "\u{30A}"]

    @Test func matchesWholeTextNormalisation() {
        var random = SeededGenerator(seed: 901)
        for _ in 0..<400 {
            let text = (0..<Int(random.next() % 40)).map { _ in random.pick(Self.pieces) }.joined()
            let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            let expected = unified.precomposedStringWithCanonicalMapping
            let normalized = TextNormalizer.normalize(text)
            #expect(normalized.unicodeScalars.elementsEqual(expected.unicodeScalars), "\(text.debugDescription)")
        }
    }

    @Test func quickCheckSkipsLongASCIIAndPunctuationRuns() {
        let long = String(repeating: "Officials said the talks — “stalled” — had ended. ", count: 1000)
        #expect(TextNormalizer.isKnownNFC(long))
        #expect(!TextNormalizer.isKnownNFC(long + "e\u{301}"))
        #expect(!TextNormalizer.isKnownNFC("e\u{301}" + long))
    }
}

/// `ArticleText.slice` copies the UTF-8 it finds through the code-point table: it must give exactly
/// the scalars of the range.
@Suite struct ArticleTextSliceTests {
    @Test func slicesEqualTheScalarsOfTheRangeClamped() {
        let text = ArticleText("Iran’s “café” — naïve 😀 عربي 漢字 e\u{301} plain ASCII.\n\nSecond paragraph 🇫🇷.")
        let scalars = text.scalars
        var random = SeededGenerator(seed: 3)
        for _ in 0..<500 {
            let a = Int(random.next() % UInt64(scalars.count + 10)) - 5
            let b = a + Int(random.next() % 30) - 3
            let lower = max(0, min(a, scalars.count)), upper = max(lower, min(b, scalars.count))
            let expected = String(String.UnicodeScalarView(scalars[lower..<upper]))
            let slice = text.slice(a..<max(a, b))
            #expect(slice == expected && slice.unicodeScalars.elementsEqual(scalars[lower..<upper]), "\(a)..<\(b)")
        }
    }
}
