import Testing
@testable import ClaimDeskCore

@Suite("Lexicon keys and tables")
struct KeyTableTests {
    @Test func aListGivesEachWordItsOwnKeyInOrder() {
        #expect(WordKey.keys(inList: "gen  Inc U.S. n°\nmr") == ["gen", "inc", "us", "n°", "mr"].map { WordKey.make($0) })
        #expect(WordKey.keys(inList: " ").isEmpty)
    }

    @Test func aTableFromKeysFindsEveryKeyOnceAndNothingElse() {
        let keys = WordKey.keys(inList: "jan feb mar jan apr")
        let table = KeyTable(keys: keys, value: 7, filler: 0)
        for key in keys { #expect(table[key] == 7) }
        #expect(table[WordKey.make("may")] == nil)
        let set = KeySet(WordKey.keys(inList: "yahoo jeopardy"))
        #expect(set.contains(WordKey.make("yahoo")))
        #expect(!set.contains(WordKey.make("google")))
    }

    @Test func aTableFromADictionaryKeepsItsValues() {
        let table = KeyTable([WordKey.make("ii"): 2, WordKey.make("iv"): 4], filler: 0)
        #expect(table[WordKey.make("ii")] == 2)
        #expect(table[WordKey.make("iv")] == 4)
        #expect(table[WordKey.make("v")] == nil)
    }
}
