import ClaimDeskCore
@testable import ClaimDeskShell
import Testing

@Suite struct LineWrapperTests {
    func wrapped(_ line: StyledLine, width: Int) -> [String] {
        LineWrapper(width: width).wrap(line).map { TextRenderer(color: false).render($0) }
    }

    /// A sentence line as `show` makes it: label, then the text column.
    func sentenceLine(_ text: String) -> StyledLine {
        var line = StyledLine("  s3  ", .dim)
        line.markTextColumn()
        line.appendIsolated(text)
        return line
    }

    @Test func aLineThatFitsIsLeftAlone() {
        let line = sentenceLine("Short enough.")
        #expect(LineWrapper(width: 80).wrap(line) == [line])
    }

    @Test func breaksAtWordBoundariesUnderTheTextColumn() {
        let lines = wrapped(sentenceLine("Officials in Baghdad said the talks would resume on Monday after a pause of two weeks."), width: 40)
        #expect(lines == [
            "  s3  Officials in Baghdad said the",
            "      talks would resume on Monday after",
            "      a pause of two weeks.",
        ])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 40 })
    }

    @Test func noWordIsCutWhenItFits() {
        let text = "Baghdad Baghdad Baghdad Baghdad Baghdad Baghdad Baghdad Baghdad Baghdad Baghdad"
        for width in 20...60 {
            for line in wrapped(sentenceLine(text), width: width) {
                let words = line.split(separator: " ").filter { $0 != "s3" }
                #expect(words.allSatisfy { $0 == "Baghdad" }, "width \(width): \(line)")
                #expect(DisplayWidth.of(line) <= width, "width \(width): \(line)")
            }
        }
    }

    @Test func aWordLongerThanALineIsCut() {
        let lines = wrapped(StyledLine("x " + String(repeating: "a", count: 50)), width: 20)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 20 })
        #expect(lines.joined().filter { $0 == "a" }.count == 50)
    }

    @Test func wideCharactersCountTwoColumns() {
        // 12 ideographs = 24 columns, with spaces between groups of three.
        let lines = wrapped(sentenceLine("新华社报道 新华社报道 新华社报道 新华社报道"), width: 20)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 20 }, "\(lines)")
    }

    @Test func stylesSurviveTheBreak() {
        var line = StyledLine("c1    ", .id)
        line.markTextColumn()
        line.append("one two three four five six seven", .span(.claim))
        let pieces = LineWrapper(width: 20).wrap(line)
        #expect(pieces.count == 3)
        #expect(pieces.dropFirst().allSatisfy { $0.runs.contains { $0.style == .span(.claim) && !$0.text.isEmpty } })
        #expect(pieces.dropFirst().allSatisfy { $0.description.hasPrefix("      ") })
    }

    @Test func aDeepTextColumnFallsBackToASmallIndent() {
        var line = StyledLine(String(repeating: "-", count: 30))
        line.markTextColumn()
        line.append(" alpha beta gamma delta epsilon zeta eta theta")
        let lines = wrapped(line, width: 40)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("    ") && !$0.hasPrefix("     ") }, "\(lines)")
    }

    /// Right-to-left text broken inside its isolate: each line closes what it opened, and the
    /// continuation reopens it as right-to-left (RLI) even when its piece starts with a Latin name.
    @Test func anIsolateBrokenAcrossLinesIsClosedAndReopenedWithItsDirection() {
        let arabic = "قال مسؤولون في بغداد إن المحادثات ستستأنف Reuters يوم الاثنين بعد توقف دام أسبوعين"
        let rendered = LineWrapper(width: 30).wrap(sentenceLine(arabic)).map { TextRenderer(color: false).render($0) }
        #expect(rendered.count > 2)
        for line in rendered {
            let opens = line.unicodeScalars.filter { (0x2066...0x2068).contains($0.value) }.count
            let closes = line.unicodeScalars.filter { $0.value == 0x2069 }.count
            #expect(opens == closes, "unbalanced: \(line.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(rendered[0].unicodeScalars.contains("\u{2068}"))  // the first line keeps FSI
        for line in rendered.dropFirst() {
            #expect(line.unicodeScalars.contains("\u{2067}"), "a continuation reopens as RLI")
            #expect(!line.unicodeScalars.contains("\u{2068}"))
        }
        // Nothing is lost or reordered in logical order.
        let text = rendered.map { String(String.UnicodeScalarView($0.unicodeScalars.filter { !(0x2066...0x2069).contains($0.value) })) }
            .map { $0.trimmingPrefix(while: { $0 == " " }) }
        #expect(text.joined(separator: " ").replacingOccurrences(of: "s3  ", with: "") == arabic)
    }

    @Test func theRendererWrapsOnlyWithAWidth() {
        let line = sentenceLine("Officials in Baghdad said the talks would resume on Monday after a pause of two weeks.")
        #expect(!TextRenderer(color: false).render(line).contains("\n"))
        #expect(TextRenderer(color: false, width: 40).render(line).split(separator: "\n").count == 3)
    }
}

extension String {
    func trimmingPrefix(while predicate: (Character) -> Bool) -> String {
        String(drop(while: predicate))
    }
}

@Suite struct LineWrapperIndentTests {
    /// An answer that starts with an id (`c1  claim by …`) hangs under the text after the id.
    @Test func answersStartingWithAnIdHangUnderTheirText() {
        let line = StyledLine("c12", .id) + StyledLine("  claim by American officials via The Daily Courier: \"The Daily Courier reported\"")
        let lines = LineWrapper(width: 40).wrap(line).map(\.description)
        #expect(lines.count > 1)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("     ") && !$0.hasPrefix("      ") }, "\(lines)")
    }
}

@Suite struct FittedQuoteTests {
    static let sentence = "The Daily Courier reported, quoting two American officials familiar with the talks, that Secretary of State Helen R. Marsh urged a response."

    @Test(arguments: [30, 50, 80, 120])
    func aQuoteFitsItsColumnsAndKeepsBothEnds(columns: Int) {
        let fitted = quoted(Self.sentence, columns: columns)
        #expect(DisplayWidth.of(fitted) <= columns, "\(fitted)")
        #expect(fitted.hasPrefix("\"The Daily") && fitted.hasSuffix("response.\""), "\(fitted)")
        #expect(fitted.contains("…"))
    }

    @Test func moreColumnsShowMoreOfTheQuote() {
        #expect(DisplayWidth.of(quoted(Self.sentence, columns: 120)) > DisplayWidth.of(quoted(Self.sentence, columns: 60)))
        #expect(quoted("short", columns: 40) == "\"short\"")
    }

    @Test func wideCharactersAreCountedAsTwo() {
        let fitted = quoted(String(repeating: "新华社报道了这个消息。", count: 10), columns: 30)
        #expect(DisplayWidth.of(fitted) <= 30, "\(fitted)")
    }
}
