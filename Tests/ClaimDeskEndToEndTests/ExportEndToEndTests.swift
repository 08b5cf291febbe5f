import Foundation
import Testing

/// Exports from the built binary: the shell's `export`, `claimdesk export`, and the HTML report
/// opened in a real browser (headless Chromium).
@Suite struct ExportEndToEndTests {
    let environment = Transcript.environment

    /// A working folder with a saved session `hostile` on an article full of markup.
    func hostileSession() throws -> URL {
        let folder = try Transcript.workspace()
        let script = """
            load hostile-report.txt
            source add Council Watch --kind organisation
            claim p1 --by Council Watch --tag markup
            claim s2 --by The council --via Council Watch --tag fees --note </script><script>document.title='PWNED2'</script> check the rate
            claim "A spokesman added" --kind opinion
            mention "The council" The council
            mention s4:"Council Watch" Council Watch
            proposition add Fees should rise
            stance The council favor pr1 --evidence "harbor fees would rise by 12%"
            link c3 supports c2
            set c2 verdict mostly-true
            accept c2
            set session organization Harbor <Fact> Desk
            save hostile
            """
        let result = try ClaimDeskProcess.run([], stdin: script, in: folder, environment: environment)
        try #require(result.status == 0, "the setup script failed: \(result.stderr)")
        return folder
    }

