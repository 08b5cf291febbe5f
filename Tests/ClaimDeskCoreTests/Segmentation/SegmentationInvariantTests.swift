import Testing
@testable import ClaimDeskCore

/// Properties every segmentation must have, checked on generated texts full of the
/// tokens that drive the rules (abbreviations, dots, quotes, markers, odd scripts).
@Suite("Segmentation invariants")
struct SegmentationInvariantTests {

    static let tokens: [String] = [
        "The", "said", "Mr.", "Gen.", "U.S.", "a.m.", "p.m.", "Inc.", "No.", "5", "3.5", "$1.2", "e.g.", "vs.",
        "J.", "K.", "I.", "St.", "Co.", "etc.", "...", ". . .", "…", ".", "!", "?", "?!", "“", "”", "\"", "'", "’",
        "(", ")", "[1]", "[", "]", "1.", "2.", "a)", "b)", "(i)", "•", "⁃", "--", "—", ",", ":", "\n", "\n\n", "\n ",
        "  ", "\t", "www.example.com", "a@b.org", "http://x.y/z", "Yahoo!", "é", "السلام", "東京。", "👩‍👩‍👧", "🇫🇷",
        "it", "and", "Q.", "N°.", "1,000.That", "world.Today", "\u{2029}", "\u{00A0}", "।", "．", "３",
    ]

    static func randomText(seed: UInt64, length: Int) -> String {
        var generator = SeededGenerator(seed: seed)
        var text = ""
        for _ in 0..<length {
            text += generator.pick(tokens)
            if generator.next() % 3 != 0 { text += " " }
        }
        return text
    }

    static func check(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        let segmentation = SentenceSegmenter().segment(scalars)
        let isSpace: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace }
        var previousEnd = 0
        for paragraph in segmentation.paragraphs {
            #expect(paragraph.lowerBound >= previousEnd && !paragraph.isEmpty && paragraph.upperBound <= scalars.count)
            #expect(!isSpace(scalars[paragraph.lowerBound]) && !isSpace(scalars[paragraph.upperBound - 1]))
            previousEnd = paragraph.upperBound
        }
        var covered = [Bool](repeating: false, count: scalars.count)
        previousEnd = 0
        var previousParagraph = 0
        for sentence in segmentation.sentences {
            let range = sentence.range
            #expect(!range.isEmpty && range.lowerBound >= previousEnd)
            #expect(sentence.paragraph >= previousParagraph && sentence.paragraph < segmentation.paragraphs.count)
            let paragraph = segmentation.paragraphs[sentence.paragraph]
            #expect(range.lowerBound >= paragraph.lowerBound && range.upperBound <= paragraph.upperBound)
            #expect(!isSpace(scalars[range.lowerBound]) && !isSpace(scalars[range.upperBound - 1]))
            for i in range { covered[i] = true }
            previousEnd = range.upperBound
            previousParagraph = sentence.paragraph
        }
        // Every visible code point belongs to exactly one sentence.
        for (i, scalar) in scalars.enumerated() where !isSpace(scalar) {
            #expect(covered[i], "code point \(i) (\(scalar)) is in no sentence")
        }
        // Every paragraph has at least one sentence.
        #expect(Set(segmentation.sentences.map(\.paragraph)).count == segmentation.paragraphs.count)
    }

    @Test(arguments: 0..<200)
    func generatedTextsKeepTheInvariants(seed: Int) {
        Self.check(Self.randomText(seed: UInt64(seed), length: 5 + seed % 60))
    }

    @Test func degenerateTexts() {
        for text in ["", ".", "...", "?!", " . ", "\n.\n", "“”", "[...]", ". . . .", "1.", "a)", "•", "Mr.", "U.S.",
                     "..........", "!!!!", "。", "\u{2029}\u{2029}", "(", "’", "-- --", "1. 2. 3.", "a. b. c."] {
            Self.check(text)
        }
    }

    @Test func longRunsStayLinearAndValid() {
        Self.check(String(repeating: "a.", count: 5_000))
        Self.check(String(repeating: "x", count: 20_000) + ". Done.")
        Self.check(String(repeating: "1. ", count: 3_000))
        Self.check(String(repeating: "U.S. ", count: 3_000))
        Self.check(String(repeating: "(", count: 5_000) + String(repeating: " 1. a. p.m. I. ", count: 1_000))
        Self.check(String(repeating: "a) ", count: 3_000) + String(repeating: " ", count: 5_000) + "b) c.")
    }
}

