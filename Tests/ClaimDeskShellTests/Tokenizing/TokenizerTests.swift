@testable import ClaimDeskShell
import Testing

@Suite struct TokenizerTests {
    @Test(arguments: [
        ("load story.txt", ["load", "story.txt"]),
        ("  claim   s3  --by Reuters ", ["claim", "s3", "--by", "Reuters"]),
        ("source add \"The New York Times\" --kind outlet", ["source", "add", "The New York Times", "--kind", "outlet"]),
        ("find Iran's nuclear", ["find", "Iran's", "nuclear"]),
        ("note c1 'two words' here", ["note", "c1", "two words", "here"]),
        ("mention \"say \\\"no\\\"\" X", ["mention", "say \"no\"", "X"]),
        ("show s12:\"exact words\"", ["show", "s12:exact words"]),
        ("show \"words\"#2", ["show", "words#2"]),
        ("", []),
    ])
    func values(line: String, expected: [String]) throws {
        #expect(try Tokenizer.tokenize(line).map(\.value) == expected)
    }

    @Test func keepsWhatWasTypedForSelections() throws {
        let tokens = try Tokenizer.tokenize("claim s12:\"two words\" --by \"A B\"")
        #expect(tokens.map(\.raw) == ["claim", "s12:\"two words\"", "--by", "\"A B\""])
        #expect(tokens[1].quoted)
        #expect(!tokens[0].quoted)
    }

    @Test func rangesCountCharacters() throws {
        let tokens = try Tokenizer.tokenize("find “café” now")
        #expect(tokens.map(\.range) == [0..<4, 5..<11, 12..<15])
    }

    @Test func quotedDashesAreNotFlags() throws {
        let tokens = try Tokenizer.tokenize("note c1 \"--by\" --tag")
        #expect(!tokens[2].isFlag)
        #expect(tokens[3].isFlag)
    }

    @Test func unterminatedQuoteIsAnError() {
        #expect(throws: Tokenizer.Failure.unterminatedQuote("\"")) { try Tokenizer.tokenize("claim \"open words") }
    }

    @Test func partialTokenizingAllowsAnOpenQuote() {
        let (tokens, open) = Tokenizer.tokenizePartial("claim s1 --by \"The Da")
        #expect(open == "\"")
        #expect(tokens.last?.value == "The Da")
    }

    @Test func splitsCommandsAtSemicolonsOutsideQuotes() {
        #expect(Tokenizer.splitCommands("load a.txt; show s1") == ["load a.txt", " show s1"])
        #expect(Tokenizer.splitCommands("note c1 \"a; b\"; list") == ["note c1 \"a; b\"", " list"])
        #expect(Tokenizer.splitCommands("find Iran's; list") == ["find Iran's", " list"])
    }

    @Test func oneScanSplitsCommandsAndTokenizesEach() {
        let commands = Tokenizer.commands("note c1 \"a; b\"; show \"s1")
        #expect(commands.map(\.text) == ["note c1 \"a; b\"", " show \"s1"])
        #expect(commands[0].tokens.map(\.value) == ["note", "c1", "a; b"])
        #expect(commands[0].openQuote == nil)
        // Ranges count from the start of the command's own text.
        #expect(commands[1].tokens.map(\.range) == [1..<5, 6..<9])
        #expect(commands[1].openQuote == "\"")
    }

    @Test func aSemicolonEndsAnUnquotedWord() {
        #expect(Tokenizer.commands("list;show s1").map { $0.tokens.map(\.value) } == [["list"], ["show", "s1"]])
        #expect(Tokenizer.splitCommands("list;'x;y'") == ["list", "'x;y'"])
    }
}
