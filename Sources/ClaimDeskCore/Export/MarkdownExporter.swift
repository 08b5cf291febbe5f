import Foundation

/// A review document a person reads top to bottom: the session at a glance, the sources, then
/// each article's claims (quote, source chain, verdict, stances, relations, notes) and mentions,
/// the propositions with the stances taken on them, and the relations.
///
/// Everything from the session is escaped for Markdown (CommonMark backslash escapes), so article
/// text cannot become links, HTML or headings, and control characters are shown, not passed on.
public struct MarkdownExporter: StreamingExporter {
    public init() {}

    public func export(_ session: Session, to output: inout some ExportOutput) throws(ExportError) -> ExportSummary {
        guard !session.articles.isEmpty else { throw .noArticles }
        var out = Writer(session: session)
        out.write(to: &output)
        return ExportSummary(count: session.annotationCount)
    }

    /// Escapes text for inline Markdown: ASCII punctuation that could start markup gets a backslash,
    /// line breaks become spaces.
    /// A name escaped for inline Markdown; one holding right-to-left letters is isolated in
    /// `<bdi>`, so "قاسم سلیمانی, Qasem Soleimani" keeps its order in a table cell or a chain.
    static func isolatedName(_ text: String) -> String {
        let escaped = inline(text)
        guard text.unicodeScalars.contains(where: { ScriptLanguageDetector.isRightToLeft($0.value) }) else { return escaped }
        return "<bdi>" + escaped + "</bdi>"
    }

