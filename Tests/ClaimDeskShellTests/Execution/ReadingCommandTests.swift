import ClaimDeskCore
@testable import ClaimDeskShell
import Foundation
import Testing

@Suite struct ReadingCommandTests {
    @Test func loadReportsTitleAndCounts() {
        let fixture = ShellFixture(loadArticle: false)
        let output = fixture.run("load story.txt")
        let text = ArticleText(TextNormalizer.normalize(ShellFixture.article))
        #expect(text.sentenceCount == 5)
        #expect(output == "Loaded \"Talks stall over harbor fees\": 3 paragraphs, 5 sentences, \(text.count) characters\n")
        #expect(fixture.session.articles.count == 1)
        #expect(fixture.shell.workspace.activeArticle == "a1")
    }

    @Test func loadNormalisesLineEndsAndUnicode() throws {
        let fixture = ShellFixture(loadArticle: false)
        fixture.host.files["crlf.txt"] = Data("Title\r\n\r\nCafe\u{301} opens.\r\nSecond line.".utf8)
        fixture.run("load crlf.txt")
        let article = try #require(fixture.session.articles["a1"])
        #expect(article.text == "Title\n\nCaf\u{E9} opens.\nSecond line.")
        #expect(article.sha256 == SHA256Digest.hex(of: article.text))
    }

    @Test func markdownTitleComesFromTheHeading() throws {
        let fixture = ShellFixture(loadArticle: false)
        fixture.host.files["story.md"] = Data("Some preface\n\n# The real headline\n\nBody text here.".utf8)
        #expect(fixture.run("load story.md").hasPrefix("Loaded \"The real headline\""))
    }

    @Test(arguments: [
        ("missing.txt", "cannot load missing.txt: no such file; check the path (Tab completes it)"),
        ("folder", "cannot load folder: it is a folder, not a file; name a file in it"),
        ("binary.txt", "cannot load binary.txt: the file is binary (it contains NUL bytes); give a UTF-8 text or Markdown file"),
        ("latin1.txt", "cannot load latin1.txt: the file is not valid UTF-8 (first bad byte at offset 3); convert it, e.g. iconv -f latin1 -t utf-8"),
        ("empty.txt", "cannot load empty.txt: the file is empty; give an article with some text"),
        ("blank.txt", "cannot load blank.txt: the file is empty; give an article with some text"),
    ])
    func badFilesAreRefusedAndNothingChanges(path: String, message: String) {
        let fixture = ShellFixture(loadArticle: false)
        fixture.host.folders = ["folder"]
        fixture.host.files["binary.txt"] = Data([0x41, 0x00, 0x42])
        fixture.host.files["latin1.txt"] = Data([0x43, 0x61, 0x66, 0xE9])
        fixture.host.files["empty.txt"] = Data()
        fixture.host.files["blank.txt"] = Data(" \n\n  ".utf8)
        #expect(fixture.fail("load \(path)") == message)
        #expect(fixture.session.articles.isEmpty)
        #expect(fixture.shell.workspace.unsavedChanges == 0)
    }

    @Test func theSameTextTwiceIsRefused() {
        let fixture = ShellFixture()
        fixture.host.files["copy.txt"] = Data(ShellFixture.article.utf8)
        #expect(fixture.fail("load copy.txt").hasPrefix("this text is already loaded as a1"))
    }

    @Test func loadFromStandardInput() {
        let fixture = ShellFixture(loadArticle: false)
        fixture.host.standardInput = Data("Piped title\n\nPiped body. Second sentence.".utf8)
        #expect(fixture.run("load -") == "Loaded \"Piped title\": 2 paragraphs, 3 sentences, 41 characters\n")
    }

    @Test func articlesAndUse() {
        let fixture = ShellFixture()
        fixture.host.files["second.txt"] = Data("Second story\n\nAnother text. With two sentences.".utf8)
        fixture.run("load second.txt")
        let listing = fixture.run("articles")
        #expect(listing.contains("  1  a1  Talks stall over harbor fees"))
        #expect(listing.contains("* 2  a2  Second story"))
        #expect(fixture.run("use 1") == "Now on a1 \"Talks stall over harbor fees\"\n")
        #expect(fixture.shell.workspace.activeArticle == "a1")
        #expect(fixture.run("use a2").hasPrefix("Now on a2"))
        #expect(fixture.fail("use 7") == "no article 7; articles lists the 2 there are")
    }

