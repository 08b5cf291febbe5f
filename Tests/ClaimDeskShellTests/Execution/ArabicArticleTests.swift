import ClaimDeskCore
@testable import ClaimDeskShell
import Foundation
import Testing

/// An Arabic article in the shell: finding across spellings, quoting, sources named in two
/// scripts, and lines that a bidi terminal can order without moving ids and markers.
@Suite struct ArabicArticleTests {
    static let article = """
        احتجاز ناقلة في مضيق كالدر

        وذكرت صحيفة «ديلي كوريير»، نقلاً عن مسؤولَين أمريكيين، أن الناقلة كانت متجهة إلى ميناء إيراني. \
        وقال المسؤول الإيراني إن طهران لم تتلق أي طلب.

        وقال قاسم سلیمانی في مقابلة: «لن نتراجع». وأضاف أن ایران مستعدة للحوار.
        """

    static let fsi = "\u{2068}", lri = "\u{2066}", pdi = "\u{2069}"

    func fixture() -> ShellFixture {
        let fixture = ShellFixture(loadArticle: false)
        fixture.host.files["ar.txt"] = Data(Self.article.utf8)
        fixture.run("load ar.txt")
        return fixture
    }

    @Test func findMatchesSpellingsWithoutHamzaOrWithArabicYeh() {
        let fixture = fixture()
        // Typed without hamza: finds إيراني and الإيراني as written.
        let output = fixture.run("find ايراني")
        #expect(output.contains("[\(Self.fsi)إيراني\(Self.pdi)]"))
        #expect(output.contains("[\(Self.fsi)الإيراني\(Self.pdi)]") == false)  // the hit is the word part only
        #expect(output.hasSuffix("2 matches in 2 sentences\n"))
        // Arabic yeh typed; the article spells Iran with Farsi yeh.
        #expect(fixture.run("find ايران").contains("[\(Self.fsi)ایران\(Self.pdi)]"))
        #expect(fixture.run("find نقلا").contains("[\(Self.fsi)نقلاً\(Self.pdi)]"))
    }

    @Test func aQuotedSelectionFoldsTheSameWay() throws {
        let fixture = fixture()
        fixture.run("claim \"وقال المسؤول الايراني\" --by المسؤول")
        let claim = try #require(fixture.session.claims.values.first)
        #expect(claim.anchor.exact == "وقال المسؤول الإيراني")
    }

    @Test func sourcesAreFoundByAnAliasInAnyScriptAndSpelling() throws {
        let fixture = fixture()
        fixture.run("source add Qassim Soleimani --kind official --alias Qasem Soleimani --alias قاسم سلیمانی")
        let session = fixture.session
        let source = try #require(session.sources["src1"])
        #expect(session.lookupSource("قاسم سليماني") == .found(source))  // Arabic yeh
        #expect(session.lookupSource("سليماني") == .found(source))  // a word of the alias
        #expect(session.lookupSource("qasem soleimani") == .found(source))
        fixture.run("claim s4 --by قاسم سليماني")
        #expect(fixture.session.claims.values.first?.claimant == "src1")
    }

