import Foundation
import Testing

/// The review report as a reviewer works in it, opened by headless Chromium: the sample article
/// annotated by the transcript script, at 1280 px and at phone width. The checks are on the
/// structure the page's own script leaves in the DOM (`--dump-dom` after the script ran), never
/// on pixels: every highlight reachable by keyboard and tied to a card, margin cards placed beside
/// their passage without overlapping, one column on a phone, dates with the full time on hover.
@Suite(.serialized) struct HTMLReportLayoutTests {
    /// The harbor session exported as `report.html` in a fresh folder.
    func harborReport() throws -> URL {
        let folder = try Transcript.workspace()
        let made = try ClaimDeskProcess.run(["harbor-talks.txt", "--script", Transcript(name: "annotate-harbor").script.path],
                                            in: folder, environment: Transcript.environment)
        try #require(made.status == 0, "\(made.stderr)")
        let export = try ClaimDeskProcess.run(["export", "harbor", "--format", "html", "-o", "report.html"], in: folder,
                                              environment: Transcript.environment)
        try #require(export.status == 0, "\(export.stderr)")
        return folder
    }

    func browser() -> String? {
        guard let browser = ExportEndToEndTests.chromium() else {
            Issue.record("no Chromium found (chromium, chromium-browser or google-chrome on PATH); install it with apt-get install chromium: this test opens the HTML report in a real browser and cannot be skipped")
            return nil
        }
        return browser
    }

    /// The DOM after the page's script ran, in a window `width` px wide.
    func dom(_ browser: String, _ folder: URL, width: Int) throws -> String {
        let page = folder.appendingPathComponent("report.html")
        let dump = try ExportEndToEndTests.runChromium(
            browser, ["--hide-scrollbars", "--window-size=\(width),2000", "--virtual-time-budget=5000", "--dump-dom", page.absoluteString],
            profile: folder.appendingPathComponent("chromium-profile-\(width)"))
        #expect(dump.status == 0)
        try #require(dump.output.contains("data-report-ready=\"yes\""), "the report's script did not run at \(width) px")
        return dump.output
    }

    /// Every start tag `<NAME …>` with its attributes (the DOM Chromium prints is regular: `name="value"`).
    func tags(_ name: String, in html: String) -> [[String: String]] {
        var result: [[String: String]] = []
        var rest = html[...]
        while let open = rest.range(of: "<" + name + " ") {
            guard let close = rest[open.upperBound...].firstIndex(of: ">") else { break }
            let body = rest[open.upperBound..<close]
            var attributes: [String: String] = [:]
            var scan = body[...]
            while let eq = scan.range(of: "=\"") {
                let key = scan[..<eq.lowerBound].split(separator: " ").last.map(String.init) ?? ""
                guard let end = scan[eq.upperBound...].firstIndex(of: "\"") else { break }
                attributes[key] = String(scan[eq.upperBound..<end])
                scan = scan[scan.index(after: end)...]
            }
            // Attributes without a value (hidden, checked).
            for word in body.split(separator: " ") where !word.contains("=") { attributes[String(word)] = "" }
            result.append(attributes)
            rest = rest[close...]
        }
        return result
    }