    @Test func showNumbersParagraphsAndSentences() {
        let fixture = ShellFixture()
        let output = fixture.run("show")
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines[0] == "a1  Talks stall over harbor fees  (3 paragraphs, 5 sentences)")
        #expect(lines[1] == "p1")
        #expect(lines[2] == "  s1  Talks stall over harbor fees")
        #expect(lines[3] == "p2")
        #expect(lines[4].hasPrefix("  s2  PORT AVERY (Meridian Wire) — Senior U.S. officials said"))
        #expect(lines[5] == "  s3  The Daily Courier reported, quoting two officials, that Secretary Helen R. Marsh wanted “a firm answer.”")
        #expect(lines[6] == "p3")
        #expect(lines[7] == "  s4  Gen. Thomas E. Reyes disagreed.")
        #expect(lines[8] == "  s5  “We will not escalate,” he said at 3 p.m. on Wednesday.")
        #expect(lines.count == 9)
    }

    @Test func showARangeAndAParagraph() {
        let fixture = ShellFixture()
        #expect(fixture.run("show s4-s5") == "p3\n  s4  Gen. Thomas E. Reyes disagreed.\n  s5  “We will not escalate,” he said at 3 p.m. on Wednesday.\n")
        #expect(fixture.run("show p3") == fixture.run("show s4-s5"))
        #expect(fixture.run("show s4-5") == fixture.run("show s4-s5"))
    }

    @Test func showAQuoteHighlightsIt() {
        let fixture = ShellFixture()
        #expect(fixture.run("show \"not escalate\"") == "p3\n  s5  “We will [not escalate],” he said at 3 p.m. on Wednesday.\n")
    }

    @Test func showMarksAnnotatedSpans() {
        let fixture = ShellFixture()
        fixture.run("claim s4 --by Reyes")
        fixture.run("mention \"Gen. Thomas E. Reyes\" Reyes")
        #expect(fixture.run("show s4") == "p3\n  s4  {{Gen. Thomas E. Reyes}m1 disagreed.}c1\n")
    }

    @Test func findIsBlindToQuotesCaseAndSpaces() {
        let fixture = ShellFixture()
        let output = fixture.run("find \"a  FIRM answer")
        #expect(output.contains("[“a firm answer]"))
        #expect(output.hasPrefix("f1  s3 "), "hits are numbered f1, f2 …")
        #expect(output.hasSuffix("1 match in 1 sentence\n"))
        #expect(fixture.run("find we will") .contains("s5    “[We will] not escalate,”"))
    }

    @Test func findWithARegex() {
        let fixture = ShellFixture()
        let output = fixture.run("find /[0-9]+ p\\.m\\./")
        #expect(output.contains("[3 p.m.]"))
        #expect(fixture.run("find /TALKS/i").contains("2 matches in 2 sentences"))
        #expect(fixture.run("find /TALKS/") == "no match for /TALKS/\n")
        #expect(fixture.fail("find /(unclosed/").hasPrefix("invalid regular expression /(unclosed/"))
    }

    @Test func selectionsThatCannotResolveSayWhy() {
        let fixture = ShellFixture()
        #expect(fixture.fail("show s40") == "s40 is out of range: the article has 5 sentences (s1-s5)")
        #expect(fixture.fail("show p9") == "p9 is out of range: the article has 3 paragraphs (p1-p3)")
        #expect(fixture.fail("show @10-99999").hasPrefix("@10-99999 is out of range: the article has"))
        #expect(fixture.fail("show \"harbor FEES\"") == "no match for \"harbor FEES\"; did you mean \"harbor fees\"?")
        #expect(fixture.fail("show officials").hasPrefix("\"officials\" occurs 2 times (#1 in s2, #2 in s3); pick one with \"officials\"#N"))
        #expect(fixture.fail("show s6-s2") == "cannot read the selection s6-s2: the range runs backwards; write s2-s6")
        #expect(fixture.fail("show \"zebra crossing\"") == "no match for \"zebra crossing\" in the article; check the words or use find")
        #expect(fixture.fail("show \"U.S.\"#3") == "\"U.S.\"#3: it occurs only 1 time")
    }

    @Test func commandsBeforeAnyArticleSayWhatToDo() {
        let fixture = ShellFixture(loadArticle: false)
        #expect(fixture.fail("show") == "no article loaded; load one with load PATH")
        #expect(fixture.fail("claim s1") == "no article loaded; load one with load PATH")
    }
}
