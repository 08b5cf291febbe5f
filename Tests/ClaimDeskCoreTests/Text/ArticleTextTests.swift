@testable import ClaimDeskCore
import Foundation
import Testing

@Suite struct ArticleTextTests {
    /// Two sentences and a gap: "One here. " is s1, "Two there." is s2.
    let text = ArticleText("One here. Two there.")

    @Test func sentenceIndexNamesTheSentenceThatHoldsAnOffset() throws {
        let sentences = text.segmentation.sentences
        try #require(sentences.count == 2)
        #expect(text.sentenceIndex(containing: 0) == 0)
        #expect(text.sentenceIndex(containing: sentences[0].range.upperBound - 1) == 0)
        #expect(text.sentenceIndex(containing: sentences[1].range.lowerBound) == 1)
        #expect(text.sentenceIndex(containing: text.count - 1) == 1)
        // Past the end: the last sentence, the nearest one before.
        #expect(text.sentenceIndex(containing: text.count + 5) == 1)
    }

    @Test func anOffsetBeforeTheFirstSentenceHasNone() {
        #expect(text.sentenceIndex(containing: -1) == nil)
        #expect(ArticleText("").sentenceIndex(containing: 0) == nil)
    }

    /// Articles hashed on another core while a session is read: each digest, asked for while it
    /// is being made or after, is the text's.
    @Test func digestsHashedInTheBackgroundAreEachTextsOwn() {
        let strings = (0..<40).map { n in String(repeating: "Paragraph \(n) of an article, خبر \(n). ", count: 80) }
        #expect(strings.reduce(0) { $0 + $1.utf8.count } >= SHA256Digest.worthAnotherThread)
        let texts = strings.map { ArticleText($0) }
        ArticleText.hashInBackground(texts)
        // Asked for from the end: the first ones are likely being hashed meanwhile.
        for (text, string) in zip(texts, strings).reversed() {
            #expect(text.sha256 == SHA256Digest.hex(ofData: Data(string.utf8)))
        }
    }

    /// Segmentation and hash are made on first use; they must be what making them at once gives.
    @Test func segmentationAndHashMadeOnFirstUseEqualThoseMadeAtOnce() {
        let string = "Gen. Mark A. Milley spoke. “No,” he said.\n\nIran’s reply came on Jan. 3. 東京は晴れ。"
        let text = ArticleText(string)
        let copy = text
        #expect(copy.segmentation == SentenceSegmenter().segment(Array(string.unicodeScalars)))
        #expect(text.segmentation == copy.segmentation)
        #expect(text.sha256 == SHA256Digest.hex(of: string))
        #expect(ArticleText(string, segmenter: SentenceSegmenter(language: .arabic)).segmentation
                == SentenceSegmenter(language: .arabic).segment(Array(string.unicodeScalars)))
    }

    /// Copies on many threads asking at once all get the one segmentation.
    @Test func segmentationAskedForFromManyThreadsAtOnceIsTheSame() async {
        let text = ArticleText(Array(repeating: "The talks stalled. Officials said so.", count: 200).joined(separator: "\n\n"))
        let expected = SentenceSegmenter().segment(text.scalars)
        let answers = await withTaskGroup(of: Segmentation.self) { group in
            for _ in 0..<8 { group.addTask { text.segmentation } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(answers.count == 8)
        #expect(answers.allSatisfy { $0 == expected })
    }

    /// An article read from a session whose hash no longer matches its text is still noticed.
    @Test func anArticleWhoseStoredHashDiffersFromItsTextIsNoticed() {
        var article = Article(id: "a1", title: "T", origin: nil, text: "One here. Two there.", loaded: .unixEpoch)
        #expect(article.hashMatchesText)
        #expect(article.sha256 == SHA256Digest.hex(of: "One here. Two there."))
        article.sha256 = SHA256Digest.hex(of: "Something else.")
        #expect(!article.hashMatchesText)
    }

    @Test(arguments: ["", "plain ASCII.", "Iran’s “café” — naïve", "😀🇫🇷 e\u{301}", "عربي فارسی اردو", "漢字かな", "\u{10FFFF}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}"])
    func codePointsAreTheTextsUnicodeScalars(_ text: String) {
        #expect(ArticleText.codePoints(of: text, count: text.unicodeScalars.count) == Array(text.unicodeScalars))
        #expect(ArticleText(text).count == text.unicodeScalars.count)
        #expect(ArticleText(text).scalars == Array(text.unicodeScalars))
    }

    /// Runs of ASCII of every length from 0 to 20 between code points of every UTF-8 width, so
    /// that each width falls at every place in an eight-byte word and at the end of the text.
    @Test func codePointsAreRightAtEveryAlignmentOfAsciiRuns() {
        let others: [Character] = ["é", "—", "😀", "خ", "\u{7FF}", "\u{800}", "\u{10000}"]
        for run in 0...20 {
            for other in others {
                let text = String(repeating: "a", count: run) + String(other) + String(repeating: "b", count: (run * 7) % 13) + String(other)
                #expect(ArticleText(text).scalars == Array(text.unicodeScalars), "run \(run), \(other)")
                #expect(ArticleText(text).count == text.unicodeScalars.count, "run \(run), \(other)")
            }
        }
    }
}
