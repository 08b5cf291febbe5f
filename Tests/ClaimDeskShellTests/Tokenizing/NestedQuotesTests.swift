@testable import ClaimDeskShell
import Testing

@Suite struct NestedQuotesTests {
    @Test func aQuoteInsideAQuoteGetsAHintWithTheError() {
        let fixture = ShellFixture()
        let error = fixture.fail("claim \"Gen. Thomas E. Reyes disagreed. \"We will not escalate,\" he said\" --by Reyes")
        #expect(error.hasSuffix(NestedQuotes.hintText), "\(error)")
        let unclosed = fixture.fail("claim \"He said \"no way\" today --by Reyes")
        #expect(unclosed.hasSuffix(NestedQuotes.hintText), "\(unclosed)")
        #expect(NestedQuotes.hintText == "; for a quote inside a quote use \\\" inside \"…\", or '…'")
    }

    @Test func ordinaryQuotesGetNoHint() {
        let fixture = ShellFixture()
        #expect(!fixture.fail("claim \"no such words\" --by Reyes").contains("quote inside a quote"))
        #expect(!fixture.fail("claim s3:\"no such words\" --by Reyes").contains("quote inside a quote"))
        #expect(!NestedQuotes.quoteInsideWord(#""a \"b\" c""#))
        #expect(!NestedQuotes.quoteInsideWord(##""words"#2"##))
        #expect(NestedQuotes.quoteInsideWord(#""said "no"#))
        // Fragments joined by + are not a quote inside a word.
        #expect(!NestedQuotes.quoteInsideWord(#""One group"+"Baghdad""#))
        #expect(!NestedQuotes.quoteInsideWord(#"s4:"One group"+s4:"Baghdad""#))
        // Nor are the two quotes of a from-to selection; a quote after a single dot still is.
        #expect(!NestedQuotes.quoteInsideWord(##"s4:"One group".."Baghdad"#2"##))
        #expect(NestedQuotes.quoteInsideWord(#""One group"."Baghdad""#))
    }
}
