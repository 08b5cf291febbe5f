import Foundation
import Testing
@testable import ClaimDeskCore

/// One fixture case: an input text and the sentences it must be split into.
struct SentenceCase: Decodable, Sendable, CustomTestStringConvertible {
    var id: String
    var phenomenon: String
    var text: String
    var sentences: [String]

    var testDescription: String { id }

    /// The cases in `Fixtures/segmentation/sentence-cases.json` (empty if the file cannot be read; see `fixtureLoads`).
    static let all: [SentenceCase] = (try? load()) ?? []

    static func load() throws -> [SentenceCase] {
        struct File: Decodable { var cases: [SentenceCase] }
        guard let url = Bundle.module.url(forResource: "sentence-cases", withExtension: "json",
                                          subdirectory: "Fixtures/segmentation")
        else { throw CocoaError(.fileNoSuchFile) }
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
    }
}

@Suite("Sentence cases")
struct SentenceCaseTests {
    @Test func fixtureLoads() throws {
        let cases = try SentenceCase.load()
        #expect(cases.count >= 120)
        #expect(Set(cases.map(\.id)).count == cases.count, "case ids must be unique")
    }

    @Test(arguments: SentenceCase.all)
    func splitsAsExpected(_ testCase: SentenceCase) {
        let text = TextNormalizer.normalize(testCase.text)
        let scalars = Array(text.unicodeScalars)
        let segmentation = SentenceSegmenter().segment(scalars)
        let sentences = segmentation.sentences.map { String(String.UnicodeScalarView(scalars[$0.range])) }
        #expect(sentences == testCase.sentences, "\(testCase.phenomenon): \(testCase.text)")
    }
}
