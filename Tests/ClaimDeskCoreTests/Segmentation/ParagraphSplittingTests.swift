import Testing
@testable import ClaimDeskCore

@Suite("Paragraph splitting")
struct ParagraphSplittingTests {
    private func paragraphs(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return SentenceSegmenter().segment(scalars).paragraphs.map { String(String.UnicodeScalarView(scalars[$0])) }
    }

    @Test func blankLinesSeparateParagraphs() {
        let text = "Rain fell all night.\n\nThe river rose.\nRoads closed.\n\n\n\nSchools stayed open."
        #expect(paragraphs(text) == ["Rain fell all night.", "The river rose.", "Roads closed.", "Schools stayed open."])
    }

    @Test func linesOfOnlyWhiteSpaceCountAsBlank() {
        let text = "First report.\n  \t \nSecond report."
        #expect(paragraphs(text) == ["First report.", "Second report."])
    }

    @Test func paragraphsAreTrimmed() {
        let scalars = Array("\n\n   Indented opening line.  \n\n\tTabbed second.\t\n".unicodeScalars)
        let segmentation = SentenceSegmenter().segment(scalars)
        #expect(segmentation.paragraphs == [5..<27, 32..<46])  // "Indented opening line." is 22 code points
        #expect(segmentation.sentences.map(\.range) == [5..<27, 32..<46])
    }

    @Test func onePararaphPerLine() {
        let text = """
            Ministers agreed a ceasefire on Sunday.
            The deal was brokered by Qatar.
            "It is fragile," one diplomat said.
            Fighting resumed within hours.
            """
        #expect(paragraphs(text).count == 4)
        let segmentation = SentenceSegmenter().segment(text)
        #expect(segmentation.sentences.map(\.paragraph) == [0, 1, 2, 3])
    }

    @Test func headlineBylineAndBodyOnSeparateLines() {
        let text = "Floods displace thousands in the north\nBy Irene Vance\nHeavy rain fell for a week. Aid is arriving."
        #expect(paragraphs(text) == ["Floods displace thousands in the north", "By Irene Vance",
                                     "Heavy rain fell for a week. Aid is arriving."])
        #expect(SentenceSegmenter().segment(text).sentences.map(\.paragraph) == [0, 1, 2, 2])
    }

    @Test func carriageReturnsAreNormalisedFirst() {
        let text = TextNormalizer.normalize("Line one ends.\r\nLine two ends.\r\n\r\nNew paragraph.\rLast one.")
        #expect(!text.unicodeScalars.contains("\r"))
        #expect(paragraphs(text) == ["Line one ends.", "Line two ends.", "New paragraph.", "Last one."])
    }

    @Test func wrappedSentenceStaysInOneParagraph() {
        let text = "The agency said the outage was caused by\na fault in a substation and would be fixed\nby the evening."
        #expect(paragraphs(text) == [text])
        #expect(SentenceSegmenter().segment(text).sentences.count == 1)
    }

    @Test func hardWrappedWireCopyKeepsParagraphsAndNames() {
        let text = """
            Court blocks mine expansion
            WASHINGTON (AP) -- A federal judge on Monday blocked the expansion of
            a copper mine in Arizona, siding with tribal groups who said the
            project threatened sacred land. Judge Elena R.
            Castillo wrote that the agency had ignored its own rules.
              The company said it would appeal.
            """
        #expect(paragraphs(text) == [
            "Court blocks mine expansion",
            """
            WASHINGTON (AP) -- A federal judge on Monday blocked the expansion of
            a copper mine in Arizona, siding with tribal groups who said the
            project threatened sacred land. Judge Elena R.
            Castillo wrote that the agency had ignored its own rules.
            """,
            "The company said it would appeal.",
        ])
        let sentences = SentenceSegmenter().segment(text).sentences
        #expect(sentences.count == 4)
        #expect(sentences.map(\.paragraph) == [0, 1, 1, 2])
    }

    @Test func strayFullStopStartingALineJoinsTheLineAbove() {
        let text = "Call the desk for the schedule\n. Updates follow"
        #expect(paragraphs(text) == [text])
        let scalars = Array(text.unicodeScalars)
        let sentences = SentenceSegmenter().segment(scalars).sentences
        #expect(sentences.map { String(String.UnicodeScalarView(scalars[$0.range])) }
            == ["Call the desk for the schedule\n.", "Updates follow"])
    }

    @Test func lowerCaseLinesWithoutStopsAreSeparateItems() {
        #expect(paragraphs("sections\nworld news\nsport, weather\n") == ["sections", "world news", "sport, weather"])
    }

    @Test func trailingSpaceBeforeBreakJoinsLowerCaseContinuation() {
        #expect(paragraphs("The vote was held on a \nwet afternoon.") == ["The vote was held on a \nwet afternoon."])
    }

    @Test func unicodeParagraphSeparatorAndFormFeedBreakParagraphs() {
        #expect(paragraphs("Page one ends.\u{000C}Page two.\u{2029}Page three.") == ["Page one ends.", "Page two.", "Page three."])
    }

    @Test func lineSeparatorActsAsLineBreak() {
        #expect(paragraphs("First line.\u{2028}Second line.") == ["First line.", "Second line."])
    }

    @Test func textWithoutContentHasNoParagraphs() {
        let segmentation = SentenceSegmenter().segment(" \n\t\n ")
        #expect(segmentation.paragraphs.isEmpty)
        #expect(segmentation.sentences.isEmpty)
        #expect(SentenceSegmenter().segment("").paragraphs.isEmpty)
    }

    @Test func sentencesNeverCrossParagraphs() {
        let text = "An unfinished thought\n\nand a lower-case start. Then more."
        let segmentation = SentenceSegmenter().segment(text)
        for sentence in segmentation.sentences {
            let paragraph = segmentation.paragraphs[sentence.paragraph]
            #expect(paragraph.contains(sentence.range.lowerBound) && sentence.range.upperBound <= paragraph.upperBound)
        }
        #expect(segmentation.sentences.count == 3)
    }
}
