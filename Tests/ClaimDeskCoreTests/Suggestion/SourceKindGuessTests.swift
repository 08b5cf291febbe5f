@testable import ClaimDeskCore
import Testing

/// The kind a new source gets from its name when a suggestion is accepted.
@Suite struct SourceKindGuessTests {
    @Test(arguments: [
        ("The Daily Courier", "outlet"),
        ("Gen. Thomas E. Reyes", "official"),
        ("Maj. Gen. Farid Al-Nouri", "official"),
        ("two American officials", "anonymous"),
        ("the foreign ministry", "government"),
        ("a report", "document"),
        ("Dr. Lena Ortiz of the Institute for Maritime Security", "expert"),
        ("IRNA", "outlet"),
        ("NATO", "organisation"),
        ("Tidewatch", "other"),
    ])
    func guessesFromTheWordsOfTheName(name: String, kind: String) {
        #expect(SourceKindGuess.kind(of: name) == kind)
    }

    @Test func wordsLoseTheirDotsAndTypographicApostrophes() {
        #expect(SourceKindGuess.word("Gen.") == "Gen")
        #expect(SourceKindGuess.word("...x..") == "x")
        #expect(SourceKindGuess.word("Doctors’") == "Doctors'")
        #expect(SourceKindGuess.word("U.S.") == "U.S")
    }
}