    @Test func theShellWritesEveryFormatWhereItSays() throws {
        let folder = try hostileSession()
        let commands = ["open hostile"] + ["w3c", "claimreview", "brat", "csv", "markdown", "html"].map { "export " + $0 }
        let result = try ClaimDeskProcess.run(["-c", commands.joined(separator: "; ")], in: folder, environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Exported 7 annotations as W3C Web Annotation collection to exports/hostile.w3c.jsonld\n"))
        #expect(result.stdout.contains("Exported 1 annotation as schema.org ClaimReview to exports/hostile.claimreview.jsonld\n"))
        #expect(result.stdout.contains("Exported 7 annotations as brat standoff folder to exports/hostile-brat/\n"))
        #expect(result.stdout.contains("Exported 10 annotations as HTML review report to exports/hostile.html\n"))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("exports").path).sorted()
        #expect(names == ["hostile-brat", "hostile.claimreview.jsonld", "hostile.csv", "hostile.html", "hostile.md", "hostile.w3c.jsonld"])
        let brat = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("exports/hostile-brat").path).sorted()
        #expect(brat == ["a1-Council-vote-script-document.title-PWNED-script.ann", "a1-Council-vote-script-document.title-PWNED-script.txt",
                         "annotation.conf", "visual.conf"])

        // Without the shell, from the saved file: the same bytes.
        let cli = try ClaimDeskProcess.run(["export", "hostile", "--format", "w3c"], in: folder, environment: environment)
        #expect(cli.status == 0)
        #expect(cli.stdout == (try String(contentsOf: folder.appendingPathComponent("exports/hostile.w3c.jsonld"), encoding: .utf8)))
        let collection = try #require(try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any])
        #expect(collection["@context"] as? String == "http://www.w3.org/ns/anno.jsonld")
        // Seven annotations and the review decision on c2 (an annotation assessing c2).
        #expect(collection["total"] as? Int == 8)
    }

    @Test func claimdeskExportWritesFilesAndFoldersAndSaysWhatIsWrong() throws {
        let folder = try hostileSession()
        let csv = try ClaimDeskProcess.run(["export", "sessions/hostile.json", "--format", "csv", "-o", "out/review.csv"], in: folder, environment: environment)
        #expect(csv.status == 0)
        #expect(csv.stderr == "Exported 10 annotations as CSV to out/review.csv\n")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/review.csv").path))
        let brat = try ClaimDeskProcess.run(["export", "hostile", "--format", "brat", "-o", "corpus"], in: folder, environment: environment)
        #expect(brat.status == 0 && brat.stderr.hasSuffix("to corpus/\n"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("corpus/annotation.conf").path))

        let noFolder = try ClaimDeskProcess.run(["export", "hostile", "--format", "brat"], in: folder, environment: environment)
        #expect(noFolder.status == 1 && noFolder.stderr == "error: brat writes a folder; give one with -o DIR\n")
        let missing = try ClaimDeskProcess.run(["export", "nope", "--format", "csv"], in: folder, environment: environment)
        #expect(missing.status == 1 && missing.stderr.hasPrefix("error: cannot read the session nope: no session file sessions/nope.json"))
        let format = try ClaimDeskProcess.run(["export", "hostile", "--format", "pdf"], in: folder, environment: environment)
        #expect(format.status != 0 && format.stderr.contains("pdf") && format.stderr.contains("claimreview"))
        let blocked = try ClaimDeskProcess.run(["export", "hostile", "--format", "csv", "-o", "hostile-report.txt/x.csv"], in: folder, environment: environment)
        #expect(blocked.status == 1 && blocked.stderr.hasPrefix("error: cannot write hostile-report.txt/x.csv: "))
    }

    @Test func claimdeskExportIncludesJournalledChangesAndWritesNothingBesideTheSession() throws {
        let folder = try hostileSession()
        let snapshot = folder.appendingPathComponent("sessions/hostile.json")
        let saved = try Data(contentsOf: snapshot)
        let edit = try ClaimDeskProcess.run(["-c", "open hostile; set c1 verdict false; accept c1"], in: folder, environment: environment)
        #expect(edit.status == 0)
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("sessions").path).sorted()
        let export = try ClaimDeskProcess.run(["export", "hostile", "--format", "claimreview"], in: folder, environment: environment)
        #expect(export.status == 0)
        #expect(export.stderr.contains("included 2 journalled changes not yet saved in sessions/hostile.json\n"))
        let reviews = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]])
        #expect(reviews.count == 2)
        #expect(reviews.contains { ($0["reviewRating"] as? [String: Any])?["alternateName"] as? String == "False" })
        #expect(try Data(contentsOf: snapshot) == saved)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("sessions").path).sorted() == before)
    }

    // MARK: - The HTML report in a browser

    /// The Chromium on this machine, by the names distributions give it.
    static func chromium() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for folder in path.split(separator: ":") {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Runs headless Chromium on a page and returns its standard output.
    static func runChromium(_ browser: String, _ arguments: [String], profile: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
                             "--user-data-dir=\(profile.path)"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // A browser that hangs must not hang the test suite: it is stopped after two minutes.
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func theHTMLReportShowsHighlightsAndSourcesInABrowserAndTheArticlesScriptDoesNotRun() throws {
        guard let browser = Self.chromium() else {
            Issue.record("no Chromium found (chromium, chromium-browser or google-chrome on PATH); install it with apt-get install chromium: this test opens the HTML report in a real browser")
            return
        }
        let folder = try hostileSession()
        let export = try ClaimDeskProcess.run(["export", "hostile", "--format", "html", "-o", "report.html"], in: folder, environment: environment)
        try #require(export.status == 0, "\(export.stderr)")
        let page = folder.appendingPathComponent("report.html")
        let profile = folder.appendingPathComponent("chromium-profile")

        let dump = try Self.runChromium(browser, ["--dump-dom", page.absoluteString], profile: profile)
        #expect(dump.status == 0)
        let dom = dump.output
        try #require(dom.contains("</html>"), "Chromium printed no DOM")
        // The report's own script ran (the Content-Security-Policy lets it, by its hash)…
        #expect(dom.contains("data-report-ready=\"yes\""))
        #expect(dom.contains("<span id=\"filter-count\">6 of 6 annotations shown</span>"))
        // …and the article's did not: no title change, no element added, no attribute set.
        #expect(dom.contains("<title>Review of session hostile</title>"))
        #expect(!dom.contains("<p id=\"pwned\">") && !dom.contains("data-pwned=\"yes\""))
        #expect(!dom.contains("PWNED2</title>"))
        // The markup is there as text.
        #expect(dom.contains("&lt;script&gt;document.title='PWNED'&lt;/script&gt;"))
        #expect(dom.contains("&lt;img src=x onerror=\"document.body.setAttribute('data-pwned','yes')\"&gt;"))
        #expect(dom.contains("&lt;/script&gt;&lt;script&gt;document.title='PWNED2'&lt;/script&gt; check the rate"))
        #expect(dom.contains("Harbor &lt;Fact&gt; Desk"))
        // Highlights of every kind, and the sources table with its rows.
        #expect(dom.contains("<mark class=\"hl hl-claim claim-start claim-end\" data-ann=\"c1\""))
        #expect(dom.contains("class=\"hl hl-claim hl-mention hl-claim-b claim-start\" data-ann=\"c2 m1\""))
        #expect(dom.contains("hl-stance"))
        #expect(dom.components(separatedBy: "<mark class=\"hl").count - 1 >= 6)
        #expect(dom.contains("<table id=\"sources\">"))
        #expect(dom.contains("<td>Council Watch</td><td>organisation</td>"))
        #expect(dom.contains("<td>The council</td>"))

        let screenshot = FileManager.default.temporaryDirectory.appendingPathComponent("claimdesk-html-report.png")
        try? FileManager.default.removeItem(at: screenshot)
        let shot = try Self.runChromium(browser, ["--hide-scrollbars", "--window-size=1280,1400", "--screenshot=\(screenshot.path)", page.absoluteString],
                                        profile: profile)
        #expect(shot.status == 0)
        let png = try Data(contentsOf: screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "the screenshot is not a PNG")
        #expect(png.count > 20_000, "the screenshot is suspiciously small (\(png.count) bytes)")
    }
}
