import Testing
@testable import ClaimDeskCore

@Suite("Attribution suggestions")
struct AttributionSuggesterTests {
    /// The text of each span, so expectations read as the article does.
    func texts(_ spans: [Range<Int>]?, in text: String) -> [String] {
        let article = ArticleText(text)
        return (spans ?? []).map { article.slice($0) }
    }

    func only(_ text: String) -> AttributionSuggestion? {
        let found = AttributionSuggester().suggestions(in: text)
        #expect(found.count == 1, "expected one suggestion, got \(found.map(\.rule))")
        return found.first
    }

    @Test func directQuoteWithCueAfterIt() throws {
        let text = "“We are not going to be drawn into a shooting war,” Gen. Reyes told reporters on Wednesday.\n"
        let s = try #require(only(text))
        #expect(texts(s.content, in: text) == ["We are not going to be drawn into a shooting war"])
        #expect(texts(s.source, in: text) == ["Gen. Reyes"])
        #expect(texts(s.cue, in: text) == ["told reporters"])
        #expect(s.claimant == "Gen. Reyes")
        #expect(s.rule == "direct-quote")
    }

    @Test func quoteSplitByItsCueGivesTwoFragments() throws {
        let text = "“Nobody wants this to escalate,” said Dr. Lena Ortiz of the institute, “but the pressure is real.”\n"
        let s = try #require(only(text))
        #expect(texts(s.content, in: text) == ["Nobody wants this to escalate", "but the pressure is real."])
        #expect(texts(s.source, in: text) == ["Dr. Lena Ortiz of the institute"])
        #expect(s.rule == "split-quote")
    }

    @Test func indirectSpeechWithTitleAndThat() throws {
        let text = "Secretary of State Mike Pompeo said on Tuesday that Iran had broken the agreement.\n"
        let s = try #require(only(text))
        #expect(texts(s.content, in: text) == ["Iran had broken the agreement"])
        #expect(s.claimant == "Secretary of State Mike Pompeo")
        #expect(texts(s.cue, in: text) == ["said"])
    }

    @Test func invertedSpeechAndAccordingTo() {
        let text = "The strait will reopen on Monday, the foreign ministry said in a statement.\n\nAccording to the shipping monitor Tidewatch, the tanker carried crude oil worth $112 million.\n"
        let found = AttributionSuggester().suggestions(in: text)
        #expect(found.map(\.rule) == ["inverted-speech", "according-to"])
        #expect(texts(found.first?.content, in: text) == ["The strait will reopen on Monday"])
        #expect(found.first?.claimant == "the foreign ministry")
        #expect(texts(found.last?.content, in: text) == ["the tanker carried crude oil worth $112 million"])
        #expect(found.last?.claimant == "Tidewatch", "a description before a name leaves the name")
    }

    @Test func chainThroughAnOutletQuotingOfficials() throws {
        let text = "The New York Times reported, quoting American officials, that Iran had moved missiles to the coast.\n"
        let s = try #require(only(text))
        #expect(s.claimant == "American officials")
        #expect(s.via == ["The New York Times"])
        #expect(texts(s.content, in: text) == ["Iran had moved missiles to the coast"])
    }

    @Test func nestedReportBecomesARelay() throws {
        let text = "The Gulf Ledger reported that senior officials believe Iran is close to a deal.\n"
        let s = try #require(only(text))
        #expect(s.claimant == "senior officials")
        #expect(s.via == ["The Gulf Ledger"])
        #expect(texts(s.content, in: text) == ["Iran is close to a deal"])
    }

    @Test func pronounsResolveToTheNearestFittingSource() {
        let text = "Gen. Thomas E. Reyes said the navy was ready. The Daily Courier said the talks had failed. He added that two destroyers had moved. It said the report was accurate.\n"
        let found = AttributionSuggester().suggestions(in: text)
        #expect(found.map(\.claimant) == ["Gen. Thomas E. Reyes", "The Daily Courier", "Gen. Thomas E. Reyes", "The Daily Courier"])
        #expect(texts(found[2].source, in: text) == ["He"])
    }

    @Test func shortNamesTakeTheEarlierFullName() {
        let text = "Gen. Thomas E. Reyes said the navy was ready.\n\nReyes warned that the strait could close within days.\n"
        let found = AttributionSuggester().suggestions(in: text)
        #expect(found.map(\.claimant) == ["Gen. Thomas E. Reyes", "Gen. Thomas E. Reyes"])
        #expect(texts(found.last?.cue, in: text) == ["warned"])
    }