@Suite("Block-wise segmentation")
struct BlockwiseSegmentationTests {
    /// Cutting a text into blocks at blank lines must give exactly the segmentation of the whole.
    @Test(arguments: [16, 64, 200, 1_000])
    func blocksGiveTheWholeTextsSegmentation(blockBytes: Int) {
        var text = ""
        for seed in 0..<40 {
            text += SegmentationInvariantTests.randomText(seed: UInt64(1_000 + seed), length: 5 + seed % 30)
            text += seed % 3 == 0 ? "\n\n" : (seed % 3 == 1 ? "\n \t\n" : "\n")
        }
        let segmenter = SentenceSegmenter()
        let whole = segmenter.segment(Array(text.unicodeScalars))
        var copy = text
        let blockwise = copy.withUTF8 { segmenter.segment(utf8: $0, blockBytes: blockBytes) }
        #expect(blockwise == whole)
        #expect(whole.sentences.count > 40)
    }

    /// Blocks handed over one at a time, with their bases, join to the whole text's segmentation,
    /// and each block's bytes are the text its spans count in.
    @Test(arguments: [16, 200, 1_000])
    func blocksHandedOverJoinToTheWhole(blockBytes: Int) {
        var text = ""
        for seed in 0..<40 {
            text += SegmentationInvariantTests.randomText(seed: UInt64(2_000 + seed), length: 5 + seed % 30)
            text += seed % 4 == 0 ? "\n\n" : "\n"
        }
        text += String(repeating: "A long last paragraph without a blank line in it. ", count: 60)
        let segmenter = SentenceSegmenter()
        let scalars = Array(text.unicodeScalars)
        let whole = segmenter.segment(scalars)
        var joined = Segmentation(paragraphs: [], sentences: [])
        var blocks = 0, bytesSeen = 0
        var copy = text
        copy.withUTF8 { utf8 in
            segmenter.forEachBlock(utf8: utf8, blockBytes: blockBytes) { block in
                blocks += 1
                #expect(block.sentenceBase == joined.sentences.count && block.paragraphBase == joined.paragraphs.count)
                #expect(block.utf8.baseAddress == utf8.baseAddress.map { $0 + bytesSeen })
                bytesSeen += block.utf8.count
                let blockScalars = Array(String(decoding: block.utf8, as: UTF8.self).unicodeScalars)
                for sentence in block.segmentation.sentences {
                    let range = (sentence.range.lowerBound + block.codePointBase)..<(sentence.range.upperBound + block.codePointBase)
                    #expect(Array(blockScalars[sentence.range]) == Array(scalars[range]))
                    joined.sentences.append(.init(range: range, paragraph: sentence.paragraph + block.paragraphBase))
                }
                joined.paragraphs += block.segmentation.paragraphs.map {
                    ($0.lowerBound + block.codePointBase)..<($0.upperBound + block.codePointBase)
                }
            }
        }
        #expect(joined == whole)
        #expect(bytesSeen == text.utf8.count)
        #expect(blockBytes >= 1_000 || blocks > 5)
    }

    @Test func blockEndsFallAfterBlankLines() {
        let bytes = Array("one\n\ntwo\n  \nthree\nfour".utf8)
        bytes.withUnsafeBufferPointer { utf8 in
            #expect(SentenceSegmenter.blockEnd(utf8, from: 0, atLeast: 1) == 5)
            #expect(SentenceSegmenter.blockEnd(utf8, from: 5, atLeast: 1) == 12)
            #expect(SentenceSegmenter.blockEnd(utf8, from: 12, atLeast: 1) == utf8.count)
        }
    }
}
