@testable import ClaimDeskCore
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
}
