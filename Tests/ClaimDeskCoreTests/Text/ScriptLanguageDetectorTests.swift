import Testing
@testable import ClaimDeskCore

@Suite struct ScriptLanguageDetectorTests {
    @Test(arguments: [
        ("The ministry said the talks had stalled.", ScriptLanguage.english),
        ("قال مسؤول إيراني إن المحادثات متوقفة.", .arabic),
        ("وزیر امور خارجه روز دوشنبه به مسکو سفر کرد.", .persian),
        ("وزیر اعظم نے کابینہ کا اجلاس طلب کر لیا ہے۔", .urdu),
        ("قال مسؤول لوكالة Reuters إن القرار نهائي.", .arabic),  // mostly Arabic letters
        ("The agency quoted the word «لا» twice in its report on Tuesday.", .english),  // mostly Latin
        ("1234 — !?", .english),  // no letters at all
    ])
    func guessesTheLanguageFromTheLetters(text: String, language: ScriptLanguage) {
        #expect(ScriptLanguageDetector.detect(text) == language)
    }

    @Test func codesReadBCP47Tags() {
        #expect(ScriptLanguage(code: "fa-IR") == .persian)
        #expect(ScriptLanguage(code: "AR") == .arabic)
        #expect(ScriptLanguage(code: "ur_PK") == .urdu)
        #expect(ScriptLanguage(code: "de") == nil)
        #expect(ScriptLanguage.arabic.rawValue == "ar")
        #expect(ScriptLanguage.arabic.isRightToLeft && !ScriptLanguage.english.isRightToLeft)
    }

    @Test func rightToLeftCharacters() {
        #expect(ScriptLanguageDetector.isRightToLeft(0x0627))  // alef
        #expect(ScriptLanguageDetector.isRightToLeft(0x05D0))  // Hebrew alef
        #expect(!ScriptLanguageDetector.isRightToLeft(0x0041))
        #expect(!ScriptLanguageDetector.isRightToLeft(0x2014))
        #expect(!ScriptLanguageDetector.isRightToLeft(0x0915))  // Devanagari ka
    }
}
