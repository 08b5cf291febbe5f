import Foundation

/// A self-contained HTML review report: each article with its claims, mentions and stance evidence
/// highlighted, each claim's source chain, stances and notes beside the text, the propositions,
/// the relations and a table of sources, with filters by type, source and tag.
///
/// Reviewers work in it: every highlight shows its extent (alternating shades for claims side by
/// side, a border at each end, the id as a superscript), a legend names the styles, cards sit in
/// the margin beside their passage (placed by the inline script, stacked without overlap; below
/// the text on a narrow screen, with a way back), a span under several annotations offers a small
/// menu of them, and highlights are reachable with Tab and Enter. Dates show as dates, the full
/// time on hover.
///
/// One file, no network and no external assets: CSS and a small script are inline, and a
/// Content-Security-Policy allows only that script (by its hash), so nothing else can run or load.
/// Everything from the session is HTML-escaped; the filter data is JSON with `<`, `>` and `&`
/// escaped, so `</script>` in a note cannot close the element.
public struct HTMLExporter: StreamingExporter {
    public init() {}

    public func export(_ session: Session, to output: inout some ExportOutput) throws(ExportError) -> ExportSummary {
        guard !session.articles.isEmpty else { throw .noArticles }
        var page = Page(session: session)
        page.write(to: &output)
        return ExportSummary(count: session.annotationCount)
    }

