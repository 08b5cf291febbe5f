import Testing
@testable import ClaimDeskCore

@Suite("Plain-text metadata")
struct PlainTextMetadataTests {
    /// A long first line counts as a dateline only when a dash follows the place: em dash, en dash,
    /// or a hyphen between spaces; a hyphen inside a word is not one.
    @Test(arguments: [
        ("Talks stall\n\nWASHINGTON, March 23, 2020 – Officials said on Monday that the talks had stalled over harbor fees.", "2020-03-23"),
        ("Talks stall\n\nWASHINGTON, March 23, 2020 - Officials said on Monday that the talks had stalled over harbor fees.", "2020-03-23"),
        ("Talks stall\n\nWASHINGTON, March 23, 2020, long-awaited talks stalled on Monday over harbor fees, officials said.", nil),
    ] as [(String, String?)])
    func aDatelineNeedsADash(text: String, date: String?) {
        #expect(PlainTextMetadata.publishedDate(in: text) == date)
    }

    @Test func aSpacedHyphenIsFoundByCharacter() {
        #expect(PlainTextMetadata.containsSpacedHyphen("PARIS - Officials"))
        #expect(!PlainTextMetadata.containsSpacedHyphen("long-awaited"))
        #expect(!PlainTextMetadata.containsSpacedHyphen("PARIS -Officials"))
        #expect(!PlainTextMetadata.containsSpacedHyphen(" -"))
    }
}
