import Foundation
import Testing

/// `claimdesk segment --lang`: the script decides by default; a forced language applies its rules everywhere.
@Suite("claimdesk segment --lang")
struct SegmentLanguageTests {
    static let arabic = "ارتفعت الأسعار؛ وهو ما أثار الغضب. وُلد الشاعر عام ١٩٣٠ م. ودرس في القاهرة."

    @Test func theScriptChoosesTheRulesByDefault() throws {
        let result = try ClaimDeskProcess.run(["segment"], stdin: Self.arabic)
        #expect(result.status == 0)
        #expect(result.stdout == "ارتفعت الأسعار؛\nوهو ما أثار الغضب.\nوُلد الشاعر عام ١٩٣٠ م.\nودرس في القاهرة.\n")
        let auto = try ClaimDeskProcess.run(["segment", "--lang", "auto"], stdin: Self.arabic)
        #expect(auto.stdout == result.stdout)
    }

    @Test func forcedEnglishLeavesTheArabicSemicolonAlone() throws {
        let result = try ClaimDeskProcess.run(["segment", "--lang", "en"], stdin: Self.arabic)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("ارتفعت الأسعار؛ وهو ما أثار الغضب.\n"))
    }

    @Test func forcedPersianKeepsADateMarkInsideTheSentence() throws {
        let result = try ClaimDeskProcess.run(["segment", "--lang", "fa"], stdin: Self.arabic)
        #expect(result.stdout.hasSuffix("\nوُلد الشاعر عام ١٩٣٠ م. ودرس في القاهرة.\n"))
    }

    @Test func unknownLanguageIsAnError() throws {
        let result = try ClaimDeskProcess.run(["segment", "--lang", "de"], stdin: "Hi.")
        #expect(result.status != 0)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("'auto', 'en', 'ar', 'fa' or 'ur'"))
    }
}