    @Test func aNameSpelledWithAnotherYehIsTheSameSource() {
        let fixture = fixture()
        fixture.run("source add قاسم سلیمانی --kind official")
        #expect(fixture.fail("source add قاسم سليماني").hasPrefix("there is already a source \"قاسم سلیمانی\" (src1)"))
        #expect(fixture.fail("source add Qassim --alias قاسم سليماني")
                == "the alias \"قاسم سليماني\" already names src1 \"قاسم سلیمانی\"; choose another")
        // Two spellings in one command make one new source, not two.
        fixture.run("claim s4 --by قاسم سلیمانی --via وزارة الخارجية --via وزارة الخارجيه")
        #expect(fixture.session.sources.count == 2)
        #expect(fixture.session.claims.values.first?.via == ["src2", "src2"])
        // And the claimant spelt another way is still the claimant, who cannot relay their own claim.
        #expect(fixture.fail("claim s5 --by وزارة الخارجية --via وزارة الخارجيه").contains("is the claimant, so it cannot also relay the claim"))
    }

    @Test func completionFindsAnAliasTypedWithAnotherYeh() {
        let fixture = fixture()
        fixture.run("source add Qassim Soleimani --kind official --alias قاسم سلیمانی")
        let line = "claim s4 --by \"قاسم سلي"
        #expect(fixture.shell.complete(line: line, cursor: line.count).candidates == ["\"قاسم سلیمانی\""])
    }

    @Test func sourcesShowEachAliasIsolated() {
        let fixture = fixture()
        fixture.run("source add Qassim Soleimani --kind official --alias Qasem Soleimani --alias قاسم سلیمانی")
        let line = fixture.run("sources")
        #expect(line.hasPrefix("src1  \(Self.fsi)Qassim Soleimani\(Self.pdi)  official  aka \(Self.fsi)Qasem Soleimani\(Self.pdi), \(Self.fsi)قاسم سلیمانی\(Self.pdi)"))
    }

    @Test func showIsolatesTheSentenceAndKeepsIdsLeftToRight() {
        let fixture = fixture()
        fixture.run("claim s4 --by المسؤول")
        let lines = fixture.run("show s4").split(separator: "\n").map(String.init)
        #expect(lines == ["p3", "  s4  \(Self.fsi){وقال قاسم سلیمانی في مقابلة: «لن نتراجع».}\(Self.lri)c1\(Self.pdi)\(Self.pdi)"])
    }

    @Test func titlesAreIsolated() {
        let fixture = ShellFixture(loadArticle: false)
        fixture.host.files["ar.txt"] = Data(Self.article.utf8)
        #expect(fixture.run("load ar.txt").hasPrefix("Loaded \(Self.fsi)\"احتجاز ناقلة في مضيق كالدر\"\(Self.pdi): 3 paragraphs"))
        #expect(fixture.run("articles").contains("a1  \(Self.fsi)احتجاز ناقلة في مضيق كالدر\(Self.pdi)  3 paragraphs"))
    }

    @Test func aNewClaimEchoesItsQuotationIsolated() {
        let fixture = fixture()
        let output = fixture.run("claim s3 --by المسؤول")
        #expect(output.hasSuffix(": \(Self.fsi)\"وقال المسؤول الإيراني إن طهران لم تتلق أي طلب.\"\(Self.pdi)\n"))
    }

    @Test func aChainOfNamesInTwoScriptsIsolatesEachName() {
        let fixture = fixture()
        fixture.run("source add The Daily Courier --kind outlet")
        let output = fixture.run("claim s2 --by مسؤولين أمريكيين --via The Daily Courier --via غلف ليدجر")
        #expect(output.contains("claim by \(Self.fsi)مسؤولين أمريكيين\(Self.pdi) via \(Self.fsi)The Daily Courier\(Self.pdi) → \(Self.fsi)غلف ليدجر\(Self.pdi): "))
    }

    @Test func listIsolatesNamesPropositionsAndQuotations() {
        let fixture = fixture()
        fixture.run("mention s2 المسؤول")
        fixture.run("proposition add على إيران أن تفرج عن الناقلة")
        fixture.run("stance المسؤول against pr1 --evidence s3")
        let output = fixture.run("list")
        #expect(output.contains("\(Self.fsi)المسؤول\(Self.pdi)  \(Self.fsi)\"وذكرت صحيفة"))
        #expect(output.contains("pr1   \(Self.fsi)على إيران أن تفرج عن الناقلة\(Self.pdi)"))
        #expect(output.contains("st1   \(Self.fsi)المسؤول\(Self.pdi) against pr1 \(Self.fsi)\"على إيران أن تفرج عن الناقلة\"\(Self.pdi)"))
    }

    @Test func newSourcesAreNamedIsolated() {
        let fixture = fixture()
        #expect(fixture.run("source add غلف ليدجر --kind outlet") == "Added source src1 \(Self.fsi)\"غلف ليدجر\"\(Self.pdi) (outlet)\n")
        #expect(fixture.run("claim s2 --by مسؤولين أمريكيين").hasPrefix(
            "new source src2 \(Self.fsi)\"مسؤولين أمريكيين\"\(Self.pdi) (other); set its kind with set src2 kind K\n"))
    }

    @Test func englishLinesCarryNoIsolates() {
        let fixture = ShellFixture()
        fixture.run("source add The Daily Courier --kind outlet --alias Courier")
        let output = fixture.run("show s1") + fixture.run("find courier") + fixture.run("sources")
        #expect(!output.unicodeScalars.contains { (0x2066...0x2069).contains($0.value) })
    }

    @Test func bidiControlsInTheArticleStayEscapedBesideOurIsolates() {
        let fixture = ShellFixture(loadArticle: false)
        fixture.host.files["evil.txt"] = Data("قال المسؤول \u{202E}إن الاتفاق\u{2069} انتهى.".utf8)
        fixture.run("load evil.txt")
        let output = fixture.run("show s1")
        #expect(output.contains("\\u{202E}إن الاتفاق\\u{2069}"))
        // The only raw isolate characters are the renderer's own pair around the sentence.
        #expect(output.unicodeScalars.filter { (0x2066...0x2069).contains($0.value) }.map(\.value) == [0x2068, 0x2069])
    }
}
