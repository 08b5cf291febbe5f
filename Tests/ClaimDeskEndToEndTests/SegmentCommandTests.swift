import Foundation
import Testing

/// `claimdesk segment` run as a user would, through the built binary.
@Suite("claimdesk segment")
struct SegmentCommandTests {
    static let article = """
        Talks stall over aid corridor
        By Lena Ortiz

        GENEVA (Reuters) - Gen. Mark A. Kowal met U.N. envoys at 3 p.m. on Monday. The talks ended without a deal.
        "We are not done," he said. Aid agencies warned of famine.
        """

    static let expectedSentences = [
        "Talks stall over aid corridor",
        "By Lena Ortiz",
        "GENEVA (Reuters) - Gen. Mark A. Kowal met U.N. envoys at 3 p.m. on Monday.",
        "The talks ended without a deal.",
        "\"We are not done,\" he said.",
        "Aid agencies warned of famine.",
    ]

    struct Line: Decodable, Equatable {
        var index: Int
        var paragraph: Int
        var start: Int
        var end: Int
        var text: String
    }

    private func jsonLines(_ stdout: String) throws -> [Line] {
        try stdout.split(separator: "\n").map { try JSONDecoder().decode(Line.self, from: Data($0.utf8)) }
    }

    @Test func textFormatReadsStandardInputByDefault() throws {
        let result = try ClaimDeskProcess.run(["segment"], stdin: Self.article)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == Self.expectedSentences.joined(separator: "\n") + "\n")
    }

    @Test func dashMeansStandardInput() throws {
        let result = try ClaimDeskProcess.run(["segment", "-", "--format", "text"], stdin: "One. Two.")
        #expect(result.status == 0)
        #expect(result.stdout == "One.\nTwo.\n")
    }

    @Test func readsAFile() throws {
        let folder = try ClaimDeskProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("article.txt")
        try Data(Self.article.utf8).write(to: file)
        let result = try ClaimDeskProcess.run(["segment", file.path])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").map(String.init) == Self.expectedSentences)
    }

    @Test func jsonLinesGiveNumberedCodePointSpans() throws {
        let result = try ClaimDeskProcess.run(["segment", "--format", "jsonl"], stdin: Self.article)
        #expect(result.status == 0)
        let lines = try jsonLines(result.stdout)
        #expect(lines.map(\.text) == Self.expectedSentences)
        #expect(lines.map(\.index) == Array(1...6))
        #expect(lines.map(\.paragraph) == [1, 2, 3, 3, 4, 4])
        let scalars = Array(Self.article.unicodeScalars)
        for line in lines {
            #expect(String(String.UnicodeScalarView(scalars[line.start..<line.end])) == line.text)
        }
        #expect(lines.first.map { $0.start..<$0.end } == 0..<29)
    }

    @Test func jsonLinesKeepKeyOrder() throws {
        let result = try ClaimDeskProcess.run(["segment", "--format", "jsonl"], stdin: "Hello there. Bye.")
        #expect(result.stdout == """
            {"index":1,"paragraph":1,"start":0,"end":12,"text":"Hello there."}
            {"index":2,"paragraph":1,"start":13,"end":17,"text":"Bye."}

            """)
    }

    @Test func offsetsCountCodePointsOfTheNormalisedText() throws {
        // CRLF becomes \n and "e" + combining acute becomes "é" before offsets are counted.
        let input = "“Cafe\u{0301}” opened 🇫🇷.\r\nS\\he said \"hi\"."
        let result = try ClaimDeskProcess.run(["segment", "--format", "jsonl"], stdin: input)
        #expect(result.status == 0)
        let lines = try jsonLines(result.stdout)
        #expect(lines == [
            Line(index: 1, paragraph: 1, start: 0, end: 17, text: "“Café” opened 🇫🇷."),
            Line(index: 2, paragraph: 2, start: 18, end: 33, text: "S\\he said \"hi\"."),
        ])
    }

    @Test func textFormatPrintsAWrappedSentenceOnOneLine() throws {
        let result = try ClaimDeskProcess.run(["segment"], stdin: "The storm moved east and\nweakened overnight. Power is back.")
        #expect(result.stdout == "The storm moved east and weakened overnight.\nPower is back.\n")
        let json = try ClaimDeskProcess.run(["segment", "--format", "jsonl"],
                                            stdin: "The storm moved east and\nweakened overnight. Power is back.")
        #expect(try jsonLines(json.stdout).first?.text == "The storm moved east and\nweakened overnight.")
        let spaced = try ClaimDeskProcess.run(["segment"], stdin: "The vote was held on a \nwet  afternoon.")
        #expect(spaced.stdout == "The vote was held on a wet  afternoon.\n")
    }

    @Test func missingFileIsAnError() throws {
        let folder = try ClaimDeskProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("missing.txt").path
        let result = try ClaimDeskProcess.run(["segment", path])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == "claimdesk: error: cannot read \(path): no such file; check the path\n")
    }

    @Test func binaryFileIsAnError() throws {
        let folder = try ClaimDeskProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("photo.jpg")
        try Data([0xFF, 0xD8, 0xFF, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00]).write(to: file)
        let result = try ClaimDeskProcess.run(["segment", "--format", "jsonl", file.path])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == "claimdesk: error: cannot read \(file.path): the file is binary (it contains NUL bytes); give a UTF-8 text or Markdown file\n")
    }

    @Test func invalidUTF8IsAnError() throws {
        let folder = try ClaimDeskProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("latin1.txt")
        try Data([0x43, 0x61, 0x66, 0xE9, 0x2E]).write(to: file)
        let result = try ClaimDeskProcess.run(["segment", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("claimdesk: error: cannot read \(file.path): the file is not valid UTF-8 (first bad byte at offset 3)"))
    }

    @Test func emptyInputIsAnError() throws {
        let result = try ClaimDeskProcess.run(["segment"], stdin: " \n\n ")
        #expect(result.status == 1)
        #expect(result.stderr == "claimdesk: error: cannot read standard input: the file is empty; give an article with some text\n")
    }

    @Test func directoryIsAnError() throws {
        let folder = try ClaimDeskProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ClaimDeskProcess.run(["segment", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr == "claimdesk: error: cannot read \(folder.path): it is a directory; give an article file\n")
    }

    @Test func unknownFormatIsAnError() throws {
        let result = try ClaimDeskProcess.run(["segment", "--format", "xml"], stdin: "Hi.")
        #expect(result.status != 0)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("xml"))
    }
}

/// Article text is untrusted: `claimdesk segment` never writes a raw control or bidi mark.
@Suite("claimdesk segment escaping")
struct SegmentEscapingTests {
    static let hostile = "Red \u{1B}[31malert\u{1B}[0m here. Safe \u{202E}txt.exe and DEL\u{7F} and CSI\u{9B} now."

    @Test func textEscapesControlsAndBidiMarks() throws {
        let result = try ClaimDeskProcess.run(["segment"], stdin: Self.hostile)
        #expect(result.status == 0)
        #expect(result.stdout == "Red \\u{1B}[31malert\\u{1B}[0m here.\nSafe \\u{202E}txt.exe and DEL\\u{7F} and CSI\\u{9B} now.\n")
    }

    @Test func jsonEscapesC1DelAndBidiMarks() throws {
        let result = try ClaimDeskProcess.run(["segment", "--format", "jsonl"], stdin: Self.hostile)
        #expect(result.status == 0)
        #expect(result.stdout == """
            {"index":1,"paragraph":1,"start":0,"end":24,"text":"Red \\u001b[31malert\\u001b[0m here."}
            {"index":2,"paragraph":1,"start":25,"end":61,"text":"Safe \\u202etxt.exe and DEL\\u007f and CSI\\u009b now."}

            """)
    }
}
