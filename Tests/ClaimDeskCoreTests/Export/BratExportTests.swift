@testable import ClaimDeskCore
import Foundation
import Testing

@Suite struct BratExportTests {
    struct TextBound {
        var id: String
        var type: String
        var fragments: [Range<Int>]
        var text: String
    }

    /// Reads the T lines of an .ann as brat does: `ID \t TYPE START END[;START END]* \t TEXT`.
    func textBounds(_ ann: String) throws -> [TextBound] {
        try ann.split(separator: "\n").filter { $0.hasPrefix("T") }.map { line in
            let columns = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            try #require(columns.count == 3)
            let head = columns[1].split(separator: " ", maxSplits: 1)
            let fragments = try head[1].split(separator: ";").map { piece -> Range<Int> in
                let n = piece.split(separator: " ").compactMap { Int($0) }
                try #require(n.count == 2)
                return n[0]..<n[1]
            }
            return TextBound(id: String(columns[0]), type: String(head[0]), fragments: fragments, text: String(columns[2]))
        }
    }

    func file(_ result: ExportResult, _ suffix: String) throws -> String {
        try #require(result.files.first { $0.name.hasSuffix(suffix) }).text
    }

    @Test func writesATextAndAnAnnotationFilePerArticleAndTheConfiguration() throws {
        let result = try BratExporter().export(ExportSample.twoArticles())
        #expect(result.files.map(\.name) == [
            "annotation.conf", "visual.conf",
            "a1-Port-talks-stall-script.txt", "a1-Port-talks-stall-script.ann",
            "a2-Second-Strait-etc.txt", "a2-Second-Strait-etc.ann",
        ])
        #expect(try file(result, "a1-Port-talks-stall-script.txt") == ExportSample.text)
        let conf = try file(result, "annotation.conf")
        for line in ["[entities]\nClaim\nMention\nEvidence\n", "Claimant\tArg1:Claim, Arg2:Mention",
                     "contradicts\tArg1:Claim|Mention|Evidence, Arg2:Claim|Mention|Evidence",
                     "<OVERLAP>\tArg1:Claim|Mention|Evidence, Arg2:Claim|Mention|Evidence, <OVL-TYPE>:<ANY>",
                     "Verdict\tArg:Claim, Value:unverified|true|mostly-true|mixed|misleading|mostly-false|false|unsupported",
                     "Stance\tArg:Evidence, Value:favor|against|neutral|unclear"] {
            #expect(conf.contains(line), "annotation.conf lacks \(line)")
        }
    }

    @Test func everyTextBoundAnnotationMatchesTheTextFileAndNoFragmentCrossesALine() throws {
        let result = try BratExporter().export(ExportSample.twoArticles())
        for txtFile in result.files where txtFile.name.hasSuffix(".txt") {
            let scalars = Array(txtFile.text.unicodeScalars)
            let ann = try file(result, String(txtFile.name.dropLast(4)) + ".ann")
            let bounds = try textBounds(ann)
            #expect(!bounds.isEmpty)
            for bound in bounds {
                let pieces = bound.fragments.map { String(String.UnicodeScalarView(scalars[$0])) }
                #expect(pieces.joined(separator: " ") == bound.text, "\(bound.id) text differs from the .txt")
                for piece in pieces {
                    #expect(!piece.isEmpty && !piece.unicodeScalars.contains { BratExporter.isLineBreak($0) }, "\(bound.id) fragment has a line break")
                }
            }
            #expect(!ann.unicodeScalars.contains("\r"))
            // Every line is one annotation: the AnnotatorNotes of c1 had a line break in its note.
            for line in ann.split(separator: "\n") {
                #expect(line.range(of: #"^(T|A|R|#)[0-9]+\t"#, options: .regularExpression) != nil, "stray line \(line)")
            }
        }
    }

    @Test func aSpanAcrossALineBreakBecomesFragments() throws {
        let ann = try file(try BratExporter().export(ExportSample.session()), ".ann")
        let bounds = try textBounds(ann)
        let c1 = ExportSample.range("The Daily Courier reported, quoting two officials, that Secretary Helen R. Marsh wanted “a firm answer,\nnow.”")
        let claim = try #require(bounds.first { $0.type == "Claim" && $0.fragments.first?.lowerBound == c1.lowerBound })
        let newline = ExportSample.range("answer,\nnow").lowerBound + "answer,".count
        #expect(claim.fragments == [c1.lowerBound..<newline, newline + 1..<c1.upperBound])
        #expect(claim.text.hasSuffix("“a firm answer, now.”"))
        // A span over a paragraph break ("\n\n") drops the empty piece between the breaks.
        let twoParagraphs = try BratExporter().export(ExportSample.twoArticles())
        let a2 = try textBounds(try file(twoParagraphs, "a2-Second-Strait-etc.ann"))
        #expect(a2.map(\.fragments) == [[15..<29, 31..<39]])
    }

    @Test func attributesRelationsAndNotesDescribeTheSpans() throws {
        let ann = try file(try BratExporter().export(ExportSample.session()), ".ann")
        let bounds = try textBounds(ann)
        func t(_ quote: String, _ type: String) throws -> String {
            let range = ExportSample.range(quote)
            return try #require(bounds.first { $0.type == type && $0.fragments.first!.lowerBound == range.lowerBound && $0.fragments.last!.upperBound == range.upperBound }).id
        }
        let c2 = try t("We will not escalate", "Claim")
        let m2 = try t("Gen. Thomas E. Reyes", "Mention")
        let evidence = try t("We will not escalate", "Evidence")
        #expect(ann.contains("\tKind \(c2) prediction\n"))
        #expect(ann.contains("\tVerdict \(c2) false\n"))
        #expect(ann.contains("\tCheckWorthy \(c2) yes\n"))
        #expect(ann.contains("\tClaimant Arg1:\(c2) Arg2:\(m2)\t\n"))
        #expect(ann.contains("\tStance \(evidence) against\n"))
        #expect(ann.contains("\tHolder Arg1:\(evidence) Arg2:\(m2)\t\n"))
        #expect(ann.contains("\tAnnotatorNotes \(c2)\tc2 | by: Gen. Thomas E. Reyes\n"))
        let c1 = try #require(bounds.first { $0.type == "Claim" && $0.text.hasPrefix("The Daily Courier reported") }).id
        #expect(ann.contains("\tTarget Arg1:\(evidence) Arg2:\(c1)\t\n"))
        #expect(ann.contains("\tcontradicts Arg1:\(c2) Arg2:\(c1)\t\n"))
        #expect(ann.contains("\tAnnotatorNotes \(c1)\tc1 | by: Senior U.S. officials | via: The Daily Courier → Meridian Wire | tags: disputed escalation | note: Check the \"Courier\" copy, line 2, please </script><b>x</b>\n"))
        #expect(ann.contains("st1 | holder: Helen R. Marsh | target: pr1 The U.S. should answer the seizure with force | note: only via the Courier\n"))
    }

    @Test func whatBratCannotHoldIsReported() throws {
        let result = try BratExporter().export(ExportSample.session())
        #expect(result.warnings.sorted() == [
            "c5 left out: its quote is not in the article's current text (orphaned)",
            "r2 left out: brat relates spans of one text, and c3 or pr1 is not one",
            "st3 left out: brat needs a span and it has no evidence in the text",
        ])
    }

    @Test(arguments: [
        ("../../etc/passwd", "etc-passwd"), ("a/b\\c", "a-b-c"), ("..", "article"), ("\u{1B}[31mred\u{202E}txt.exe", "31mred-txt.exe"),
        ("  Zoë’s   café: “talks” ", "Zoë-s-café-talks"), (".hidden", "hidden"), ("", "article"), ("a..b. / ..c", "a-b-c"),
        ("report.v2.", "report.v2"),
    ])
    func fileNamesFromContentStayInTheFolder(title: String, expected: String) {
        let name = ExportNaming.safeFileName(title, fallback: "article")
        #expect(name == expected)
        #expect(!name.contains("/") && !name.contains("\\") && !name.hasPrefix(".") && name != "..")
        #expect(!name.unicodeScalars.contains { $0.properties.generalCategory == .control || $0.properties.isBidiControl })
    }

    // MARK: - File by file

    struct DiskFull: Error {}

    @Test func handsOverEachFileAsItIsMadeInTheOrderItNames() throws {
        let session = ExportSample.twoArticles()
        let names = try BratExporter().fileNames(session)
        var handed: [ExportedFile] = []
        let summary = BratExporter().export(session) { (file: ExportedFile) throws(Never) in handed.append(file) }
        let whole = try BratExporter().export(session)
        #expect(handed.map(\.name) == names)
        #expect(handed == whole.files)
        #expect(summary.count == whole.count && summary.warnings == whole.warnings)
    }

    @Test func aWriterThatFailsStopsTheExportAtThatFile() {
        var handed: [String] = []
        #expect(throws: DiskFull.self) {
            _ = try BratExporter().export(ExportSample.twoArticles()) { (file: ExportedFile) throws(DiskFull) in
                handed.append(file.name)
                if file.name.hasSuffix(".txt") { throw DiskFull() }
            }
        }
        #expect(handed == ["annotation.conf", "visual.conf", "a1-Port-talks-stall-script.txt"])
    }

    @Test func aSessionWithoutArticlesIsRefusedBeforeAnyFileIsNamed() throws {
        let session = Session(name: "empty", analyst: "ana", created: ExportSample.created)
        #expect(throws: ExportError.noArticles) { try BratExporter().fileNames(session) }
        #expect(throws: ExportError.noArticles) { try ExportFormat.brat.folderFileNames(session) }
        #expect(try ExportFormat.csv.folderFileNames(session) == nil, "a one-file format names no files")
    }

    /// A relation is written in the article where both its ends are spans, including one that
    /// starts at a stance whose evidence is in another article than the stance's target.
    @Test func aRelationFromStanceEvidenceIsWrittenInTheArticleOfTheEvidence() throws {
        var session = ExportSample.twoArticles()
        let a2 = try #require(session.articles["a2"])
        let evidence = Anchor(article: "a2", range: ExportSample.range("Insurers agreed", in: a2.text), in: a2.content)
        session.put(.stance(Stance(id: "st9", holder: "src5", label: "favor", target: "pr1", evidence: [evidence],
                                   author: "ana", created: ExportSample.created)))
        session.put(.relation(Relation(id: "r9", from: "st9", type: "supports", to: "c9", author: "ana", created: ExportSample.created)))
        session.put(.relation(Relation(id: "r8", from: "c9", type: "contradicts", to: "c1", author: "ana", created: ExportSample.created)))
        let result = try BratExporter().export(session)
        let ann = try file(result, "a2-Second-Strait-etc.ann")
        #expect(ann.contains("\tsupports Arg1:"))
        #expect(ann.contains("AnnotatorNotes R") && ann.contains("\tr9\n"))
        #expect(!ann.contains("contradicts"), "c1 is in another article")
        #expect(result.warnings.contains("r8 left out: brat relates spans of one text, and c9 or c1 is not one"))
        #expect(!result.warnings.contains { $0.hasPrefix("r9 ") })
    }
}