    @Test func everyHighlightIsReachableByKeyboardAndLeadsToACard() throws {
        guard let browser = browser() else { return }
        let folder = try harborReport()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = try dom(browser, folder, width: 1280)

        let marks = tags("mark", in: html).filter { ($0["class"] ?? "").split(separator: " ").contains("hl") }
        #expect(marks.count >= 15)
        let cards = Set(tags("article", in: html).compactMap { $0["data-card"] })
        for mark in marks {
            #expect(mark["tabindex"] == "0", "a highlight Tab cannot reach: \(mark)")
            #expect(mark["role"] == "button")
            for id in (mark["data-ann"] ?? "").split(separator: " ") {
                #expect(cards.contains(String(id)), "highlight of \(id) has no card")
            }
        }
        // A span under several annotations (s3's "a swift and visible response": c1, st1, st2) offers each in its menu.
        let shared = marks.filter { ($0["data-ann"] ?? "").split(separator: " ").count >= 3 }
        #expect(!shared.isEmpty)
        #expect(html.contains("<div id=\"hl-menu\" role=\"menu\""))
        for id in ["c1", "st1", "st2"] { #expect(html.contains("\"\(id)\":{\"changed\":false,\"label\":")) }
        // Each span's extent: a border where a claim starts and ends, the id where a span ends, shades alternating.
        #expect(marks.contains { ($0["class"] ?? "").contains("claim-start") })
        #expect(marks.contains { ($0["class"] ?? "").contains("claim-end") && $0["data-ends-shown"]?.contains("c1") == true })
        #expect(marks.contains { ($0["class"] ?? "").contains("hl-claim-b") })
        #expect(html.contains("<div class=\"legend\" aria-label=\"Highlight styles\">"))
        // Dates as dates, the full time on hover.
        let times = tags("time", in: html)
        #expect(!times.isEmpty)
        for time in times {
            #expect(time["title"] == time["datetime"] && (time["title"]?.count ?? 0) == 20, "\(time)")
        }
        #expect(!html.contains(">2026-12-06T") && !html.contains("Z</time>"))
        // Self-contained: nothing is loaded from anywhere.
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http"))
    }

    @Test func atDesktopWidthCardsSitBesideTheirPassagesWithoutOverlapping() throws {
        guard let browser = browser() else { return }
        let folder = try harborReport()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = try dom(browser, folder, width: 1280)
        #expect(html.contains("<html lang=\"en\" data-layout=\"margin\""))
        let cards = tags("article", in: html).filter { $0["data-card"] != nil }
        #expect(cards.count == 16)
        var bottom = -1
        for card in cards {
            let top = try #require(card["data-top"].flatMap { Int($0) }, "card \(card["data-card"] ?? "?") was not placed")
            let end = try #require(card["data-bottom"].flatMap { Int($0) })
            let passage = try #require(card["data-passage"].flatMap { Int($0) })
            #expect(top >= bottom, "card \(card["data-card"] ?? "?") overlaps the one above it")
            #expect(top >= passage, "card \(card["data-card"] ?? "?") sits above its passage")
            #expect(end > top)
            bottom = end
        }
        // In the margin the cards are folded to their heads (details closed), so they stay near their passages.
        let details = tags("details", in: html)
        #expect(details.count == 16 && details.allSatisfy { $0["open"] == nil })
        #expect(Int(cards.last?["data-bottom"] ?? "") ?? .max < 2000, "the margin notes run far below the article")
        // The first card is level with its passage, not pushed to the top of the column.
        let first = try #require(cards.first)
        #expect(first["data-top"] == first["data-passage"])
        #expect((Int(first["data-top"] ?? "0") ?? 0) > 100, "c1's passage is the third paragraph, well below the top")
    }

    @Test func atPhoneWidthTheCardsFollowTheTextInOneColumn() throws {
        guard let browser = browser() else { return }
        let folder = try harborReport()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = try dom(browser, folder, width: 390)
        #expect(html.contains("<html lang=\"en\" data-layout=\"stacked\""))
        let cards = tags("article", in: html).filter { $0["data-card"] != nil }
        #expect(cards.count == 16)
        #expect(cards.allSatisfy { $0["data-top"] == nil && $0["style"] == nil })
        #expect(tags("details", in: html).allSatisfy { $0["open"] != nil }, "on a phone every card reads whole")
        // Each card has its way back to the text.
        #expect(html.components(separatedBy: "<button type=\"button\" class=\"back\"").count - 1 == cards.count)

        let screenshot = folder.appendingPathComponent("phone.png")
        let shot = try ExportEndToEndTests.runChromium(
            browser, ["--hide-scrollbars", "--window-size=390,1400", "--virtual-time-budget=5000", "--screenshot=\(screenshot.path)",
                      folder.appendingPathComponent("report.html").absoluteString],
            profile: folder.appendingPathComponent("chromium-profile-shot"))
        #expect(shot.status == 0)
        let png = try Data(contentsOf: screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "the screenshot is not a PNG")
    }

    /// A page that loads the report in a frame and works it with the keyboard as a reviewer would
    /// (the report's Content-Security-Policy allows no other script inside it), then writes what
    /// happened into its own DOM for `--dump-dom`.
    static let keyboardHarness = """
        <!DOCTYPE html><html><body><iframe id="f" src="report.html" style="width:1280px;height:1500px"></iframe>
        <pre id="out">pending</pre>
        <script>
        document.getElementById("f").addEventListener("load", function () {
          var out = [];
          function enter(element) { element.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true })); }
          try {
            var d = document.getElementById("f").contentDocument;
            var marks = Array.prototype.slice.call(d.querySelectorAll("mark.hl"));
            var ids = function (m) { return m.getAttribute("data-ann").split(" "); };
            var shared = marks.filter(function (m) { return ids(m).length >= 3; })[0];
            shared.focus();
            enter(shared);
            var menu = d.getElementById("hl-menu");
            var items = Array.prototype.map.call(menu.querySelectorAll("button"), function (b) { return b.getAttribute("data-target"); });
            out.push("menu " + (menu.hidden ? "hidden" : "shown") + " " + items.join(","));
            out.push("focus " + d.activeElement.getAttribute("data-target"));
            menu.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
            out.push("escape " + (menu.hidden ? "hidden" : "shown") + " back-on-mark " + (d.activeElement === shared));
            enter(shared);
            menu.querySelectorAll("button")[1].click();
            var focused = d.querySelector(".card.focus");
            out.push("picked " + focused.getAttribute("data-card") + " details " + (focused.querySelector("details").open ? "open" : "closed"));
            var single = marks.filter(function (m) { return ids(m).length === 1; })[0];
            single.focus();
            enter(single);
            focused = d.querySelector(".card.focus");
            out.push("single " + focused.getAttribute("data-card") + " active " + (d.activeElement === focused));
            focused.querySelector("button.back").click();
            out.push("back-on-mark " + (d.activeElement === single));
          } catch (e) { out.push("error " + e); }
          document.getElementById("out").textContent = out.join("|");
        });
        </script></body></html>
        """

    @Test func aReviewerReachesEveryAnnotationOfASharedSpanByKeyboard() throws {
        guard let browser = browser() else { return }
        let folder = try harborReport()
        defer { try? FileManager.default.removeItem(at: folder) }
        let harness = folder.appendingPathComponent("harness.html")
        try Self.keyboardHarness.write(to: harness, atomically: true, encoding: .utf8)
        let dump = try ExportEndToEndTests.runChromium(
            browser, ["--allow-file-access-from-files", "--window-size=1400,1600", "--virtual-time-budget=5000", "--dump-dom", harness.absoluteString],
            profile: folder.appendingPathComponent("chromium-profile-keys"))
        #expect(dump.status == 0)
        let start = try #require(dump.output.range(of: "<pre id=\"out\">")).upperBound
        let end = try #require(dump.output[start...].range(of: "</pre>")).lowerBound
        let steps = dump.output[start..<end].split(separator: "|").map(String.init)
        #expect(steps == [
            "menu shown c1,st1,st2",        // Enter on "a swift and visible response": a menu of the three
            "focus c1",                     // with the keyboard in it
            "escape hidden back-on-mark true",
            "picked st1 details open",      // choosing st1 selects its card and unfolds it
            "single c1 active true",        // a span under one annotation goes straight to its card
            "back-on-mark true",            // and the card's button goes back to the text
        ], "\(steps)")
    }
}