    /// Escapes text for HTML content and attribute values; control characters are made visible.
    public static func escape(_ text: String) -> String {
        // Most text is printable ASCII with nothing to replace: one look at each byte, where
        // making it visible and then escaping it looked twice.
        if text.utf8.allSatisfy(isPlainByte) { return text }
        let visible = VisibleText.make(text)
        // The five characters replaced are ASCII, so the UTF-8 bytes are rewritten one by one.
        guard visible.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return visible }
        var out: [UInt8] = []
        out.reserveCapacity(visible.utf8.count + 32)
        for byte in visible.utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A byte that needs nothing done in HTML text: printable ASCII but `&<>"'`, a tab or a line break.
    @inline(__always)
    static func isPlainByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x26, 0x3C, 0x3E, 0x22, 0x27: false
        case 0x20..<0x7F, 0x0A, 0x09: true
        default: false
        }
    }

    /// JSON that is safe inside a `<script>` element: `<`, `>`, `&`, U+2028 and U+2029 as `\u`
    /// escapes, and `/` as `\/` (as the report always wrote it).
    public static func scriptSafeJSON(_ value: some JSONWritable) -> String {
        var writer = JSONWriter(pretty: false)
        value.write(to: &writer)
        return scriptSafe(writer.bytes)
    }

    /// Compact JSON bytes made safe inside a `<script>` element (see ``scriptSafeJSON(_:)``).
    /// Outside strings JSON has none of these characters, so each escape lands inside a string.
    static func scriptSafe(_ json: [UInt8]) -> String {
        String(decoding: scriptSafeBytes(json), as: UTF8.self)
    }

    /// ``scriptSafe(_:)`` as bytes. A piece of JSON may be made safe on its own when it ends
    /// outside a string (between two members), as the report's filter data is written.
    static func scriptSafeBytes(_ json: [UInt8]) -> [UInt8] {
        var out = ExportText()
        appendScriptSafe(json, to: &out)
        return out.bytes
    }

    /// Appends ``scriptSafeBytes(_:)`` of `json` to `out`, copying the runs between escapes whole.
    static func appendScriptSafe(_ json: [UInt8], to out: inout ExportText) {
        json.withUnsafeBufferPointer { json in
            var i = 0, run = 0
            func escape(_ replacement: StaticString, skipping extra: Int = 0) {
                if run < i { out.append(bytes: UnsafeBufferPointer(rebasing: json[run..<i])) }
                out.append(bytes: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                i += 1 + extra
                run = i
            }
            while i < json.count {
                switch json[i] {
                case 0x3C: escape("\\u003c")
                case 0x3E: escape("\\u003e")
                case 0x26: escape("\\u0026")
                case 0x2F: escape("\\/")
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
                case 0xE2 where i + 2 < json.count && json[i + 1] == 0x80 && (json[i + 2] == 0xA8 || json[i + 2] == 0xA9):
                    escape(json[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", skipping: 2)
                default: i += 1
                }
            }
            if run < json.count { out.append(bytes: UnsafeBufferPointer(rebasing: json[run...])) }
        }
    }

    /// The Content-Security-Policy source for an inline script: `'sha256-BASE64'`.
    static func scriptHash(_ script: String) -> String {
        let hex = Array(SHA256Digest.hex(of: script).utf8)
        var bytes = [UInt8]()
        for i in stride(from: 0, to: hex.count, by: 2) {
            func value(_ c: UInt8) -> UInt8 { c <= 57 ? c - 48 : c - 87 }
            bytes.append(value(hex[i]) << 4 | value(hex[i + 1]))
        }
        return "'sha256-" + Data(bytes).base64EncodedString() + "'"
    }

    static let style = """
        :root { --claim: #ffe08a; --claim-b: #c9ecdc; --claim-edge: #8a6a00; --mention: #1f6fbf; --stance: #2e8b57; --focus: #1a5fb4; --ink: #1d232a; --muted: #5b6670; --line: #d8dde2; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #f6f7f8; }
        header, nav, main > section { max-width: 1240px; margin: 0 auto; padding: 0 20px; }
        header h1 { margin: 18px 0 4px; font-size: 24px; }
        .meta { color: var(--muted); margin: 0 0 10px; font-size: 13px; overflow-wrap: anywhere; }
        nav#filters { position: sticky; top: 0; z-index: 2; background: #fff; border-bottom: 1px solid var(--line); padding-top: 8px; padding-bottom: 8px; display: flex; flex-wrap: wrap; gap: 14px; align-items: center; }
        nav#filters fieldset { border: 0; margin: 0; padding: 0; display: flex; gap: 10px; }
        nav#filters legend { float: left; margin-right: 6px; font-weight: 600; }
        #filter-count { color: var(--muted); font-size: 13px; }
        section.article { margin-top: 22px; }
        h2 { font-size: 19px; margin: 24px 0 6px; }
        .columns { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 20px; align-items: start; }
        .text .para { margin-bottom: 0.8em; }
        .text .gap { display: none; }
        .text { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 16px 20px; white-space: pre-wrap; font: 16px/1.7 Georgia, "Times New Roman", serif; }
        mark.hl, .key { background: transparent; color: inherit; cursor: pointer; }
        mark.hl.hl-claim, .key.hl-claim { background: var(--claim); }
        mark.hl.hl-claim.hl-claim-b, .key.hl-claim-b { background: var(--claim-b); }
        mark.hl.hl-claim.hl-nested, .key.hl-nested { background: #ffc53d; }
        mark.hl.hl-claim.claim-start, .key.claim-start { border-inline-start: 2px solid var(--claim-edge); border-start-start-radius: 3px; border-end-start-radius: 3px; }
        mark.hl.hl-claim.claim-end, .key.claim-end { border-inline-end: 2px solid var(--claim-edge); border-start-end-radius: 3px; border-end-end-radius: 3px; }
        mark.hl.hl-mention, .key.hl-mention { box-shadow: inset 0 -2px 0 var(--mention); }
        mark.hl.hl-stance, .key.hl-stance { border-bottom: 2px dotted var(--stance); }
        mark.hl[data-ends-shown]::after, .key[data-ends-shown]::after { content: attr(data-ends-shown); font: 10px/1 ui-monospace, Menlo, monospace; vertical-align: super; color: #3d4650; margin-inline-start: 1px; }
        mark.hl.off { background: transparent; box-shadow: none; border: 0; cursor: auto; }
        mark.hl:focus-visible, .card:focus-visible, button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
        .legend { display: flex; flex-wrap: wrap; gap: 6px 16px; margin: 8px 0 0; font-size: 13px; color: var(--muted); }
        .legend .key { font: 14px/1.6 Georgia, serif; color: var(--ink); cursor: default; padding: 0 2px; }
        .cards { display: flex; flex-direction: column; gap: 10px; }
        html[data-layout="margin"] .cards { display: block; position: relative; }
        html[data-layout="margin"] .cards .card { position: absolute; left: 0; right: 0; }
        .card { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--line); border-radius: 6px; padding: 8px 12px; }
        .card.claim { border-left-color: var(--claim-edge); } .card.mention { border-left-color: var(--mention); } .card.stance { border-left-color: var(--stance); }
        .card.focus { outline: 2px solid var(--focus); z-index: 1; }
        .card details.more > summary { font-size: 12px; color: var(--muted); cursor: pointer; margin: 2px 0; }
        .card button.back { float: right; font-size: 12px; border: 1px solid var(--line); background: #f6f7f8; border-radius: 4px; cursor: pointer; }
        #hl-menu { position: absolute; z-index: 5; background: #fff; border: 1px solid #9aa4ad; border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.18); padding: 4px; max-width: 340px; }
        #hl-menu button { display: block; width: 100%; text-align: left; border: 0; background: transparent; padding: 5px 8px; font-size: 13px; border-radius: 4px; cursor: pointer; }
        #hl-menu button:hover, #hl-menu button:focus-visible { background: #e8eef7; }
        @media (max-width: 899px) {
          .columns { grid-template-columns: minmax(0, 1fr); }
          .text { padding: 12px 14px; }
          header, nav, main > section { padding: 0 12px; }
        }
        .card h3 { font-size: 14px; margin: 0 0 4px; }
        .card blockquote { margin: 4px 0; padding-inline-start: 10px; border-inline-start: 3px solid var(--line); color: #333; white-space: pre-wrap; }
        .card p, .card ul { margin: 4px 0; font-size: 13px; } .card ul { padding-left: 18px; }
        .id { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; color: var(--muted); }
        .badge { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 12px; background: #e9ecef; }
        .v-true, .v-mostly-true { background: #d3f0d8; } .v-false, .v-mostly-false { background: #f8d4d4; }
        .v-misleading, .v-mixed { background: #fde9c8; }
        .tag { display: inline-block; margin-right: 4px; padding: 0 6px; border-radius: 9px; background: #eef1ff; font-size: 12px; }
        .orphaned { color: #a33; font-size: 12px; }
        .review { font-size: 12px; margin: 4px 0; }
        .review b { padding: 0 6px; border-radius: 9px; border: 1px solid var(--line); }
        .r-accepted b { background: #e3f4e6; } .r-rejected b { background: #fbe4e4; text-decoration: line-through; }
        .text-changed { font-size: 12px; } .text-changed del { color: #a33; } .text-changed ins { color: #1f6f3a; text-decoration: none; }
        table { border-collapse: collapse; width: 100%; background: #fff; font-size: 13px; }
        th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: #eef0f2; }
        td.n { text-align: right; }
        footer { max-width: 1240px; margin: 30px auto; padding: 0 20px; color: var(--muted); font-size: 12px; }
        """

    static let script = """
        (function () {
          "use strict";
          var data = JSON.parse(document.getElementById("claimdesk-data").textContent);
          var annotations = data.annotations;
          var kinds = ["claim", "mention", "stance"];
          function filters() {
            var types = {};
            document.querySelectorAll("input[data-filter-type]").forEach(function (box) {
              types[box.getAttribute("data-filter-type")] = box.checked;
            });
            return { types: types, source: document.getElementById("filter-source").value,
                     tag: document.getElementById("filter-tag").value,
                     status: document.getElementById("filter-status").value };
          }
          function visible(id, f) {
            var a = annotations[id];
            if (!a || !f.types[a.type]) { return false; }
            if (f.source && a.sources.indexOf(f.source) < 0) { return false; }
            if (f.tag && a.tags.indexOf(f.tag) < 0) { return false; }
            if (f.status && a.status !== f.status && !(f.status === "changed" && a.changed)) { return false; }
            return true;
          }
          function apply() {
            var f = filters();
            var shown = {};
            document.querySelectorAll("mark.hl").forEach(function (mark) {
              var on = {}, claims = 0;
              mark.getAttribute("data-ann").split(" ").forEach(function (id) {
                if (visible(id, f)) {
                  on[annotations[id].type] = true;
                  if (annotations[id].type === "claim") { claims += 1; }
                }
              });
              kinds.forEach(function (k) { mark.classList.toggle("hl-" + k, !!on[k]); });
              mark.classList.toggle("hl-nested", claims > 1);
              mark.classList.toggle("off", !(on.claim || on.mention || on.stance));
            });
            document.querySelectorAll("[data-card]").forEach(function (card) {
              var id = card.getAttribute("data-card");
              card.hidden = !visible(id, f);
              if (!card.hidden) { shown[id] = true; }
            });
            document.querySelectorAll("mark.hl[data-ends]").forEach(function (mark) {
              var ends = mark.getAttribute("data-ends").split(" ").filter(function (id) { return visible(id, f); });
              if (ends.length) { mark.setAttribute("data-ends-shown", ends.join(" ")); } else { mark.removeAttribute("data-ends-shown"); }
            });
            document.getElementById("filter-count").textContent =
              Object.keys(shown).length + " of " + Object.keys(annotations).length + " annotations shown";
            layout();
          }
          document.querySelectorAll("#filters input, #filters select").forEach(function (control) {
            control.addEventListener("change", apply);
          });
          // Selecting a highlight: its card, or a menu of the annotations that cover it.
          var menu = document.getElementById("hl-menu");
          var lastMark = null;
          function closeMenu(refocus) {
            if (menu.hidden) { return; }
            menu.hidden = true;
            menu.textContent = "";
            if (refocus && lastMark) { lastMark.focus(); }
          }
          function openCard(id, mark) {
            closeMenu(false);
            var card = document.querySelector(".cards [data-card='" + id + "']") || document.querySelector("[data-card='" + id + "']");
            document.querySelectorAll(".card.focus").forEach(function (c) { c.classList.remove("focus"); });
            if (!card) { return; }
            lastMark = mark;
            card.classList.add("focus");
            if (mode === "margin") {
              document.querySelectorAll(".cards details.more").forEach(function (more) { more.open = more.closest(".card") === card; });
              layout();
            }
            card.scrollIntoView({ block: "nearest" });
            card.focus({ preventScroll: true });
          }
          function activate(mark) {
            var ids = mark.getAttribute("data-ann").split(" ").filter(function (i) { return visible(i, filters()); });
            if (ids.length === 0) { return; }
            if (ids.length === 1) { openCard(ids[0], mark); return; }
            lastMark = mark;
            menu.textContent = "";
            ids.forEach(function (id) {
              var item = document.createElement("button");
              item.type = "button";
              item.setAttribute("role", "menuitem");
              item.setAttribute("data-target", id);
              item.textContent = id + " " + annotations[id].label;
              item.addEventListener("click", function () { openCard(id, mark); });
              menu.appendChild(item);
            });
            var box = mark.getBoundingClientRect();
            menu.style.top = (box.bottom + window.scrollY + 4) + "px";
            menu.style.left = Math.max(4, Math.min(box.left + window.scrollX, document.documentElement.clientWidth - 350)) + "px";
            menu.hidden = false;
            menu.querySelector("button").focus();
          }
          document.querySelectorAll("mark.hl").forEach(function (mark) {
            mark.addEventListener("click", function (event) { event.stopPropagation(); activate(mark); });
            mark.addEventListener("keydown", function (event) {
              if (event.key === "Enter" || event.key === " ") { event.preventDefault(); activate(mark); }
            });
          });
          menu.addEventListener("keydown", function (event) {
            var items = Array.prototype.slice.call(menu.querySelectorAll("button"));
            var at = items.indexOf(document.activeElement);
            if (event.key === "Escape") { event.preventDefault(); closeMenu(true); }
            if (event.key === "ArrowDown") { event.preventDefault(); items[(at + 1) % items.length].focus(); }
            if (event.key === "ArrowUp") { event.preventDefault(); items[(at + items.length - 1) % items.length].focus(); }
          });
          document.addEventListener("click", function (event) { if (!menu.contains(event.target)) { closeMenu(false); } });
          document.querySelectorAll(".card button.back").forEach(function (button) {
            button.addEventListener("click", function () {
              var id = button.closest("[data-card]").getAttribute("data-card");
              var mark = lastMark && lastMark.getAttribute("data-ann").split(" ").indexOf(id) >= 0 ? lastMark : firstMark(id);
              if (mark) { mark.scrollIntoView({ block: "center" }); mark.focus({ preventScroll: true }); }
            });
          });
          function firstMark(id) {
            var marks = document.querySelectorAll("mark.hl");
            for (var i = 0; i < marks.length; i++) {
              if (marks[i].getAttribute("data-ann").split(" ").indexOf(id) >= 0) { return marks[i]; }
            }
            return null;
          }
          // Margin notes: each card beside its passage, pushed down below the one before; one column when narrow.
          var mode = null;
          function layout() {
            var wide = window.matchMedia("(min-width: 900px)").matches;
            if (mode !== (wide ? "margin" : "stacked")) {
              // In the margin only the selected card shows its details; stacked, every card reads whole.
              mode = wide ? "margin" : "stacked";
              document.querySelectorAll(".cards details.more").forEach(function (more) {
                more.open = !wide || more.closest(".card").classList.contains("focus");
              });
            }
            document.documentElement.setAttribute("data-layout", mode);
            document.querySelectorAll(".columns").forEach(function (columns) {
              var aside = columns.querySelector(".cards");
              var cards = Array.prototype.slice.call(aside.querySelectorAll(".card"));
              if (!wide) {
                aside.style.height = "";
                cards.forEach(function (card) { card.style.top = ""; ["data-passage", "data-top", "data-bottom"].forEach(function (a) { card.removeAttribute(a); }); });
                return;
              }
              var base = aside.getBoundingClientRect().top;
              var bottom = 0;
              cards.forEach(function (card) {
                if (card.hidden) { return; }
                var mark = firstMark(card.getAttribute("data-card"));
                var want = mark && !mark.classList.contains("off") ? mark.getBoundingClientRect().top - base - 8 : bottom;
                var top = Math.max(want, bottom);
                card.style.top = top + "px";
                var height = card.offsetHeight;
                card.setAttribute("data-passage", String(Math.round(want)));
                card.setAttribute("data-top", String(Math.round(top)));
                card.setAttribute("data-bottom", String(Math.round(top + height)));
                bottom = top + height + 8;
              });
              aside.style.height = bottom + "px";
            });
          }
          window.addEventListener("resize", layout);
          document.querySelectorAll(".cards details.more").forEach(function (more) { more.addEventListener("toggle", layout); });
          apply();
          document.documentElement.setAttribute("data-report-ready", "yes");
        })();
        """

    struct Page {
        let session: Session
        /// What is written and not yet handed on.
        var html = ExportText()
        /// Each article's language where its script names one (Arabic, Persian, Urdu).
        var languages: [AnnotationID: ScriptLanguage] = [:]
        /// Where each article's annotations are, gathered once for the whole report.
        let byArticle: AnnotationsByArticle
        /// The stances on each annotation and the relations at each end, gathered once.
        let links: RecordLinks
        /// Each source's name as shown (escaped, isolated when right-to-left), and with its kind
        /// beside it: made once per source rather than for every claim that names it.
        let sourceLabels: [AnnotationID: (name: String, withKind: String)]

        /// A name escaped for HTML; one holding right-to-left letters is isolated in `<bdi>`.
        func isolated(_ name: String) -> String { Self.isolated(name) }

        static func isolated(_ name: String) -> String {
            guard name.unicodeScalars.contains(where: { ScriptLanguageDetector.isRightToLeft($0.value) }) else { return HTMLExporter.escape(name) }
            return "<bdi>" + HTMLExporter.escape(name) + "</bdi>"
        }

        /// ` lang="ar" dir="rtl"` for an article whose language is known, else nothing.
        func languageAttributes(_ article: AnnotationID) -> String {
            guard let language = languages[article] else { return "" }
            return " lang=\"\(language.rawValue)\" dir=\"\(language.isRightToLeft ? "rtl" : "ltr")\""
        }

        /// For a quotation from an article: its direction from its own first letter, and the article's language.
        func quoteAttributes(_ article: AnnotationID) -> String {
            " dir=\"auto\"" + (languages[article].map { " lang=\"\($0.rawValue)\"" } ?? "")
        }

        init(session: Session) {
            self.session = session
            byArticle = AnnotationsByArticle(session)
            links = RecordLinks(session)
            var labels: [AnnotationID: (name: String, withKind: String)] = [:]
            for source in session.orderedSources {
                let name = Self.isolated(source.name)
                labels[source.id] = (name, Self.sourceWithKind(name: name, source: source))
            }
            sourceLabels = labels
        }

        mutating func add(_ s: String) {
            html.append(s)
            html.append("\n")
        }

        func e(_ text: String) -> String { HTMLExporter.escape(text) }

        /// A source's name as shown; its id when it is not in the registry (``sourceLabels`` holds every source that is).
        func sourceName(_ id: AnnotationID) -> String { sourceLabels[id]?.name ?? isolated(id.rawValue) }

        func sourceWithKind(_ id: AnnotationID) -> String {
            sourceLabels[id]?.withKind ?? Self.sourceWithKind(name: sourceName(id), source: nil)
        }

        /// A source's name (`name`, as shown) with its kind, if it is in the registry.
        static func sourceWithKind(name: String, source: Source?) -> String {
            let kind = source.map { " <span class=\"badge\">\(HTMLExporter.escape($0.kind))</span>" } ?? ""
            return "<span class=\"src\">\(name)</span>\(kind)"
        }

        func quote(_ anchor: Anchor) -> String { session.placed(anchor)?.exact ?? anchor.exact }

        /// A span in fragments as one quote, its fragments joined by ``Anchor/fragmentSeparator``.
        func quote(_ fragments: [Anchor]) -> String {
            fragments.count == 1 ? quote(fragments[0]) : fragments.map(quote).joined(separator: Anchor.fragmentSeparator)
        }

        /// Where each fragment of a span is.
        func place(_ fragments: [Anchor]) -> String { fragments.count == 1 ? place(fragments[0]) : fragments.map(place).joined(separator: " · ") }

        func place(_ anchor: Anchor) -> String {
            guard let span = session.placed(anchor) else {
                return "<span class=\"orphaned\">orphaned: its quote is not in the current text</span>"
            }
            let sentence = span.article.content.sentenceIndex(containing: span.range.lowerBound).map { "s\($0 + 1), " } ?? ""
            return "<span class=\"id\">" + anchor.article.rawValue + " " + sentence + "@" + String(span.range.lowerBound) + "-" + String(span.range.upperBound) + "</span>"
        }

        func reference(_ id: AnnotationID) -> String {
            guard let text = session.summary(of: id) else { return "<span class=\"id\">\(e(id.rawValue))</span>" }
            let cut = text.shortened(to: 90)
            return "<span class=\"id\">\(e(id.rawValue))</span> “\(e(cut))”"
        }

        /// The review status, who set it and why, and every change of the covered text, old → new.
        func reviewBlock(_ item: any Annotation) -> String {
            guard let review = item.review else { return "<p class=\"review r-open\">open</p>" }
            var out = "<p class=\"review r-\(review.status.rawValue)\"><b>\(review.status.rawValue)</b>"
            if let latest = review.latest {
                out += " by \(e(latest.reviewer)), \(date(latest.time))"
                if let comment = latest.comment { out += ": \(e(comment))" }
            }
            out += "</p>"
            for change in review.textChanges {
                out += "<p class=\"text-changed\">text changed (\(e(change.how))): <del>\(e(change.old))</del> → <ins>\(e(change.new))</ins></p>"
            }
            return out
        }

        func tagsAndNotes(_ item: any Annotation) -> String {
            var out = item is Source || item is Proposition ? "" : reviewBlock(item)
            if !item.tags.isEmpty {
                out += "<p class=\"tags\">" + item.tags.map { "<span class=\"tag\">#\(e($0))</span>" }.joined(separator: " ") + "</p>"
            }
            if !item.notes.isEmpty {
                out += "<ul class=\"notes\">" + item.notes.map { note in
                    "<li><span class=\"id\">\(e(note.id.rawValue))</span> \(e(note.text)) <span class=\"meta\">— \(e(note.author)), \(date(note.created))</span></li>"
                }.joined() + "</ul>"
            }
            return out
        }

        func relations(_ id: AnnotationID) -> String {
            let related = links.relations(touching: id)
            guard !related.isEmpty else { return "" }
            return "<ul class=\"relations\">" + related.map { r in
                r.from == id ? "<li>\(e(r.type)) \(reference(r.to))</li>" : "<li>\(reference(r.from)) \(e(r.type)) this</li>"
            }.joined() + "</ul>"
        }

        /// What the menu of a span under several annotations says of one: `claim by X: “…”`.
        func menuLabel(_ claim: Claim) -> String {
            "claim" + (claim.claimant.map { " by " + session.sourceName($0) } ?? "") + ": “" + claim.anchor.exact.shortened(to: 48) + "”"
        }

        func menuLabel(_ mention: Mention) -> String { "mention of " + session.sourceName(mention.source) }

        func menuLabel(_ stance: Stance) -> String {
            "stance: " + session.sourceName(stance.holder) + " " + stance.label + " " + stance.target.rawValue
        }

        /// A date as the reader wants it, the full time on hover and in `datetime`.
        func date(_ time: Timestamp) -> String {
            // Digits, `-`, `T`, `:` and `Z`: nothing to escape.
            let full = time.description
            return "<time datetime=\"" + full + "\" title=\"" + full + "\">" + String(full.prefix(10)) + "</time>"
        }

        /// A claim, mention or stance by its place in a list of the records of its kind: the
        /// filter data and the margin cards sort these, not the records themselves.
        enum RecordPosition {
            case claim(Int), mention(Int), stance(Int)
        }

        /// Writes the filter data: each claim, mention and stance with its type, sources and tags,
        /// by id, made safe for the `<script>` element piece by piece as it goes out.
        mutating func writeFilterData(to output: inout some ExportOutput) {
            // By the id's text, as object keys are sorted (`c10` before `c2`): positions in the
            // ordered records, sorted, rather than dictionaries of every record by id.
            let claims = session.orderedClaims, mentions = session.orderedMentions, stances = session.orderedStances
            var entries: [(id: String, entry: RecordPosition)] = []
            entries.reserveCapacity(claims.count + mentions.count + stances.count)
            for (i, claim) in claims.enumerated() { entries.append((claim.id.rawValue, .claim(i))) }
            for (i, mention) in mentions.enumerated() { entries.append((mention.id.rawValue, .mention(i))) }
            for (i, stance) in stances.enumerated() { entries.append((stance.id.rawValue, .stance(i))) }
            entries.sort { $0.id < $1.id }
            func write(_ type: String, _ sources: [AnnotationID], _ item: some Annotation, label: String, to json: inout JSONWriter) {
                json.beginObject()
                json.field("changed", !(item.review?.textChanges.isEmpty ?? true))
                json.field("label", label)
                json.field("sources", sources.map(\.rawValue))
                json.field("status", item.reviewStatus.rawValue)
                json.field("tags", item.tags)
                json.field("type", type)
                json.endObject()
            }
            var json = JSONWriter(pretty: false, capacity: 1 << 17)
            json.beginObject()
            json.key("annotations")
            json.beginObject()
            for (id, entry) in entries {
                json.key(id)
                switch entry {
                case .claim(let i): write("claim", claims[i].sourceChain, claims[i], label: menuLabel(claims[i]), to: &json)
                case .mention(let i): write("mention", [mentions[i].source], mentions[i], label: menuLabel(mentions[i]), to: &json)
                case .stance(let i): write("stance", [stances[i].holder], stances[i], label: menuLabel(stances[i]), to: &json)
                }
                // Between two entries the JSON is outside any string, so the piece can go out.
                if json.bytes.count >= 1 << 16 {
                    json.drain { HTMLExporter.appendScriptSafe($0, to: &html) }
                    html.flush(to: &output)
                }
            }
            json.endObject()
            json.endObject()
            json.drain { HTMLExporter.appendScriptSafe($0, to: &html) }
        }

        /// The article's text with every placed span highlighted; overlapping spans share segments.
        func highlightedText(_ article: Article) -> String {
            var spans: [(Range<Int>, AnnotationID, String)] = []
            for c in byArticle.claims(in: article.id) {
                for fragment in c.fragments { if let p = session.placed(fragment) { spans.append((p.range, c.id, "claim")) } }
            }
            for m in byArticle.mentions(in: article.id) {
                for fragment in m.fragments { if let p = session.placed(fragment) { spans.append((p.range, m.id, "mention")) } }
            }
            for s in byArticle.stances(in: article.id) {
                for anchor in s.evidence where anchor.article == article.id {
                    if let p = session.placed(anchor) { spans.append((p.range, s.id, "stance")) }
                }
            }
            var claimOrder: [AnnotationID: Int] = [:]
            for (index, span) in spans.filter({ $0.2 == "claim" }).sorted(by: { $0.0.lowerBound < $1.0.lowerBound }).enumerated() {
                claimOrder[span.1] = index
            }
            let text = article.content
            var cuts = Set([0, text.count])
            for (range, _, _) in spans { cuts.insert(range.lowerBound); cuts.insert(range.upperBound) }
            // Each paragraph is a block of its own direction (`dir="auto"`), so highlights are cut at its edges.
            let paragraphs = text.segmentation.paragraphs
            for paragraph in paragraphs { cuts.insert(paragraph.lowerBound); cuts.insert(paragraph.upperBound) }
            let bounds = cuts.sorted()
            var out = ""
            var nextParagraph = 0
            var inParagraph = false
            // One sweep along the text: the spans covering a segment are those begun at or before
            // it and not yet ended, kept in the order they were gathered (claims, mentions, stances).
            let byStart = spans.indices.sorted { spans[$0].0.lowerBound < spans[$1].0.lowerBound }
            var nextStart = 0
            var active: [Int] = []
            for (start, end) in zip(bounds, bounds.dropFirst()) where start < end {
                if inParagraph && start >= paragraphs[nextParagraph - 1].upperBound {
                    out += "</div>"
                    inParagraph = false
                }
                if !inParagraph && nextParagraph < paragraphs.count && start == paragraphs[nextParagraph].lowerBound {
                    out += "<div class=\"para\" dir=\"auto\">"
                    inParagraph = true
                    nextParagraph += 1
                }
                // Every span's ends are cuts, so a span covers the segment exactly when it starts at or before it and ends after its start.
                active.removeAll { spans[$0].0.upperBound <= start }
                var began = false
                while nextStart < byStart.count, spans[byStart[nextStart]].0.lowerBound <= start {
                    if spans[byStart[nextStart]].0.upperBound > start { active.append(byStart[nextStart]); began = true }
                    nextStart += 1
                }
                if began { active.sort() }
                let covering = active.map { spans[$0] }
                // The line breaks between paragraphs stay in the text (for copying) but take no room: the blocks space themselves.
                let segment = inParagraph ? e(text.slice(start..<end)) : "<span class=\"gap\">" + e(text.slice(start..<end)) + "</span>"
                guard !covering.isEmpty else { out += segment; continue }
                var ids: [String] = []
                for (_, id, _) in covering where !ids.contains(id.rawValue) { ids.append(id.rawValue) }
                var classes = ["claim", "mention", "stance"].filter { kind in covering.contains { $0.2 == kind } }.map { "hl-" + $0 }
                let claims = covering.filter { $0.2 == "claim" }
                // Claims side by side alternate shades (by the innermost claim), and where claims nest the inner one shows darker.
                if let inner = claims.min(by: { $0.0.count < $1.0.count }), (claimOrder[inner.1] ?? 0) % 2 == 1 { classes.append("hl-claim-b") }
                if claims.count > 1 { classes.append("hl-nested") }
                // A border where a claim begins and where it ends, so each one's extent shows.
                if claims.contains(where: { $0.0.lowerBound == start }) { classes.append("claim-start") }
                if claims.contains(where: { $0.0.upperBound == end }) { classes.append("claim-end") }
                var ends: [String] = []
                for (range, id, _) in covering where range.upperBound == end && !ends.contains(id.rawValue) { ends.append(id.rawValue) }
                let title = covering.map { "\($0.1) \($0.2)" }.joined(separator: ", ")
                out += "<mark class=\"hl \(classes.joined(separator: " "))\" data-ann=\"\(e(ids.joined(separator: " ")))\""
                    + (ends.isEmpty ? "" : " data-ends=\"\(e(ends.joined(separator: " ")))\" data-ends-shown=\"\(e(ends.joined(separator: " ")))\"")
                    + " tabindex=\"0\" role=\"button\" aria-label=\"\(e(title))\" title=\"\(e(title))\">\(segment)</mark>"
            }
            if inParagraph { out += "</div>" }
            return out
        }

        mutating func write(to output: inout some ExportOutput) {
            let s = session
            let name = ExportNaming.sessionName(s)
            let script = HTMLExporter.script
            add("<!DOCTYPE html>")
            add("<html lang=\"en\">")
            add("<head>")
            add("<meta charset=\"utf-8\">")
            add("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            add("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src \(HTMLExporter.scriptHash(script)); base-uri 'none'; form-action 'none'\">")
            add("<meta name=\"generator\" content=\"ClaimDesk\">")
            add("<title>Review of session \(e(name))</title>")
            add("<style>\n\(HTMLExporter.style)\n</style>")
            add("</head>")
            add("<body>")
            add("<header>")
            add("<h1>Review of session <span class=\"session-name\">\(e(name))</span></h1>")
            var meta = "Analyst \(e(s.analyst)) · created \(date(s.created)) · last modified \(date(s.modified))"
            if let org = s.settings.organization { meta += " · reviewed by \(e(org))" }
            add("<p class=\"meta\">\(meta)</p>")
            add("<p class=\"meta\">\(s.contentsInFull)</p>")
            add("<div class=\"legend\" aria-label=\"Highlight styles\"><span>Highlights:</span>"
                + "<span><span class=\"key hl-claim claim-start claim-end\">a claim</span> "
                + "<span class=\"key hl-claim hl-claim-b claim-start claim-end\">the next claim</span></span>"
                + "<span><span class=\"key hl-claim hl-nested\">claims nested</span></span>"
                + "<span><span class=\"key hl-mention\">a mention</span> (underline)</span>"
                + "<span><span class=\"key hl-stance\">stance evidence</span> (dotted)</span>"
                + "<span><span class=\"key\" data-ends-shown=\"c1\">end of c1</span> the id where a span ends</span>"
                + "<span>Tab and Enter reach each highlight; a span under several annotations lists them.</span></div>")
            add("</header>")

            add("<nav id=\"filters\" aria-label=\"Filters\">")
            add("<fieldset><legend>Show</legend>")
            for (kind, label) in [("claim", "Claims"), ("mention", "Mentions"), ("stance", "Stances")] {
                add("<label><input type=\"checkbox\" data-filter-type=\"\(kind)\" checked> \(label)</label>")
            }
            add("</fieldset>")
            add("<label>Source <select id=\"filter-source\"><option value=\"\">all sources</option>"
                + s.orderedSources.map { "<option value=\"\(e($0.id.rawValue))\">\(e($0.name))</option>" }.joined() + "</select></label>")
            var tags = Set<String>()
            // From the records in order: asking for them by id would build a dictionary of each kind.
            for c in s.orderedClaims { tags.formUnion(c.tags) }
            for m in s.orderedMentions { tags.formUnion(m.tags) }
            for st in s.orderedStances { tags.formUnion(st.tags) }
            add("<label>Tag <select id=\"filter-tag\"><option value=\"\">all tags</option>"
                + tags.sorted().map { "<option value=\"\(e($0))\">#\(e($0))</option>" }.joined() + "</select></label>")
            add("<label>Review <select id=\"filter-status\"><option value=\"\">any status</option>"
                + ["open", "accepted", "rejected"].map { "<option value=\"\($0)\">\($0)</option>" }.joined()
                + "<option value=\"changed\">text changed</option></select></label>")
            add("<span id=\"filter-count\"></span>")
            add("</nav>")
            add("<main>")

            for article in s.orderedArticles { languages[article.id] = article.detectedLanguage }
            for article in s.orderedArticles {
                add("<section class=\"article\" id=\"\(e(article.id.rawValue))\">")
                add("<h2><span class=\"id\">\(e(article.id.rawValue))</span> <span\(quoteAttributes(article.id))>\(e(article.title))</span></h2>")
                let credit = ArticleCredit(article, in: s)
                if !credit.isEmpty {
                    var parts: [String] = []
                    if let byline = credit.byline { parts.append("by " + e(byline)) }
                    if let outlet = credit.outlet { parts.append(e(outlet)) }
                    if let published = credit.published { parts.append("<time datetime=\"\(e(published))\" title=\"\(e(published))\">\(e(String(published.prefix(10))))</time>") }
                    if let url = credit.url { parts.append("<a href=\"\(e(url))\" rel=\"noopener noreferrer\">\(e(url))</a>") }
                    add("<p class=\"credit\">\(parts.joined(separator: " · "))</p>")
                }
                var facts = ["\(article.content.count) characters", "SHA-256 \(SHA256Digest.hex(of: article.text))"]
                if let origin = article.origin { facts.insert("from " + e(origin), at: 0) }
                add("<p class=\"meta\">\(facts.joined(separator: " · "))</p>")
                add("<div class=\"columns\">")
                add("<div class=\"text\"\(languageAttributes(article.id))>\(highlightedText(article))</div>")
                add("<aside class=\"cards\" aria-label=\"Annotations of \(e(article.id.rawValue))\">")
                // In reading order, where each card's passage starts, so the margin notes follow the text.
                // Each card is made when its turn comes, not made first and held for the sort.
                let claims = byArticle.claims(in: article.id), mentions = byArticle.mentions(in: article.id)
                let stances = byArticle.stances(in: article.id)
                var cards: [(start: Int, order: Int, card: RecordPosition)] = []
                cards.reserveCapacity(claims.count + mentions.count + stances.count)
                func start(_ anchor: Anchor) -> Int { session.placed(anchor)?.range.lowerBound ?? Int.max }
                for (i, claim) in claims.enumerated() { cards.append((start(claim.anchor), cards.count, .claim(i))) }
                for (i, mention) in mentions.enumerated() { cards.append((start(mention.anchor), cards.count, .mention(i))) }
                for (i, stance) in stances.enumerated() {
                    let first = stance.evidence.filter { $0.article == article.id }.map(start).min() ?? Int.max
                    cards.append((first, cards.count, .stance(i)))
                }
                cards.sort { ($0.start, $0.order) < ($1.start, $1.order) }
                for card in cards {
                    switch card.card {
                    case .claim(let i): writeClaimCard(claims[i])
                    case .mention(let i): add(mentionCard(mentions[i]))
                    case .stance(let i): add(stanceCard(stances[i]))
                    }
                    html.flush(to: &output)
                }
                add("</aside>")
                add("</div>")
                add("</section>")
            }

            add("<section id=\"propositions\">")
            add("<h2>Propositions and stances</h2>")
            if s.orderedPropositions.isEmpty { add("<p class=\"meta\">No propositions.</p>") }
            for proposition in s.orderedPropositions {
                add("<div class=\"card proposition\"><h3><span class=\"id\">\(e(proposition.id.rawValue))</span> \(e(proposition.text))</h3>")
                let stances = links.stances(targeting: proposition.id)
                if stances.isEmpty { add("<p class=\"meta\">No stances yet.</p>") }
                else {
                    add("<ul class=\"stances\">" + stances.map { st in
                        "<li data-card=\"\(e(st.id.rawValue))\"><span class=\"id\">\(e(st.id.rawValue))</span> \(sourceWithKind(st.holder)) <b>\(e(st.label))</b></li>"
                    }.joined() + "</ul>")
                }
                add(relations(proposition.id) + tagsAndNotes(proposition) + "</div>")
                html.flush(to: &output)
            }
            add("</section>")

            add("<section id=\"relations-section\">")
            add("<h2>Relations</h2>")
            if s.orderedRelations.isEmpty { add("<p class=\"meta\">No relations.</p>") }
            else {
                html.append("<ul class=\"relations\">")
                for r in s.orderedRelations {
                    html.append("<li><span class=\"id\">\(e(r.id.rawValue))</span> \(reference(r.from)) <b>\(e(r.type))</b> \(reference(r.to))\(tagsAndNotes(r))</li>")
                    html.flush(to: &output)
                }
                add("</ul>")
            }
            add("</section>")

            add("<section id=\"sources-section\">")
            add("<h2>Sources</h2>")
            add("<table id=\"sources\">")
            add("<thead><tr><th>Id</th><th>Name</th><th>Kind</th><th>Aliases</th><th>Role</th><th>Claims</th><th>Mentions</th><th>Stances</th><th>Tags and notes</th></tr></thead>")
            add("<tbody>")
            for source in s.orderedSources {
                let (claims, mentions, stances) = s.useCounts(ofSource: source.id)
                add("<tr data-source=\"\(e(source.id.rawValue))\"><td class=\"id\">\(e(source.id.rawValue))</td><td>\(isolated(source.name))</td><td>\(e(source.kind))</td>"
                    + "<td>\(source.aliases.map(isolated).joined(separator: ", "))</td><td>\(isolated(source.role ?? ""))</td>"
                    + "<td class=\"n\">\(claims)</td><td class=\"n\">\(mentions)</td><td class=\"n\">\(stances)</td><td>\(tagsAndNotes(source))</td></tr>")
            }
            add("</tbody>")
            add("</table>")
            add("</section>")
            add("</main>")
            add("<footer>Written by ClaimDesk from session \(e(name)). Offsets count Unicode code points.</footer>")
            add("<div id=\"hl-menu\" role=\"menu\" aria-label=\"Annotations on this passage\" hidden></div>")
            html.append("<script type=\"application/json\" id=\"claimdesk-data\">")
            writeFilterData(to: &output)
            add("</script>")
            add("<script>\(script)</script>")
            add("</body>")
            add("</html>")
            html.flush(to: &output, force: true)
        }

        /// Takes the reader from a card back to the highlight that led there.
        var backButton: String { "<button type=\"button\" class=\"back\" aria-label=\"Back to the text\">↑ text</button>" }

        /// Opens a card's details: the quote, place, review, notes. Open in the page as written (so
        /// it reads whole without the script and on a phone); in the margin the script folds all
        /// but the selected card, so the notes stay near their passages.
        var detailsStart: String { "<details class=\"more\" open><summary>quote, place, review, notes</summary>" }

        /// Writes a claim's card and the line break after it straight into the page: the claim
        /// cards are most of the report, and joining each from strings copied every piece twice.
        mutating func writeClaimCard(_ claim: Claim) {
            let id = e(claim.id.rawValue), verdict = e(claim.verdict)
            html.append("<article class=\"card claim\" data-card=\"")
            html.append(id)
            html.append("\" tabindex=\"-1\">")
            html.append(backButton)
            html.append("<h3><span class=\"id\">")
            html.append(id)
            html.append("</span> claim · ")
            html.append(e(claim.kind))
            html.append(" · <span class=\"badge v-")
            html.append(verdict)
            html.append("\">")
            html.append(verdict)
            html.append("</span></h3><p class=\"chain\">")
            if let claimant = claim.claimant {
                html.append(sourceWithKind(claimant))
            } else {
                html.append("<span class=\"meta\">no claimant given</span>")
            }
            if !claim.via.isEmpty {
                html.append(" via ")
                for (i, relay) in claim.via.enumerated() {
                    if i > 0 { html.append(" → ") }
                    html.append(sourceWithKind(relay))
                }
            }
            html.append("</p>")
            html.append(detailsStart)
            html.append("<blockquote")
            html.append(quoteAttributes(claim.anchor.article))
            html.append(">")
            html.append(e(quote(claim.fragments)))
            html.append("</blockquote>")
            if let cue = claim.cue {
                html.append("<p class=\"cue\">cue: <q")
                html.append(quoteAttributes(cue.article))
                html.append(">")
                html.append(e(quote(cue)))
                html.append("</q>")
                if cue.isOrphaned { html.append(" <span class=\"meta\">(orphaned)</span>") }
                html.append("</p>")
            }
            html.append("<p>")
            html.append(place(claim.fragments))
            if let worthy = claim.checkWorthy { html.append(worthy ? " · check-worthy" : " · not check-worthy") }
            html.append("</p>")
            let stances = links.stances(targeting: claim.id)
            if !stances.isEmpty {
                html.append("<ul class=\"stances\">")
                for stance in stances {
                    html.append("<li><span class=\"id\">")
                    html.append(e(stance.id.rawValue))
                    html.append("</span> ")
                    html.append(sourceName(stance.holder))
                    html.append(" <b>")
                    html.append(e(stance.label))
                    html.append("</b></li>")
                }
                html.append("</ul>")
            }
            html.append(relations(claim.id))
            html.append(tagsAndNotes(claim))
            html.append("<p class=\"meta\">")
            html.append(e(claim.author))
            html.append(", created ")
            html.append(date(claim.created))
            if claim.modified != claim.created {
                html.append(", modified ")
                html.append(date(claim.modified))
            }
            html.append("</p></details></article>\n")
        }

        func mentionCard(_ mention: Mention) -> String {
            "<article class=\"card mention\" data-card=\"\(e(mention.id.rawValue))\" tabindex=\"-1\">\(backButton)<h3><span class=\"id\">\(e(mention.id.rawValue))</span> mention of \(sourceWithKind(mention.source))</h3>\(detailsStart)"
                + "<blockquote\(quoteAttributes(mention.anchor.article))>\(e(quote(mention.fragments)))</blockquote><p>\(place(mention.fragments))</p>\(relations(mention.id))\(tagsAndNotes(mention))</details></article>"
        }

        func stanceCard(_ stance: Stance) -> String {
            var out = "<article class=\"card stance\" data-card=\"\(e(stance.id.rawValue))\" tabindex=\"-1\">" + backButton
            out += "<h3><span class=\"id\">\(e(stance.id.rawValue))</span> \(sourceWithKind(stance.holder)) <b>\(e(stance.label))</b> \(reference(stance.target))</h3>"
            out += detailsStart
            for anchor in stance.evidence {
                out += "<blockquote\(quoteAttributes(anchor.article))>\(e(quote(anchor)))</blockquote><p>\(place(anchor))</p>"
            }
            return out + relations(stance.id) + tagsAndNotes(stance) + "</details></article>"
        }
    }
}
