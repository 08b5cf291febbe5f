import ClaimDeskCore
@testable import ClaimDeskShell
import Foundation
import Testing

@Suite struct ExportCommandTests {
    /// A fixture with a claim chain, a mention, a stance and a relation.
    func annotated() -> ShellFixture {
        let fixture = ShellFixture()
        fixture.run("claim s3 --by Senior U.S. officials --tag fees")
        fixture.run("claim s4 --by The Daily Courier --via Meridian Wire --verdict misleading")
        fixture.run("mention \"Helen R. Marsh\" Helen R. Marsh")
        fixture.run("proposition add Fees should be cut")
        fixture.run("stance Marsh favor pr1 --evidence \"a firm answer\"")
        fixture.run("link c2 contradicts c1")
        fixture.run("note c1 check the wire copy")
        return fixture
    }

    @Test func exportsGoToTheExportsFolderUnderTheSessionsName() throws {
        let fixture = annotated()
        #expect(fixture.run("export csv") == "Exported 10 annotations as CSV to exports/untitled.csv\n")
        #expect(fixture.host.folders.contains("exports"))
        let csv = String(decoding: try #require(fixture.host.files["exports/untitled.csv"]), as: UTF8.self)
        #expect(csv.hasPrefix(CSVExporter.columns.joined(separator: ",") + "\r\n"))
        fixture.run("save harbor")
        #expect(fixture.run("export w3c") == "Exported 5 annotations as W3C Web Annotation collection to exports/harbor.w3c.jsonld\n")
        let w3c = try #require(fixture.host.files["exports/harbor.w3c.jsonld"])
        #expect(try W3CExporter().export(fixture.session).data == w3c)
    }

    @Test func aPathNamesTheFileOrTheFolderToWriteInto() throws {
        let fixture = annotated()
        fixture.run("export markdown review/notes.md")
        #expect(fixture.host.files["review/notes.md"] != nil)
        #expect(fixture.run("export html out/").hasSuffix("to out/untitled.html\n"))
        fixture.host.folders.insert("reports")
        #expect(fixture.run("export html reports").hasSuffix("to reports/untitled.html\n"))
        #expect(fixture.run("export brat corpus") == "Exported 5 annotations as brat standoff folder to corpus/\n")
        #expect(fixture.host.files.keys.filter { $0.hasPrefix("corpus/") }.sorted() == [
            "corpus/a1-Talks-stall-over-harbor-fees.ann", "corpus/a1-Talks-stall-over-harbor-fees.txt",
            "corpus/annotation.conf", "corpus/visual.conf",
        ])
        // Exporting again into the same folder replaces its own files.
        #expect(fixture.run("export brat corpus").hasSuffix("to corpus/\n"))
    }

    @Test func contentNeverNamesAPathOutsideTheFolder() {
        let fixture = annotated()
        fixture.shell.workspace.setName("../../etc/evil\u{1B}[2J")
        #expect(fixture.run("export csv").hasSuffix("to exports/etc-evil-2J.csv\n"))
    }

    @Test func whatGoesWrongIsSaidAndChangesNothing() {
        let fixture = annotated()
        let before = fixture.host.files
        #expect(fixture.fail("export pdf") == "unknown export format pdf; formats: w3c, claimreview, brat, csv, markdown, html")
        #expect(fixture.fail("export cvs") == "unknown export format cvs; did you mean csv? formats: w3c, claimreview, brat, csv, markdown, html")
        fixture.host.failFolders = "locked"
        #expect(fixture.fail("export csv locked/out.csv") == "cannot write locked/out.csv: Permission denied; choose another path")
        #expect(fixture.fail("export brat locked") == "cannot write locked: Permission denied; choose another path")
        fixture.host.files["notes.txt"] = Data("mine".utf8)
        #expect(fixture.fail("export brat notes.txt") == "cannot write notes.txt: it is a file, and this format writes a folder; give a folder path; choose another path")
        fixture.host.files["shared/keep.txt"] = Data("mine".utf8)
        #expect(fixture.fail("export brat shared") == "cannot write shared: the folder holds other files (keep.txt); choose a new or empty folder; choose another path")
        #expect(fixture.fail("export claimreview").hasPrefix("cannot export claimreview: ClaimReview names the reviewing organisation"))
        var expected = before
        expected["notes.txt"] = Data("mine".utf8)
        expected["shared/keep.txt"] = Data("mine".utf8)
        #expect(fixture.host.files == expected)

        let empty = ShellFixture(loadArticle: false)
        #expect(empty.fail("export html") == "cannot export html: the session has no articles, so there is nothing to export; load one with load PATH")
    }

    @Test func anImportedExportGivesBackTheAnnotationsAsOneUndoableChange() throws {
        let source = annotated()
        source.run("export w3c round.jsonld")
        source.run("export brat round-brat")
        for (format, path) in [("w3c", "round.jsonld"), ("brat", "round-brat")] {
            let target = ShellFixture()
            for (name, data) in source.host.files where name.hasPrefix("round") { target.host.files[name] = data }
            let output = target.run("import \(format) \(path)")
            #expect(output.hasPrefix("imported 5, could not anchor 0\n"), "\(format): \(output)")
            #expect(output.contains("new source src1 \"Senior U.S. officials\" (other)"))
            let session = target.session
            #expect(session.claims.count == 2 && session.mentions.count == 1 && session.stances.count == 1 && session.relations.count == 1)
            #expect(Set(session.claims.values.map(\.anchor.range)) == Set(source.session.claims.values.map(\.anchor.range)))
            #expect(session.claims.values.first { $0.verdict == "misleading" }?.via.map { session.sources[$0]!.name } == ["Meridian Wire"])
            #expect(session.propositions.values.map(\.text) == ["Fees should be cut"])
            #expect(target.run("import \(format) \(path)").hasPrefix("nothing new: the 5 annotations of \(path) are in the session already"))
            #expect(target.run("undo") == "Undid: import \(format) \(path)\n")
            #expect(target.session.claims.isEmpty && target.session.sources.isEmpty && target.session.propositions.isEmpty)
        }
    }

    @Test func aW3CImportCreatesSourcesWithTheKindRoleAndAliasesTheyHad() throws {
        let source = annotated()
        source.run("set src2 kind outlet")
        source.run("set src2 aliases Courier")
        source.run("set src3 role wire service")
        source.run("export w3c round.jsonld")
        let target = ShellFixture()
        target.host.files["round.jsonld"] = source.host.files["round.jsonld"]
        let output = target.run("import w3c round.jsonld")
        // A kind from the file needs no hint; the fallback kind (other) keeps it.
        #expect(output.contains("new source src2 \"The Daily Courier\" (outlet)\n"))
        #expect(output.contains("new source src1 \"Senior U.S. officials\" (other); set its kind with set src1 kind K\n"))
        let courier = try #require(target.session.sources["src2"])
        #expect(courier.name == "The Daily Courier" && courier.kind == "outlet" && courier.aliases == ["Courier"])
        #expect(target.session.sources["src3"]?.role == "wire service")
        #expect(Set(target.session.claims.keys) == Set(source.session.claims.keys))
    }

    @Test func whatCannotBeAnchoredIsListed() throws {
        let fixture = ShellFixture()
        let json = """
            {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationPage", "items": [
             {"type": "Annotation", "id": "https://hyp.example/1", "bodyValue": "why?", "target": {"source": "https://news.example",
              "selector": {"type": "TextQuoteSelector", "exact": "talks had stalled"}}},
             {"type": "Annotation", "id": "https://hyp.example/2", "target": {"source": "https://news.example",
              "selector": {"type": "TextQuoteSelector", "exact": "talks were cancelled"}}}]}
            """
        fixture.host.files["hyp.json"] = Data(json.utf8)
        #expect(fixture.run("import w3c hyp.json") == """
            imported 1, could not anchor 1:
              2 “talks were cancelled” (not in a1)
            new: c1

            """)
        #expect(fixture.session.claims["c1"]?.notes.map(\.text) == ["why?"])
        fixture.host.files["none.json"] = Data(#"[{"type": "Annotation", "target": {"source": "x:y", "selector": {"type": "TextQuoteSelector", "exact": "absent"}}}]"#.utf8)
        #expect(fixture.fail("import w3c none.json") == "imported nothing from none.json: could not anchor 1, skipped 0 (first: annotation 1 “absent” (not in a1))")
    }

    @Test func importRefusesWhatItCannotRead() {
        let fixture = ShellFixture()
        #expect(fixture.fail("import w3c missing.json") == "cannot import missing.json: no such file; check the path (Tab completes it)")
        fixture.host.files["bad.json"] = Data("{".utf8)
        #expect(fixture.fail("import w3c bad.json").hasPrefix("cannot import bad.json: it is not JSON"))
        #expect(fixture.fail("import csv x.csv") == "cannot import csv; import reads w3c (a JSON-LD file) or brat (a folder)")
        #expect(fixture.fail("import brat nowhere") == "cannot import nowhere: no such folder; import brat takes the folder of a brat export")
        fixture.host.folders.insert("emptydir")
        #expect(fixture.fail("import brat emptydir") == "cannot import emptydir: it has no .ann files; import brat takes the folder of a brat export")
        let empty = ShellFixture(loadArticle: false)
        empty.host.files["a.json"] = Data("[]".utf8)
        #expect(empty.fail("import w3c a.json") == "no article to anchor the annotations on; load the article first with load PATH")
    }

    @Test func tabCompletesFormats() {
        let fixture = ShellFixture()
        #expect(fixture.shell.complete(line: "export ", cursor: 7).candidates == ExportFormat.names.sorted())
        #expect(fixture.shell.complete(line: "export c", cursor: 8).candidates == ["claimreview", "csv"])
        #expect(fixture.shell.complete(line: "import ", cursor: 7).candidates == ["brat", "w3c"])
        fixture.host.files["exports/harbor.w3c.jsonld"] = Data()
        #expect(fixture.shell.complete(line: "import w3c exports/", cursor: 19).candidates == ["exports/harbor.w3c.jsonld"])
    }
}
