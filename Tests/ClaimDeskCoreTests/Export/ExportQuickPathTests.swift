@testable import ClaimDeskCore
import Testing

/// The exporters' quick paths (text that needs nothing is passed on as it is; script-safe JSON
/// copied in runs, piece by piece) give the bytes the general code gave, which the reference
/// functions here keep as they were written before.
@Suite struct ExportQuickPathTests {
    /// Text from pieces that exercise every rule: printable ASCII, Markdown and HTML markup,
    /// tabs and line breaks (LF, CRLF, CR, U+2028), control characters (C0, DEL, C1), bidi
    /// controls, accented and right-to-left letters, and an emoji.
    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        let pieces = ["a", "Officials", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{2028}", "\u{2029}", "\u{0B}", "\u{85}",
                      "\u{1B}", "\u{7F}", "\u{9F}", "\u{202E}", "\u{061C}", "\u{200F}", "\u{2067}",
                      "-", "+", "=", "1.", "2)", "#", "*", "_", "[x](y)", "<", ">", "&", "\"", "'", "/", "|", "~", "!", "`", "\\",
                      "é", "e\u{301}", "مضيق", "قاسم سلیمانی", "\u{3000}", "\u{A0}", "👩‍👩‍👧", "_-", "mostly-true"]
        var random = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            (0..<Int(random.next() % 9)).map { _ in random.pick(pieces) }.joined()
        }
    }

    static let texts = randomTexts(count: 4_000, seed: 15)

    // MARK: References: the code as it was before the quick paths.

    static func referenceVisible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: UntrustedText.isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard UntrustedText.isUnsafe(scalar) else { out.append(scalar); continue }
            if scalar.value < 0x20 {
                out.append(Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}")
            } else if scalar.value == 0x7F {
                out.append("\u{2421}")
            } else {
                out.append(contentsOf: String(format: "⟨U+%04X⟩", scalar.value).unicodeScalars)
            }
        }
        return String(out)
    }

    static func referenceBlockQuote(_ text: String, indent: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? indent + ">" : indent + "> " + MarkdownExporter.lineStart(String(trimmed))
        }.joined(separator: "\n")
    }

    static func referenceTypeName(_ label: String) -> String {
        String(String.UnicodeScalarView(label.unicodeScalars.map { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_") ? scalar : "_"
        }))
    }

    static func referenceNoteText(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { BratExporter.isLineBreak($0) || $0 == "\t" ? " " : $0 }))
    }

    static func referenceScriptSafe(_ json: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        var i = 0
        while i < json.count {
            let byte = json[i]
            switch byte {
            case 0x3C: out.append(contentsOf: Array("\\u003c".utf8))
            case 0x3E: out.append(contentsOf: Array("\\u003e".utf8))
            case 0x26: out.append(contentsOf: Array("\\u0026".utf8))
            case 0x2F: out.append(contentsOf: [0x5C, 0x2F])
            case 0xE2 where i + 2 < json.count && json[i + 1] == 0x80 && (json[i + 2] == 0xA8 || json[i + 2] == 0xA9):
                out.append(contentsOf: Array((json[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8))
                i += 2
            default: out.append(byte)
            }
            i += 1
        }
        return out
    }

    // MARK: Tests

    @Test func visibleTextIsAsBefore() {
        for text in Self.texts {
            #expect(Array(VisibleText.make(text).utf8) == Array(Self.referenceVisible(text).utf8), "\(text.debugDescription)")
        }
    }

    @Test func markdownBlockQuoteIsAsBefore() {
        for (index, text) in Self.texts.enumerated() {
            let indent = index % 3 == 0 ? "    " : ""
            #expect(Array(MarkdownExporter.blockQuote(text, indent: indent).utf8)
                    == Array(Self.referenceBlockQuote(text, indent: indent).utf8), "\(text.debugDescription)")
        }
    }

    @Test func bratNamesAndNotesAreAsBefore() {
        for text in Self.texts {
            #expect(BratExporter.typeName(text) == Self.referenceTypeName(text), "\(text.debugDescription)")
            #expect(Array(BratExporter.noteText(text).utf8) == Array(Self.referenceNoteText(text).utf8), "\(text.debugDescription)")
        }
        #expect(BratExporter.typeName("mostly-true") == "mostly-true")
        #expect(BratExporter.typeName("half true/false") == "half_true_false")
        #expect(BratExporter.noteText("c1 | note: two\nlines\tand a tab") == "c1 | note: two lines and a tab")
    }

    /// The report's filter data is made script-safe piece by piece as it goes out; the pieces
    /// joined are what making the whole document safe at once gave.
    @Test func scriptSafeJSONInPiecesIsTheWholeMadeSafe() {
        var writer = JSONWriter(pretty: false)
        writer.beginObject()
        for (index, text) in Self.texts.enumerated() {
            writer.key("c" + String(100_000 + index))  // sorted, as the writer wants keys
            writer.string(text)
        }
        writer.endObject()
        let whole = writer.bytes
        let expected = Self.referenceScriptSafe(whole)
        #expect(HTMLExporter.scriptSafeBytes(whole) == expected)
        // Cut between members (outside strings), as the exporter drains its writer.
        var cuts: [Int] = [0]
        var inString = false, escaped = false
        for (offset, byte) in whole.enumerated() {
            if escaped { escaped = false; continue }
            if byte == 0x5C, inString { escaped = true; continue }
            if byte == 0x22 { inString.toggle() }
            if byte == 0x2C, !inString, offset % 7 == 0 { cuts.append(offset + 1) }
        }
        cuts.append(whole.count)
        var pieces = ExportText()
        for (from, to) in zip(cuts, cuts.dropFirst()) { HTMLExporter.appendScriptSafe(Array(whole[from..<to]), to: &pieces) }
        #expect(pieces.bytes == expected)
        #expect(cuts.count > 10, "the document was cut into several pieces")
    }
}
