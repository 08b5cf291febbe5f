import Foundation
import Testing
@testable import ClaimDeskCore

/// What `claimdesk segment` writes: the same sentences as the segmenter, with untrusted
/// characters made visible (text) or escaped (JSON).
@Suite struct SentenceListWriterTests {
    static func text(_ input: String) -> String {
        String(decoding: SentenceListWriter.text(SentenceSegmenter().segment(input), of: input), as: UTF8.self)
    }

    static func json(_ input: String) -> String {
        String(decoding: SentenceListWriter.jsonLines(SentenceSegmenter().segment(input), of: input), as: UTF8.self)
    }

    /// Written in pieces, the output is the same bytes, each piece ends a line, and every piece but
    /// the last is at least as long as asked.
    @Test(arguments: [1, 7, 64, 1 << 16])
    func piecesJoinToTheWholeOutput(chunkBytes: Int) {
        let input = String(repeating: "The mayor said: \"No.\" Talks \u{1B}resume\non Monday. عربي جملة. ", count: 40)
        let segmentation = SentenceSegmenter().segment(input)
        for format in [SentenceListWriter.Format.text, .jsonLines] {
            var pieces: [[UInt8]] = []
            SentenceListWriter.write(segmentation, of: input, as: format, chunkBytes: chunkBytes) { pieces.append(Array($0)) }
            let whole = format == .text ? SentenceListWriter.text(segmentation, of: input)
                : SentenceListWriter.jsonLines(segmentation, of: input)
            #expect(pieces.flatMap { $0 } == whole)
            #expect(whole.count > 1000 && whole.filter { $0 == 0x0A }.count == segmentation.sentences.count)
            #expect(pieces.allSatisfy { $0.last == 0x0A })
            #expect(pieces.dropLast().allSatisfy { $0.count >= chunkBytes })
            if chunkBytes < 100 { #expect(pieces.count > 10) }
        }
    }

    /// Every code point the JSON writer must escape: C0 and C1 controls, DEL, bidi controls.
    static let hostile: [UInt32] = Array(0x00...0x1F) + Array(0x7F...0x9F) + [0x061C, 0x200E, 0x200F]
        + Array(0x202A...0x202E) + Array(0x2066...0x2069) + [0x2028, 0x2029]

    @Test func textShowsControlsAndBidiMarksAsTheShellDoes() {
        #expect(Self.text("Red \u{1B}[31malert\u{1B}[0m here. Safe \u{202E}txt.exe now.")
                == "Red \\u{1B}[31malert\\u{1B}[0m here.\nSafe \\u{202E}txt.exe now.\n")
        #expect(Self.text("A DEL\u{7F} and a CSI\u{9B} and an isolate \u{2066}x\u{2069}.")
                == "A DEL\\u{7F} and a CSI\\u{9B} and an isolate \\u{2066}x\\u{2069}.\n")
        // Tabs stay; a wrapped line still prints as one space.
        #expect(Self.text("Tab\there and\nwrapped. Next.") == "Tab\there and wrapped.\nNext.\n")
    }

    @Test func textNeverWritesARawControlOrBidiMark() {
        for value in Self.hostile where value != 0x0A && value != 0x09 && value != 0x0D {
            let scalar = Unicode.Scalar(value)!
            let out = Self.text("Before \(Character(scalar)) after. Then more.")
            #expect(!out.unicodeScalars.contains { $0 != "\n" && UntrustedText.isUnsafe($0) }, "U+\(String(value, radix: 16))")
        }
    }

    @Test func jsonEscapesEveryControlDelAndBidiMark() throws {
        for value in Self.hostile where value != 0x0A && value != 0x0D {
            let scalar = Unicode.Scalar(value)!
            let input = "Before \(Character(scalar))x after."
            let scalars = Array(input.unicodeScalars)
            // Some of them end a sentence or a paragraph: every line stands on its own.
            for line in Self.json(input).split(separator: "\n") {
                // Nothing hostile leaves raw ...
                #expect(!line.unicodeScalars.contains { Self.hostile.contains($0.value) }, "U+\(String(value, radix: 16))")
                // ... and each line reads back as its slice of the text.
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                let text = try #require(object?["text"] as? String)
                let start = try #require(object?["start"] as? Int), end = try #require(object?["end"] as? Int)
                #expect(text == String(String.UnicodeScalarView(scalars[start..<end])))
            }
        }
        #expect(Self.json("Esc \u{1B} and \u{202E}.") == "{\"index\":1,\"paragraph\":1,\"start\":0,\"end\":12,\"text\":\"Esc \\u001b and \\u202e.\"}\n")
    }

    @Test func jsonLinesGiveTheSegmenterSpansOnGeneratedText() throws {
        var g = SessionGenerator(seed: 4242)
        for _ in 0..<50 {
            let input = g.text() + "\n\n“Quoted” \\ \"plain\" 😀 naïve.\tTabbed."
            let scalars = Array(input.unicodeScalars)
            let segmentation = SentenceSegmenter().segment(scalars)
            let lines = Self.json(input).split(separator: "\n")
            #expect(lines.count == segmentation.sentences.count)
            for (line, sentence) in zip(lines, segmentation.sentences) {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                #expect(object["start"] as? Int == sentence.range.lowerBound)
                #expect(object["end"] as? Int == sentence.range.upperBound)
                #expect(object["paragraph"] as? Int == sentence.paragraph + 1)
                #expect(object["text"] as? String == String(String.UnicodeScalarView(scalars[sentence.range])))
            }
        }
    }

    /// The text format, one code point at a time, as it was first written: the reference for
    /// the writer's copying of whole runs.
    static func referenceText(_ input: String) -> String {
        let scalars = Array(input.unicodeScalars)
        var out = String.UnicodeScalarView()
        for sentence in SentenceSegmenter().segment(scalars).sentences {
            var i = sentence.range.lowerBound
            while i < sentence.range.upperBound {
                guard scalars[i].properties.isWhitespace else {
                    if UntrustedText.isUnsafe(scalars[i]) || Self.shownInvisible(scalars[i]) {
                        out.append(contentsOf: "\\u{\(String(scalars[i].value, radix: 16, uppercase: true))}".unicodeScalars)
                    } else {
                        out.append(scalars[i])
                    }
                    i += 1
                    continue
                }
                var end = i
                var breaks = false
                while end < sentence.range.upperBound, scalars[end].properties.isWhitespace {
                    if [0x0A, 0x0B, 0x0C, 0x85, 0x2028, 0x2029].contains(scalars[end].value) { breaks = true }
                    end += 1
                }
                if breaks {
                    out.append(" ")
                } else {
                    for k in i..<end {
                        if UntrustedText.isUnsafe(scalars[k]) || Self.shownInvisible(scalars[k]) {
                            out.append(contentsOf: "\\u{\(String(scalars[k].value, radix: 16, uppercase: true))}".unicodeScalars)
                        } else {
                            out.append(scalars[k])
                        }
                    }
                }
                i = end
            }
            out.append("\n")
        }
        return String(out)
    }

    /// Zero-width characters and separators the text format shows, but the joiners words need.
    static func shownInvisible(_ scalar: Unicode.Scalar) -> Bool {
        [0x200B, 0x2060, 0xFEFF, 0x2028, 0x2029].contains(scalar.value)
    }

    @Test func textShowsZeroWidthCharactersButKeepsJoiners() {
        #expect(Self.text("Zero\u{200B}width and \u{FEFF}mark and می\u{200C}خواهم.")
                == "Zero\\u{200B}width and \\u{FEFF}mark and می\u{200C}خواهم.\n")
        #expect(Self.json("Zero\u{200B}width.") == "{\"index\":1,\"paragraph\":1,\"start\":0,\"end\":11,\"text\":\"Zero\u{200B}width.\"}\n")
    }

    @Test func textMatchesTheOneCodePointAtATimeReference() {
        let pieces = ["word", "Gen.", "U.S.", " ", "  ", "\t", "\n", "\u{A0}", "\u{2003}", "\u{3000}", "\u{1680}", "\u{202F}",
                      "\u{2028}", "\u{85}", "\u{B}", "\u{C}", "\u{1B}", "\u{202E}", "\u{9B}", "\u{7F}", "é", "“x”", "😀", ".", "!",
                      "عربي", "\u{61C}", "漢字", "\u{2066}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{FF21}"]
        var random = SeededGenerator(seed: 77)
        for _ in 0..<400 {
            let input = "Start " + (0..<Int(random.next() % 30)).map { _ in random.pick(pieces) }.joined() + " end."
            #expect(Self.text(input) == Self.referenceText(input), "\(input.debugDescription)")
        }
    }

    /// Segmented and written a block at a time, the output is the same bytes as writing the
    /// whole text's segmentation, whatever the block and piece sizes.
    @Test(arguments: [(64, 1), (300, 100), (4_096, 1 << 16)])
    func blockwiseWritingGivesTheSameBytes(blockBytes: Int, chunkBytes: Int) {
        var g = SessionGenerator(seed: 99)
        var input = ""
        for k in 0..<30 {
            input += g.text() + (k % 3 == 0 ? "\n\n" : "\n")
            input += "Esc \u{1B} \u{202E}bidi\u{202C} “q” \\ \"x\" \u{2028} 😀 a\tb.\n\n"
        }
        let segmenter = SentenceSegmenter()
        for format in [SentenceListWriter.Format.text, .jsonLines] {
            var whole: [UInt8] = []
            SentenceListWriter.write(segmenter.segment(input), of: input, as: format) { whole.append(contentsOf: $0) }
            var pieces: [[UInt8]] = []
            SentenceListWriter.write(sentencesOf: input, segmenter: segmenter, blockBytes: blockBytes, as: format,
                                     chunkBytes: chunkBytes) { pieces.append(Array($0)) }
            #expect(pieces.flatMap { $0 } == whole)
            #expect(pieces.allSatisfy { $0.last == 0x0A && $0.count >= min(chunkBytes, 1) })
            #expect(pieces.dropLast().allSatisfy { $0.count >= chunkBytes })
            #expect(whole.filter { $0 == 0x0A }.count == segmenter.segment(input).sentences.count)
        }
    }

    /// A sentence far longer than the buffer (a paragraph without a full stop) is written whole,
    /// in one piece that ends its line.
    @Test func aLineLongerThanTheBufferIsWrittenWhole() throws {
        let long = "The " + (0..<4_000).map { $0 % 7 == 0 ? "w\u{1B}rd \u{202E}x" : "word \"q\" é" }.joined(separator: " ")
        let input = "Short one. " + long + "\n\nAfter."
        let segmentation = SentenceSegmenter().segment(input)
        #expect(segmentation.sentences.count == 3)
        for format in [SentenceListWriter.Format.text, .jsonLines] {
            var pieces: [[UInt8]] = []
            SentenceListWriter.write(segmentation, of: input, as: format, chunkBytes: 16) { pieces.append(Array($0)) }
            // Pieces end at line ends, and one of them holds the long line whole.
            #expect(pieces.filter { $0.count > 40_000 }.count == 1 && pieces.allSatisfy { $0.last == 0x0A })
            #expect(pieces.flatMap { $0 }.filter { $0 == 0x0A }.count == 3)
        }
        #expect(Self.text(input) == Self.referenceText(input))
        let second = try #require(Self.json(input).split(separator: "\n").dropFirst().first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(second.utf8)) as? [String: Any])
        #expect(object["text"] as? String == long)
    }

    /// Long plain runs take the eight-bytes-at-a-time path; spaces, line breaks and escapes at
    /// every position around it must come out as the one-at-a-time reference writes them.
    @Test func textMatchesTheReferenceOnLongPlainRuns() {
        let pieces = ["The talks resumed", "on Monday", " ", "  ", "   ", "\n", " \n ", "\n  ", "\t", "x", "ab", "abcdefg",
                      "abcdefgh", "\u{1B}", "\u{A0}", "é", ".", "Gen.", "\u{2028}", "\u{7F}"]
        var random = SeededGenerator(seed: 808)
        for _ in 0..<400 {
            let input = "Start " + (0..<Int(random.next() % 40)).map { _ in random.pick(pieces) }.joined() + " end."
            #expect(Self.text(input) == Self.referenceText(input), "\(input.debugDescription)")
        }
    }

    /// The eight-byte tests say "plain" exactly when every byte would be copied as it is, tried
    /// with every byte value at every position of an otherwise plain word, and on random words.
    @Test func eightByteTestsAgreeWithTheByteTests() {
        func expectAgreement(_ bytes: [UInt8]) {
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            let json = bytes.allSatisfy { $0 < 0x80 && SentenceListWriter.isPlainInJSON($0) }
            let text = bytes.allSatisfy { $0 < 0x80 && (SentenceListWriter.isPlainInText($0) || $0 == 0x20) }
                && bytes[7] != 0x20
            #expect(SentenceListWriter.isPlainInJSON(word: word) == json, "\(bytes)")
            #expect(SentenceListWriter.isPlainInText(word: word) == text, "\(bytes)")
        }
        for base in [UInt8(0x61), 0x20, 0x7E, 0x21] {
            for position in 0..<8 {
                for value in UInt8.min...UInt8.max {
                    var bytes = [UInt8](repeating: base, count: 8)
                    bytes[position] = value
                    expectAgreement(bytes)
                }
            }
        }
        let alphabet: [UInt8] = [0x00, 0x09, 0x0A, 0x1F, 0x20, 0x21, 0x22, 0x41, 0x5C, 0x61, 0x7E, 0x7F, 0x80, 0xC3, 0xE2, 0xFF]
        var random = SeededGenerator(seed: 8)
        for _ in 0..<20_000 {
            expectAgreement((0..<8).map { _ in random.pick(alphabet) })
        }
    }

    @Test func fastPredicatesAgreeWithUnicodePropertiesOnEveryCodePoint() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let unsafe = scalar != "\n" && scalar != "\t"
                && (scalar.properties.generalCategory == .control || scalar.properties.isBidiControl)
            #expect(UntrustedText.isUnsafe(value: value) == unsafe, "U+\(String(value, radix: 16))")
            #expect(SentenceListWriter.isWhiteSpace(value) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
            if let lead = String(scalar).utf8.first, SentenceListWriter.isPlainInText(lead) {
                #expect(!UntrustedText.isUnsafe(value: value) && !UntrustedText.isInvisible(value: value) && !scalar.properties.isWhitespace,
                        "U+\(String(value, radix: 16)) is copied as plain text")
            }
        }
    }
}
