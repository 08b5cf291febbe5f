@testable import ClaimDeskShell
import Testing

@Suite struct LineContinuationTests {
    @Test func anOpenQuoteAsksForMore() {
        #expect(LineContinuation.needsMore("claim \"The harbor authority said"))
        #expect(LineContinuation.needsMore("show s1; claim 'Fees rose"))
        #expect(!LineContinuation.needsMore("claim \"The harbor authority said\" --by Reyes"))
        #expect(!LineContinuation.needsMore("claim s3 --by Iran's navy"), "an apostrophe inside a word is text")
        #expect(!LineContinuation.needsMore(""))
    }

    @Test func aCommandThatReadsItsWholeLineRunsAsTyped() {
        #expect(!LineContinuation.needsMore("find \"Iran"))
    }

    @Test func theContinuationPromptLinesUpWithThePrompt() {
        #expect(LineContinuation.prompt(under: "untitled*> ") == "       ...> ")
        #expect(LineContinuation.prompt(under: "a> ") == "...> ")
    }
}
