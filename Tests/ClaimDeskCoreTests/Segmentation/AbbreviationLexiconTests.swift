import Testing
@testable import ClaimDeskCore

@Suite("Abbreviation lexicon")
struct AbbreviationLexiconTests {
    @Test func everyTableBuilds() {
        // Building a table traps on a word that does not fit a key; touch them all.
        #expect(!AbbreviationLexicon.words.isEmpty)
        #expect(!AbbreviationLexicon.dotted.isEmpty)
        #expect(!AbbreviationLexicon.sentenceStarters.isEmpty)
        #expect(!AbbreviationLexicon.strongSentenceStarters.isEmpty)
        #expect(!AbbreviationLexicon.contractionStarters.isEmpty)
        #expect(!AbbreviationLexicon.clockContinuations.isEmpty)
        #expect(!AbbreviationLexicon.timePhraseOpeners.isEmpty)
        #expect(!AbbreviationLexicon.exclamatoryNames.isEmpty)
        #expect(AbbreviationLexicon.romanNumerals[WordKey.make("xiv")] == 14)
        #expect(!AbbreviationLexicon.vowellessWords.isEmpty)
    }

    @Test func keysFoldCaseAndSkipDots() {
        let scalars = Array("U.S.".unicodeScalars)
        let key = scalars.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: UInt32.self) { WordKey.make($0, 0..<4, skippingDots: true) }
        }
        #expect(key == WordKey.make("us"))
        #expect(WordKey.make("Gen") == WordKey.make("gen"))
        #expect(WordKey.make("no") != WordKey.make("on"))
        #expect(WordKey.make("a") != WordKey.make("aa"))
    }

    @Test func titlesNeverEndSentencesAndSuffixesMay() {
        #expect(AbbreviationLexicon.words[WordKey.make("gen")]?.contains(.prepositive) == true)
        #expect(AbbreviationLexicon.words[WordKey.make("inc")]?.contains(.postpositive) == true)
        #expect(AbbreviationLexicon.words[WordKey.make("no")] == .beforeNumber)
        #expect(AbbreviationLexicon.dotted[WordKey.make("pm")] == .clock)
    }

    @Test func namesThatAreAlsoVerbsAreNotSentenceStarters() {
        #expect(!AbbreviationLexicon.sentenceStarters.contains(WordKey.make("will")))
        #expect(!AbbreviationLexicon.sentenceStarters.contains(WordKey.make("may")))
        #expect(AbbreviationLexicon.sentenceStarters.contains(WordKey.make("however")))
        // Surname-like starters do not end a sentence after an initial.
        #expect(AbbreviationLexicon.sentenceStarters.contains(WordKey.make("most")))
        #expect(!AbbreviationLexicon.strongSentenceStarters.contains(WordKey.make("most")))
        #expect(AbbreviationLexicon.strongSentenceStarters.contains(WordKey.make("the")))
    }
}
