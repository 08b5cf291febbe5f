@testable import ClaimDeskCore
import Foundation
import Testing

/// κ and α checked against published worked examples and against independent implementations
/// (scikit-learn, statsmodels, the `krippendorff` package), whose answers were written once into
/// Fixtures/agreement/agreement-fixtures.json by make_fixtures.py beside it.
@Suite struct AgreementStatisticsTests {
    struct Fixtures: Decodable {
        struct Cohen: Decodable { let a: [String]; let b: [String]; let kappa: Double? }
        struct Fleiss: Decodable { let items: [[String]]; let kappa: Double? }
        struct Alpha: Decodable { let raters: [[String?]]; let alpha: Double? }
        let cohen: [Cohen]
        let fleiss: [Fleiss]
        let alpha: [Alpha]
    }

    static func fixtures() throws -> Fixtures {
        let url = try #require(Bundle.module.url(forResource: "agreement-fixtures", withExtension: "json",
                                                 subdirectory: "Fixtures/agreement"))
        return try JSONDecoder().decode(Fixtures.self, from: Data(contentsOf: url))
    }

    @Test func cohensKappaMatchesTheTextbookExample() throws {
        // 50 proposals read by two readers: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → κ = 0.4.
        let pairs = Array(repeating: ("yes", "yes"), count: 20) + Array(repeating: ("yes", "no"), count: 5)
            + Array(repeating: ("no", "yes"), count: 10) + Array(repeating: ("no", "no"), count: 15)
        let kappa = try #require(CohensKappa.value(pairs))
        #expect(abs(kappa - 0.4) < 1e-12)
    }

    @Test func fleissKappaMatchesFleisssWorkedExample() throws {
        // The 10 subjects × 14 raters × 5 categories table of the standard example: κ = 0.210.
        let table = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
                     [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
        let items = table.map { row in row.enumerated().flatMap { category, count in Array(repeating: "k\(category)", count: count) } }
        let kappa = try #require(FleissKappa.value(items))
        #expect(abs(kappa - 0.20993070442195522) < 1e-12)
    }

    @Test func krippendorffsAlphaMatchesHisWorkedExample() throws {
        // Krippendorff (2011), nominal data, 4 observers × 12 units with missing values: α = 0.743.
        let rows: [[Int?]] = [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],
            [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil],
        ]
        let alpha = try #require(KrippendorffAlpha.value(raters: rows.map { $0.map { $0.map(String.init) } }))
        #expect(abs(alpha - 0.743421052631579) < 1e-12)
    }

    @Test func cohensKappaMatchesScikitLearn() throws {
        for (index, fixture) in try Self.fixtures().cohen.enumerated() {
            let value = CohensKappa.value(Array(zip(fixture.a, fixture.b)))
            try Self.expectClose(value, fixture.kappa, "cohen case \(index)")
        }
    }

    @Test func fleissKappaMatchesStatsmodels() throws {
        for (index, fixture) in try Self.fixtures().fleiss.enumerated() {
            try Self.expectClose(FleissKappa.value(fixture.items), fixture.kappa, "fleiss case \(index)")
        }
    }

    @Test func krippendorffsAlphaMatchesTheKrippendorffPackage() throws {
        for (index, fixture) in try Self.fixtures().alpha.enumerated() {
            try Self.expectClose(KrippendorffAlpha.value(raters: fixture.raters), fixture.alpha, "alpha case \(index)")
        }
    }

    @Test func undefinedStatisticsAreNilNotNaN() {
        #expect(CohensKappa.value([]) == nil)
        #expect(CohensKappa.value([("a", "a"), ("a", "a")]) == nil)
        #expect(FleissKappa.value([["a", "a", "a"]]) == nil)
        #expect(FleissKappa.value([["a", "b"], ["a"]]) == nil)
        #expect(KrippendorffAlpha.value(raters: [["x", "x"], ["x", "x"]]) == nil)
        #expect(KrippendorffAlpha.value(raters: [["x", nil], [nil, "y"]]) == nil)
    }

    @Test func groupedUnitsGiveTheSameAlphaAsSingleOnes() throws {
        var one = KrippendorffAlpha(), grouped = KrippendorffAlpha()
        let units: [[String?]] = [["a", "a", "b"], ["a", "a", "b"], ["b", "b", nil], ["a", "c", "c"], ["a", "c", "c"], ["a", "c", "c"]]
        for unit in units { one.add(unit: unit) }
        grouped.add(counts: ["a": 2, "b": 1], multiplicity: 2)
        grouped.add(counts: ["b": 2])
        grouped.add(counts: ["a": 1, "c": 2], multiplicity: 3)
        let a = try #require(one.value), b = try #require(grouped.value)
        #expect(abs(a - b) < 1e-12)
    }

    static func expectClose(_ value: Double?, _ expected: Double?, _ label: String) throws {
        guard let expected else {
            #expect(value == nil, "\(label): expected undefined")
            return
        }
        let actual = try #require(value, "\(label): expected \(expected)")
        #expect(abs(actual - expected) < 1e-9, "\(label): \(actual) vs \(expected)")
    }
}
