import Foundation
import Testing
@testable import ClaimDeskCore

/// One fixture case: an input text and the sentences it must be split into.
struct SentenceCase: Decodable, Sendable, CustomTestStringConvertible {
    var id: String
    var phenomenon: String
    /// A language to force (`ar`, `fa`, `ur`, `en`); without it each paragraph's script decides.
    var lang: String?
    var text: String
    var sentences: [String]

    var testDescription: String { id }

    /// The cases in `Fixtures/segmentation/sentence-cases.json` (empty if the file cannot be read; see `fixtureLoads`).
    static let all: [SentenceCase] = (try? load()) ?? []

    /// The Arabic, Persian and Urdu cases (`sentence-cases-ar.json`, `-fa`, `-ur`).
    static let arabicScript: [SentenceCase] = ["ar", "fa", "ur"].flatMap { (try? load("sentence-cases-" + $0)) ?? [] }

    static func load(_ name: String = "sentence-cases") throws -> [SentenceCase] {
        struct File: Decodable { var cases: [SentenceCase] }
        guard let url = Bundle.module.url(forResource: name, withExtension: "json",
                                          subdirectory: "Fixtures/segmentation")
        else { throw CocoaError(.fileNoSuchFile) }
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
    }

    /// The sentences the segmenter finds in `text`, with the forced language if any.
    func segmented() -> [String] {
        let text = TextNormalizer.normalize(text)
        let scalars = Array(text.unicodeScalars)
        let segmentation = SentenceSegmenter(language: lang.flatMap(ScriptLanguage.init(code:))).segment(scalars)
        return segmentation.sentences.map { String(String.UnicodeScalarView(scalars[$0.range])) }
    }
}

@Suite("Sentence cases")
struct SentenceCaseTests {
    @Test func fixtureLoads() throws {
        let cases = try SentenceCase.load()
        #expect(cases.count >= 120)
        #expect(Set(cases.map(\.id)).count == cases.count, "case ids must be unique")
    }

    @Test(arguments: ["ar", "fa", "ur"])
    func arabicScriptFixturesLoad(_ language: String) throws {
        let cases = try SentenceCase.load("sentence-cases-" + language)
        #expect(cases.count >= 40)
        #expect(Set(cases.map(\.id)).count == cases.count, "case ids must be unique")
        #expect(cases.allSatisfy { $0.id.hasPrefix(language + "-") })
    }

    @Test(arguments: SentenceCase.all)
    func splitsAsExpected(_ testCase: SentenceCase) {
        #expect(testCase.segmented() == testCase.sentences, "\(testCase.phenomenon): \(testCase.text)")
    }

    @Test(arguments: SentenceCase.arabicScript)
    func arabicScriptSplitsAsExpected(_ testCase: SentenceCase) {
        #expect(testCase.segmented() == testCase.sentences, "\(testCase.phenomenon): \(testCase.text)")
    }
}