    @Test func aConjoinedSubjectNamesTwoPeopleForLaterShortNames() {
        let text = "Defense Secretary Paul Avery and Gen. Thomas E. Reyes argued against escalation. “We will not be drawn in,” Gen. Reyes told reporters.\n"
        let found = AttributionSuggester().suggestions(in: text)
        #expect(found.map(\.claimant) == ["Gen. Thomas E. Reyes"])
    }

    @Test func cuesBeyondSaid() {
        let text = "Senator Ana Cruz called for new sanctions on the shipping companies. Officials believe Iran is close to a bomb. Tehran wants the sanctions lifted before any talks.\n"
        let found = AttributionSuggester().suggestions(in: text)
        #expect(found.map(\.rule) == ["reported-speech", "belief", "intention"])
        #expect(found.map(\.claimant) == ["Senator Ana Cruz", "Officials", "Tehran"])
        #expect(texts(found.first?.cue, in: text) == ["called for"])
    }

    @Test func headlineAndTranscriptSpeakers() {
        let text = "Reyes: Navy will not be drawn into a shooting war\n\nMARSH: We have said all along that the talks must continue.\n"
        let found = AttributionSuggester().suggestions(in: text)
        #expect(found.map(\.rule) == ["headline-colon", "transcript"])
        #expect(texts(found.first?.content, in: text) == ["Navy will not be drawn into a shooting war"])
        #expect(found.last?.claimant == "MARSH")
    }

    @Test func continuedQuoteKeepsTheSpeaker() {
        let text = "“We will not be drawn in,” Reyes said. “The pressure is real and growing.”\n"
        let found = AttributionSuggester().suggestions(in: text)
        #expect(found.map(\.rule) == ["direct-quote", "quote-continuation"])
        #expect(found.last?.claimant == "Reyes")
        #expect(found.last?.source == nil && found.last?.cue == nil)
        #expect((found.last?.confidence ?? 1) < (found.first?.confidence ?? 0))
    }

    @Test func negatedAndPassiveCuesAreNotAttributions() {
        let text = "He did not say when the ship would be released. The ship is expected to leave port on Friday.\n"
        #expect(AttributionSuggester().suggestions(in: text).isEmpty)
    }

    @Test func directoryNamesAndOffsetsCountCodePoints() throws {
        let directory = SourceDirectory([.init(name: "Secretary of State Mike Pompeo", kind: "official", aliases: ["Pompeo"])])
        let text = "Émile’s café — “Iran is lying about the drones,” Pompeo said.\n"
        let found = AttributionSuggester(directory: directory).suggestions(in: text)
        let s = try #require(found.first)
        #expect(s.claimant == "Secretary of State Mike Pompeo")
        let scalars = Array(text.unicodeScalars)
        let content = try #require(s.content.first)
        #expect(String(String.UnicodeScalarView(scalars[content])) == "Iran is lying about the drones")
    }

    @Test func arabicCueWithParticle() throws {
        let text = "وقال المتحدث باسم الوزارة إن الناقلة ستبقى محتجزة حتى انتهاء التحقيق.\n"
        let s = try #require(only(text))
        #expect(texts(s.source, in: text) == ["المتحدث باسم الوزارة"])
        #expect(texts(s.content, in: text) == ["الناقلة ستبقى محتجزة حتى انتهاء التحقيق"])
        #expect(s.rule == "arabic-cue")
    }

    @Test func arabicAppositiveBetweenSpeakerAndParticle() throws {
        let text = "وقال اللواء فريد النوري، المتحدث باسم قيادة خفر السواحل، إن الناقلة احتُجزت بسبب مخالفة اللوائح.\n"
        let s = try #require(only(text))
        #expect(texts(s.source, in: text) == ["اللواء فريد النوري"])
        #expect(texts(s.content, in: text) == ["الناقلة احتُجزت بسبب مخالفة اللوائح"])
    }

    @Test func sameTextSameSuggestions() {
        let text = "“We are ready,” he said. Officials said the talks had failed, according to the Courier.\n"
        #expect(AttributionSuggester().suggestions(in: text) == AttributionSuggester().suggestions(in: text))
    }

    @Test func jsonLinesHaveTheDocumentedShape() {
        let suggestion = AttributionSuggestion(content: [0..<4, 10..<12], source: [5..<9], cue: nil, claimant: "A \"B\"",
                                               via: ["X"], confidence: 0.5, rule: "direct-quote")
        let line = String(decoding: SuggestionListWriter.jsonLines([suggestion]), as: UTF8.self)
        #expect(line == "{\"content\": [[0, 4], [10, 12]], \"source\": [[5, 9]], \"cue\": null, \"claimant\": \"A \\\"B\\\"\", \"via\": [\"X\"], \"confidence\": 0.50, \"rule\": \"direct-quote\"}\n")
    }
}