    static func inline(_ text: String) -> String {
        // Most text is printable ASCII with nothing to escape: one look at each byte, where making
        // it visible and then escaping it looked twice.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && !needsInlineEscape($0) }) { return text }
        let visible = VisibleText.make(text)
        // Every character that changes is ASCII, so the UTF-8 bytes are rewritten one by one.
        guard visible.utf8.contains(where: needsInlineEscape) else { return visible }
        var out: [UInt8] = []
        out.reserveCapacity(visible.utf8.count + 16)
        for byte in visible.utf8 {
            switch byte {
            case 0x0A, 0x0D, 0x09: out.append(0x20)
            case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x7C, 0x7E, 0x26, 0x23, 0x21: out.append(0x5C); out.append(byte)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A line break or tab (made a space), or one of `` \`*_[]<>|~&#! `` (given a backslash).
    static func needsInlineEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x0A, 0x0D, 0x09, 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x7C, 0x7E, 0x26, 0x23, 0x21: true
        default: false
        }
    }

    /// Escapes one line of text that starts a block: also the markers of lists, headings and rules.
    static func lineStart(_ text: String) -> String {
        var escaped = inline(text)
        if let first = escaped.unicodeScalars.first, "+-=".unicodeScalars.contains(first) {
            escaped = "\\" + escaped
        } else {
            // "1. " or "1) " would start a numbered list.
            let digits = escaped.unicodeScalars.prefix { ("0"..."9").contains($0) }
            let after = escaped.unicodeScalars.dropFirst(digits.count).first
            if !digits.isEmpty, after == "." || after == ")" {
                var view = String.UnicodeScalarView(digits)
                view.append("\\")
                view.append(contentsOf: escaped.unicodeScalars.dropFirst(digits.count))
                escaped = String(view)
            }
        }
        return escaped
    }

    /// A block quote of text that may hold line breaks: each line `> `, blank lines `>`.
    static func blockQuote(_ text: String, indent: String = "") -> String {
        // Most quotes are one line: no splitting (which compares every Character) and no joining.
        if !text.utf8.contains(0x0A) {
            let trimmed = Spaces.trimmed(Substring(text))
            return trimmed.isEmpty ? indent + ">" : indent + "> " + lineStart(String(trimmed))
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let trimmed = Spaces.trimmed(line)
            return trimmed.isEmpty ? indent + ">" : indent + "> " + lineStart(String(trimmed))
        }.joined(separator: "\n")
    }

    struct Writer {
        let session: Session
        /// What is written and not yet handed on.
        var text = ExportText()
        /// Each article's language where its script names one (Arabic, Persian, Urdu).
        let languages: [AnnotationID: ScriptLanguage]
        /// The stances on each annotation and the relations at each end, gathered once.
        let links: RecordLinks
        /// Each source's name as written, with its kind: made once per source rather than for
        /// every claim that names it.
        let sourcesWithKinds: [AnnotationID: String]

        init(session: Session) {
            self.session = session
            links = RecordLinks(session)
            var labels: [AnnotationID: String] = [:]
            for source in session.orderedSources { labels[source.id] = Self.sourceWithKind(source) }
            sourcesWithKinds = labels
            var languages: [AnnotationID: ScriptLanguage] = [:]
            for article in session.articles.values { languages[article.id] = article.detectedLanguage }
            self.languages = languages
        }

        mutating func line(_ s: String = "") {
            text.append(s)
            text.append("\n")
        }

        /// A quotation as a block quote; from a right-to-left article, inside an HTML block that
        /// gives its language and lets the reader take its direction from its text.
        mutating func quotation(_ quote: String, from article: AnnotationID, indent: String = "") {
            guard let language = languages[article] else {
                line(MarkdownExporter.blockQuote(quote, indent: indent))
                return
            }
            line(indent + "<div dir=\"auto\" lang=\"\(language.rawValue)\">")
            line()
            line(MarkdownExporter.blockQuote(quote, indent: indent))
            line()
            line(indent + "</div>")
        }

        /// Inline text from an article (a title, a mention), isolated with its language when it has one.
        func inlineText(_ text: String, from article: AnnotationID) -> String {
            guard let language = languages[article] else { return MarkdownExporter.inline(text) }
            return "<bdi dir=\"auto\" lang=\"\(language.rawValue)\">" + MarkdownExporter.inline(text) + "</bdi>"
        }

        func where_(_ anchor: Anchor) -> String {
            guard let span = session.placed(anchor) else {
                return "orphaned (was code points \(anchor.start)–\(anchor.end) of \(anchor.article))"
            }
            let sentence = span.article.content.sentenceIndex(containing: span.range.lowerBound).map { "s\($0 + 1)" } ?? ""
            return anchor.article.rawValue + " " + sentence + ", code points " + String(span.range.lowerBound) + "–" + String(span.range.upperBound)
        }

        func quote(_ anchor: Anchor) -> String { session.placed(anchor)?.exact ?? anchor.exact }

        /// The sentence (or sentences) a span lies in, the span's words in bold, so a claim reads with
        /// what frames it ("officials don't believe **Iran is close to making such a move**"). Nil when
        /// the span is its whole sentence (the quote already says it all) or is orphaned.
        func context(_ anchor: Anchor) -> String? {
            guard let span = session.placed(anchor) else { return nil }
            let content = span.article.content
            let sentences = content.segmentation.sentences
            guard let first = content.sentenceIndex(containing: span.range.lowerBound) else { return nil }
            let last = content.sentenceIndex(containing: max(span.range.lowerBound, span.range.upperBound - 1)) ?? first
            let whole = sentences[first].range.lowerBound..<max(sentences[last].range.upperBound, span.range.upperBound)
            let before = content.slice(whole.lowerBound..<max(whole.lowerBound, span.range.lowerBound))
            let after = content.slice(min(span.range.upperBound, whole.upperBound)..<whole.upperBound)
            // Blank is what `.whitespacesAndNewlines` would trim away whole: tabs, line ends, U+0085, Z*.
            func isBlank(_ text: String) -> Bool {
                text.unicodeScalars.allSatisfy { scalar in
                    (0x09...0x0D).contains(scalar.value) || scalar.value == 0x85
                        || [.spaceSeparator, .lineSeparator, .paragraphSeparator].contains(scalar.properties.generalCategory)
                }
            }
            guard !isBlank(before) || !isBlank(after) else { return nil }
            let label = last > first ? "s\(first + 1)–s\(last + 1)" : "s\(first + 1)"
            // Spaces stay outside the bold markers, or CommonMark would not read them as emphasis.
            let inner = MarkdownExporter.inline(span.exact)
            let core = String(Spaces.trimmed(Substring(inner)))
            let text = MarkdownExporter.inline(before) + (inner.hasPrefix(" ") ? " " : "") + "**" + core + "**"
                + (inner.hasSuffix(" ") ? " " : "") + MarkdownExporter.inline(after)
            guard let language = languages[anchor.article] else { return "(\(label)) “" + text + "”" }
            return "(\(label)) <bdi dir=\"auto\" lang=\"\(language.rawValue)\">" + text + "</bdi>"
        }

        /// A span in fragments as one quote, its fragments joined by ``Anchor/fragmentSeparator``.
        func quote(_ fragments: [Anchor]) -> String {
            fragments.count == 1 ? quote(fragments[0]) : fragments.map(quote).joined(separator: Anchor.fragmentSeparator)
        }

        /// Where each fragment of a span is.
        func where_(_ fragments: [Anchor]) -> String { fragments.count == 1 ? where_(fragments[0]) : fragments.map(where_).joined(separator: "; ") }

        func name(_ id: AnnotationID) -> String { MarkdownExporter.isolatedName(session.sourceName(id)) }

        func sourceWithKind(_ id: AnnotationID) -> String { sourcesWithKinds[id] ?? name(id) }

        static func sourceWithKind(_ source: Source) -> String {
            "\(MarkdownExporter.isolatedName(source.name)) (\(MarkdownExporter.inline(source.kind)))"
        }

        /// "Text of the claim…" shortened for references.
        func short(_ id: AnnotationID) -> String {
            guard let full = session.summary(of: id) else { return id.rawValue }
            return "\(id) “\(MarkdownExporter.inline(full.shortened(to: 80)))”"
        }

        /// The review status with the decision that set it, and every text change, old → new.
        mutating func review(_ item: any Annotation, indent: String = "") {
            guard let review = item.review else { return }
            var status = "**\(review.status.rawValue)**"
            if let latest = review.latest {
                status += " by \(MarkdownExporter.inline(latest.reviewer)), \(latest.time)"
                if let comment = latest.comment { status += ": " + MarkdownExporter.inline(comment) }
            }
            line(indent + "- **Review:** " + status)
            for change in review.textChanges {
                line(indent + "- **Text changed** (\(MarkdownExporter.inline(change.how)), \(change.time)): “\(MarkdownExporter.inline(change.old))” → “\(MarkdownExporter.inline(change.new))”")
            }
        }

        mutating func notesAndTags(_ item: any Annotation, indent: String = "") {
            review(item, indent: indent)
            if !item.tags.isEmpty { line(indent + "- **Tags:** " + item.tags.map(MarkdownExporter.inline).joined(separator: ", ")) }
            if !item.notes.isEmpty {
                line(indent + "- **Notes:**")
                for note in item.notes {
                    line(indent + "  - \(note.id) (\(MarkdownExporter.inline(note.author)), \(note.created)): \(MarkdownExporter.inline(note.text))")
                }
            }
        }

        mutating func relations(of id: AnnotationID, indent: String = "") {
            let related = links.relations(touching: id)
            guard !related.isEmpty else { return }
            line(indent + "- **Relations:** " + related.map { r in
                r.from == id ? "\(r.id) \(MarkdownExporter.inline(r.type)) \(short(r.to))" : "\(r.id) \(short(r.from)) \(MarkdownExporter.inline(r.type)) this"
            }.joined(separator: "; "))
        }

        mutating func write(to output: inout some ExportOutput) {
            let s = session
            let byArticle = AnnotationsByArticle(s)
            line("# Review of session " + MarkdownExporter.inline(ExportNaming.sessionName(s)))
            line()
            line("- **Analyst:** " + MarkdownExporter.inline(s.analyst))
            line("- **Created:** \(s.created) · **last modified:** \(s.modified)")
            if let organization = s.settings.organization {
                var org = MarkdownExporter.inline(organization)
                if let url = s.settings.organizationURL { org += " (" + MarkdownExporter.inline(url) + ")" }
                line("- **Reviewing organisation:** " + org)
            }
            line("- **Contents:** " + s.contentsInFull)
            line()

            line("## Sources")
            line()
            if s.orderedSources.isEmpty {
                line("No sources.")
            } else {
                line("| Id | Name | Kind | Aliases | Role | Claims | Mentions | Stances |")
                line("|---|---|---|---|---|---:|---:|---:|")
                for source in s.orderedSources {
                    let (claims, mentions, stances) = s.useCounts(ofSource: source.id)
                    line("| \(source.id) | \(MarkdownExporter.isolatedName(source.name)) | \(MarkdownExporter.inline(source.kind)) | "
                         + source.aliases.map(MarkdownExporter.isolatedName).joined(separator: ", ")
                         + " | \(MarkdownExporter.inline(source.role ?? "")) | \(claims) | \(mentions) | \(stances) |")
                }
                for source in s.orderedSources where !source.tags.isEmpty || !source.notes.isEmpty {
                    line()
                    line("**\(source.id) \(MarkdownExporter.inline(source.name))**")
                    line()
                    notesAndTags(source)
                }
            }
            line()

            for article in s.orderedArticles {
                line("## \(article.id): " + inlineText(article.title, from: article.id))
                line()
                let credit = ArticleCredit(article, in: s)
                if !credit.isEmpty {
                    var parts: [String] = []
                    if let byline = credit.byline { parts.append("by " + MarkdownExporter.inline(byline)) }
                    if let outlet = credit.outlet { parts.append(MarkdownExporter.inline(outlet)) }
                    if let published = credit.published { parts.append("published " + MarkdownExporter.inline(published)) }
                    if let url = credit.url { parts.append("<\(url)>") }
                    line(parts.joined(separator: " · "))
                    line()
                }
                var facts = ["\(article.content.count) characters", "\(article.content.sentenceCount) sentences",
                             "SHA-256 `\(SHA256Digest.hex(of: article.text))`"]
                if let origin = article.origin { facts.insert("from " + MarkdownExporter.inline(origin), at: 0) }
                line(facts.joined(separator: " · "))
                line()
                let claims = byArticle.claims(in: article.id)
                line("### Claims")
                line()
                if claims.isEmpty { line("No claims."); line() }
                for claim in claims {
                    line("#### \(claim.id) · \(MarkdownExporter.inline(claim.kind)) · \(MarkdownExporter.inline(claim.verdict))")
                    line()
                    quotation(quote(claim.fragments), from: claim.anchor.article)
                    line()
                    var chain = claim.claimant.map(sourceWithKind) ?? "no claimant given"
                    if !claim.via.isEmpty { chain += ", via " + claim.via.map(sourceWithKind).joined(separator: " → ") }
                    line("- **Source chain:** " + chain)
                    if let cue = claim.cue {
                        line("- **Cue:** " + inlineText(quote(cue), from: cue.article) + (cue.isOrphaned ? " (orphaned)" : ""))
                    }
                    line("- **Where:** " + where_(claim.fragments))
                    if !claim.isDiscontinuous, let context = context(claim.anchor) { line("- **In context:** " + context) }
                    if let worthy = claim.checkWorthy { line("- **Check-worthy:** " + (worthy ? "yes" : "no")) }
                    let stances = links.stances(targeting: claim.id)
                    if !stances.isEmpty {
                        line("- **Stances on it:** " + stances.map { "\($0.id) \(name($0.holder)) **\(MarkdownExporter.inline($0.label))**" }.joined(separator: "; "))
                    }
                    relations(of: claim.id)
                    notesAndTags(claim)
                    line("- *\(MarkdownExporter.inline(claim.author)), created \(claim.created), modified \(claim.modified)*")
                    line()
                    text.flush(to: &output)
                }
                let mentions = byArticle.mentions(in: article.id)
                if !mentions.isEmpty {
                    line("### Mentions")
                    line()
                    line("| Id | Source | Text | Where | Review |")
                    line("|---|---|---|---|---|")
                    for mention in mentions {
                        let comment = mention.review?.latest?.comment.map { ": " + MarkdownExporter.inline($0) } ?? ""
                        text.flush(to: &output)
                        line("| \(mention.id) | \(name(mention.source)) | \(inlineText(quote(mention.fragments), from: mention.anchor.article)) | \(where_(mention.fragments)) | \(mention.reviewStatus.rawValue)\(comment) |")
                    }
                    line()
                }
            }

            line("## Propositions and stances")
            line()
            let targets: [AnnotationID] = s.orderedPropositions.map(\.id)
                + Set(s.orderedStances.map(\.target)).filter { $0.kind == .claim }.sorted()
            if targets.isEmpty { line("No propositions or stances."); line() }
            for target in targets {
                if let proposition = s.propositions[target] {
                    line("### \(target): " + MarkdownExporter.inline(proposition.text))
                } else {
                    line("### On claim " + short(target))
                }
                line()
                if let proposition = s.propositions[target] { notesAndTags(proposition) }
                let stances = links.stances(targeting: target)
                if stances.isEmpty { line("No stances yet.") }
                for stance in stances {
                    line("- \(stance.id) · \(sourceWithKind(stance.holder)) · **\(MarkdownExporter.inline(stance.label))**")
                    for evidence in stance.evidence {
                        line("  - evidence, \(where_(evidence)):")
                        line()
                        quotation(quote(evidence), from: evidence.article, indent: "    ")
                        line()
                    }
                    relations(of: stance.id, indent: "  ")
                    notesAndTags(stance, indent: "  ")
                    text.flush(to: &output)
                }
                line()
            }

            line("## Relations")
            line()
            if s.orderedRelations.isEmpty { line("No relations.") }
            for relation in s.orderedRelations {
                line("- \(relation.id): \(short(relation.from)) **\(MarkdownExporter.inline(relation.type))** \(short(relation.to))")
                notesAndTags(relation, indent: "  ")
                text.flush(to: &output)
            }
            text.flush(to: &output, force: true)
        }
    }
}
