import ClaimDeskCore
import Testing

@Suite struct TitleDetectorTests {
    @Test(arguments: [
        // Copied from a page: caption, then headline.
        ("US President Donald Trump. (Reuters)\n\nTrump orders strike on Iranian general\n\nWASHINGTON (Reuters) - The United States killed…",
         "Trump orders strike on Iranian general"),
        ("Iranians at a rally in Tehran. REUTERS/Stringer\nTehran vows revenge\nBody.", "Tehran vows revenge"),
        // Date line and byline before the headline.
        ("March 23, 2020\nBy Jane Doe\nTalks stall over harbor fees\n\nBody text.", "Talks stall over harbor fees"),
        ("Published: 23 March 2020 | 10:04\nTalks stall\nBody.", "Talks stall"),
        // The first line is the first paragraph: the headline is not there, the first short line is.
        ("Senior officials were divided on Monday over how to answer the seizure of a tanker in the strait, three people said.\nTalks stall\n",
         "Talks stall"),
        // No line looks like a headline: the first line, as before.
        ("Senior officials were divided on Monday over how to answer the seizure of a tanker in the strait, three people said.\n",
         "Senior officials were divided on Monday over how to answer the seizure of a tanker in the strait, three people said."),
        // A plain headline stays the title.
        ("Officials split over response to tanker seizure in the Strait of Calder\n\nBody.", "Officials split over response to tanker seizure in the Strait of Calder"),
    ])
    func plainTextTitlesSkipCaptionsDatelinesAndSentences(text: String, title: String) {
        #expect(TitleDetector.title(of: text, isMarkdown: false) == title)
    }

    @Test func markdownWithoutHeadingUsesTheFirstHeadlineLikeLine() {
        #expect(TitleDetector.title(of: "Photo: the harbor at dawn\n\nHarbor reopens\n\nBody.", isMarkdown: true) == "Harbor reopens")
    }

    @Test(arguments: [
        ("Talks stall\nMarch 23, 2020\n\nBody.", "2020-03-23"),
        ("Talks stall\n\nWASHINGTON, March 23, 2020 — Officials said on Monday that the talks had stalled over harbor fees.", "2020-03-23"),
        ("Talks stall\nUpdated 2020-03-24T10:00:00Z\nBody.", "2020-03-24T10:00:00Z"),
        // A date inside the story is not the published date.
        ("Talks stall\n\nOfficials said on Monday that a meeting on March 23, 2020 had been called off over the harbor fees.", nil),
        ("Talks stall\n\nBody.", nil),
        // Tabs and Unicode spaces (no-break, em, ideographic) around a date line are trimmed, and
        // a line of them alone counts as empty, not as one of the lines looked at.
        // (Five such lines: counted, they would push the date past the lines looked at.)
        ("Talks stall\n\u{00A0}\n\u{3000}\n\t\n\u{2002} \n\u{00A0}\u{3000}\n\u{2003}March 23, 2020\u{00A0}\t\n\nBody.", "2020-03-23"),
    ] as [(String, String?)])
    func aDateLineNearTheTopIsThePublishedDate(text: String, date: String?) {
        #expect(PlainTextMetadata.publishedDate(in: text) == date)
    }
}
