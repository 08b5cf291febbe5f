@testable import ClaimDeskCore
import Testing

/// `"first words".."last words"` and `f2`, `f2+`, `f2++`: selections typed by their ends or found.
@Suite struct FromToSelectionTests {
    let text = ArticleText(TextNormalizer.normalize("""
        Headline here

        “One group is behind it,” the officer said, “and it operates from Baghdad.” Baghdad denied it.

        Another group said so in Baghdad. One group again.
        """))

    func resolver(find: FindHits? = nil) -> SelectionResolver {
        SelectionResolver(article: "a1", text: text, findHits: find) { _ in nil }
    }

    @Test func fromTheFirstWordsToTheEndOfTheNextLastWords() throws {
        let r = resolver()
        #expect(text.slice(try r.resolve("s2:\"One group\"..\"Baghdad\"")) == "One group is behind it,” the officer said, “and it operates from Baghdad")
        #expect(text.slice(try r.resolve("p2:\"One group\"..\"Baghdad\"#2")) == "One group is behind it,” the officer said, “and it operates from Baghdad.” Baghdad")
        #expect(text.slice(try r.resolve("\"Another\"..\"Baghdad\"")) == "Another group said so in Baghdad")
        // Across sentences within a paragraph, and across the article without a scope.
        #expect(text.slice(try r.resolve("p2:\"officer\"..\"denied\"")) == "officer said, “and it operates from Baghdad.” Baghdad denied")
        #expect(text.slice(try r.resolve("\"denied it\"..\"Another\"")) == "denied it.\n\nAnother")
    }

    @Test func theFirstWordsMustBeUniqueAndTheLastMustFollow() {
        let r = resolver()
        #expect(throws: SelectionError.self) { try r.resolve("\"One group\"..\"Baghdad\"") }
        do { _ = try r.resolve("\"One group\"..\"Baghdad\"") } catch {
            #expect(error.message.hasPrefix("\"One group\" occurs 2 times (#1 in s2, #2 in s5)"))
        }
        do { _ = try r.resolve("s4:\"Another\"..\"officer\"") } catch {
            #expect(error.message == "no \"officer\" after \"Another\" in s4; the last words must follow the first")
        }
        do { _ = try r.resolve("s4:\"Another\"..\"Baghdad\"#2") } catch {
            #expect(error == .occurrenceOutOfRange("Baghdad", 2, count: 1))
        }
        do { _ = try r.resolve("\"Nobody\"..\"Baghdad\"") } catch {
            #expect(error == .noMatch("Nobody", suggestion: nil))
        }
    }

    @Test func findHitsAsFoundAndGrown() throws {
        let find = FindHits(article: "a1", ranges: [text.string.unicodeScalars.count - 6..<text.string.unicodeScalars.count - 1,
                                                    try resolver().resolve("\"behind\"")])
        let r = resolver(find: find)
        #expect(text.slice(try r.resolve("f1")) == "again")
        #expect(text.slice(try r.resolve("f2")) == "behind")
        #expect(text.slice(try r.resolve("f2+")) == "One group is behind it", "grown to the clause: between the quotation mark and the comma")
        #expect(text.slice(try r.resolve("f1+")) == "One group again", "a sentence's full stop is not part of its clause")
        #expect(text.slice(try r.resolve("f2++")) == "“One group is behind it,” the officer said, “and it operates from Baghdad.”")
    }

    @Test func findHitErrorsSayWhatTheLastFindHad() {
        #expect(SelectionError.noFindHit("f3", count: 2).message == "no find hit f3; the last find had 2 hits (f1-f2)")
        do { _ = try resolver(find: FindHits(article: "a1", ranges: [0..<4, 5..<9])).resolve("f3+") } catch {
            #expect(error.message == "no find hit f3; the last find had 2 hits (f1-f2)")
        }
        do { _ = try resolver(find: FindHits(article: "a1", ranges: [])).resolve("f1") } catch {
            #expect(error.message == "no find hit f1; the last find had no hits")
        }
        do { _ = try resolver().resolve("f1") } catch {
            #expect(error.message == "no find hit f1: nothing has been found yet; find WORDS numbers its hits f1, f2 …")
        }
        let stale = SelectionResolver(article: "a1", text: text, findHits: FindHits(article: "a1", ranges: [0..<4], textDigest: "old"),
                                      textDigest: "new") { _ in nil }
        do { _ = try stale.resolve("f1") } catch {
            #expect(error.message == "f1 is a hit of a find made before the article's text changed; find again")
        }
        do { _ = try resolver(find: FindHits(article: "a2", ranges: [0..<4])).resolve("f1") } catch {
            #expect(error.message == "f1 is a hit of the last find, on a2, not the active article; find again here")
        }
    }

    @Test func aFromToOrAGrownHitIsOneFragment() {
        #expect(SelectionParser.fragmentParts("f2+") == ["f2+"])
        #expect(SelectionParser.fragmentParts("f2++") == ["f2++"])
        #expect(SelectionParser.fragmentParts("\"a\"..\"b\"+s3") == ["\"a\"..\"b\"", "s3"])
        #expect(SelectionParser.fragmentParts("\"a\"..\"b+c\"") == ["\"a\"..\"b+c\""], "a plus inside the last words' quotes is text")
    }
}
