import Testing
@testable import ClaimDeskCore

@Suite struct SegmentAlignerTests {
    func units(_ s: String) -> [UInt32] { FoldedText.units(of: s) }

    func align(_ prefix: String, _ quote: String, _ suffix: String, in text: String) -> (String, SegmentAligner.Alignment) {
        let t = units(text)
        let a = SegmentAligner.align(prefix: units(prefix)[...], quote: units(quote)[...], suffix: units(suffix)[...],
                                     text: t, window: 0..<t.count)!
        return (String(String.UnicodeScalarView(t[a.quote].map { Unicode.Scalar($0)! })), a)
    }

    @Test func editedEndIsTakenIn() {
        let (span, a) = align("a shortfall of ", "$4.2", " million in the", in: "citing a shortfall of $4.5 million in the parks")
        #expect(span == "$4.5")
        #expect(a.quoteErrors == 1)
        #expect(a.prefixErrors == 0 && a.suffixErrors == 0)
    }

    @Test func replacedEdgeTakesAllItsReplacement() {
        let (span, _) = align("The museum will ", "reopen on June 4", " after a two-year", in: "The museum will reopen on June 11 after a two-year wait")
        #expect(span == "reopen on june 11")
    }

    @Test func textInsertedAtTheEdgeStaysOutside() {
        let (span, _) = align("the vote, ", "said the mayor", ". Then she left", in: "after the vote, said the mayor on Friday. Then she left")
        #expect(span == "said the mayor")
    }

    @Test func textInsertedInsideIsTakenIn() {
        let (span, a) = align("reported. ", "Turnout was low, down from last year.", " The clerk",
                              in: "reported. Turnout was low, the clerk said, down from last year. The clerk")
        #expect(span == "turnout was low, the clerk said, down from last year.")
        #expect(a.quoteInsertions == a.quoteErrors)
    }

    @Test func deletedWordAtTheStartIsLeftOut() {
        let (span, _) = align("totally different text ", "said Priya Raman", ", an analyst",
                              in: "after the summer. Priya Raman, an analyst")
        #expect(span == "priya raman")
    }
}
