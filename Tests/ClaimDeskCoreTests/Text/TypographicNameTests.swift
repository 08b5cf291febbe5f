@testable import ClaimDeskCore
import Testing

@Suite struct TypographicNameTests {
    let text = ArticleText(TextNormalizer.normalize("Robert C. O’Brien met “Doc” Hale and Marsh’s aide O'Neil."))

    @Test func aStraightQuoteTakesTheArticlesForm() {
        #expect(TypographicName.form(of: "Robert C. O'Brien", in: text) == "Robert C. O’Brien")
        #expect(TypographicName.form(of: "O'Brien", in: text) == "O’Brien")
        #expect(TypographicName.form(of: "\"Doc\" Hale", in: text) == "“Doc” Hale")
    }

    @Test func otherwiseTheNameStaysAsTyped() {
        #expect(TypographicName.form(of: "O'Neil", in: text) == "O'Neil", "the text has it straight")
        #expect(TypographicName.form(of: "o'brien", in: text) == "o'brien", "case must match: the text's form is not guessed")
        #expect(TypographicName.form(of: "D'Arcy", in: text) == "D'Arcy", "not in the text")
        #expect(TypographicName.form(of: "Hale", in: text) == "Hale", "no quote typed")
    }
}
