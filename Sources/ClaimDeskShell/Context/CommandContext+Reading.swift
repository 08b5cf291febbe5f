import ClaimDeskCore
import ClaimDeskWeb
import Foundation

extension CommandContext {
    func load(_ path: String) throws(ShellError) -> [StyledLine] {
        let data: Data
        var origin: String?
        var fetched: FetchedPage?
        do {
            if path == "-" {
                guard batch else {
                    throw ShellError("load - reads standard input, which only works in batch mode (pipe a file into claimdesk)")
                }
                data = try host.readStandardInput()
            } else if WebAddress.isWebAddress(path) {
                let page = try host.fetch(path)
                fetched = page
                data = page.bytes
                origin = page.finalURL
            } else {
                data = try host.readFile(path)
                origin = PathText.lastComponent(path)
            }
        } catch let error as HostError {
            throw ShellError("cannot load \(path): \(error.message)")
        } catch let error as ShellError {
            throw error
        } catch {
            throw ShellError("cannot load \(path): \(error)")
        }
        let extensionName = fetched == nil ? PathText.pathExtension(path).lowercased() : ""
        let bytes = [UInt8](data)
        let isHTML = fetched?.contentType?.lowercased().contains("html") == true || WebPageReader.isWebPage(extensionName: extensionName, bytes: bytes)
        let loaded: LoadedArticle
        if isHTML {
            loaded = try webArticle(bytes, fetched: fetched, path: path)
        } else {
            let text: String
            do {
                text = try ArticleDecoder.decode(data)
            } catch {
                throw ShellError("cannot load \(path): \(error.message)")
            }
            let isMarkdown = ["md", "markdown"].contains(extensionName)
            var metadata = ArticleMetadata(published: PlainTextMetadata.publishedDate(in: text))
            if let fetched {
                var copy = bytes
                metadata.fetchedURL = fetched.finalURL
                metadata.fetchedSHA256 = SHA256Digest.hex(ofBytes: &copy)
                metadata.url = fetched.finalURL
            }
            loaded = LoadedArticle(text: text, title: TitleDetector.title(of: text, isMarkdown: isMarkdown), metadata: metadata, outlet: nil)
        }
        let sha = SHA256Digest.hex(of: loaded.text)
        if let same = workspace.session.orderedArticles.first(where: { $0.sha256 == sha }) {
            throw ShellError("this text is already loaded as \(same.id) (\"\(same.title)\"); switch to it with use \(same.id.number ?? 1)")
        }
        var created: [Source] = []
        var notices: [StyledLine] = []
        var metadata = loaded.metadata
        if let outlet = loaded.outlet { metadata.publisher = try outletSource(outlet, creating: &created, notices: &notices) }
        let article = Article(id: workspace.session.nextID(.article), title: loaded.title, origin: origin, text: loaded.text,
                              loaded: workspace.now, metadata: metadata)
        let edits = created.map { Change.Edit(before: nil, after: .source($0)) } + [Change.Edit(before: nil, after: .article(article))]
        // Loading is reading, not work: journalled only with the analyst's first change.
        try commit("load \(origin ?? "stdin")", edits, reading: true)
        workspace.activeArticle = article.id
        let content = article.content
        let credit = articleCredit(article).map { " " + $0 } ?? ""
        var line = StyledLine("Loaded ")
        line.appendIsolated("\"\(article.title)\"")
        line.append("\(credit): \(count(content.paragraphCount, "paragraph")), "
            + "\(count(content.sentenceCount, "sentence")), \(count(content.count, "character"))")
        return notices + [line]
    }

    /// What `load` takes from a page or a text file.
    struct LoadedArticle {
        var text: String
        var title: String
        var metadata: ArticleMetadata
        var outlet: String?
    }

    /// A web page's story and metadata, with the fetched bytes' hash and final address when it was fetched.
    func webArticle(_ bytes: [UInt8], fetched: FetchedPage?, path: String) throws(ShellError) -> LoadedArticle {
        let page: WebArticle
        do {
            page = try WebPageReader.read(bytes, headerCharset: fetched?.contentType.flatMap(PageEncoding.charset(inContentType:)),
                                          pageURL: fetched?.finalURL)
        } catch {
            throw ShellError("cannot load \(path): \(error.message)")
        }
        let text = page.text
        var metadata = ArticleMetadata(url: page.url, byline: page.byline, published: page.published, modified: page.modified,
                                       language: page.language)
        if let fetched {
            var copy = bytes
            metadata.fetchedSHA256 = SHA256Digest.hex(ofBytes: &copy)
            metadata.fetchedURL = fetched.finalURL
        }
        let title = page.title ?? TitleDetector.title(of: text, isMarkdown: false)
        return LoadedArticle(text: text, title: title, metadata: metadata, outlet: page.site)
    }

    func articleLines(_ article: Article, sentences: Range<Int>, highlight: Range<Int>?, header: Bool) -> [StyledLine] {
        articleLines(article, sentences: sentences, highlights: highlight.map { [$0] } ?? [], header: header)
    }

    func articleLines(_ article: Article, sentences: Range<Int>, highlights: [Range<Int>], header: Bool) -> [StyledLine] {
        var marks = spanMarks(on: article.id)
        marks += highlights.map { ArticleView.Mark(range: $0, id: nil, style: .hit) }
        var lines: [StyledLine] = []
        if header {
            var title = StyledLine(article.id.rawValue, .id)
            title.append("  ")
            title.appendIsolated(article.title, .heading)
            title.append("  (\(count(article.content.paragraphCount, "paragraph")), \(count(article.content.sentenceCount, "sentence")))", .dim)
            lines.append(title)
        }
        lines += ArticleView(article: article, marks: marks).lines(sentences: sentences)
        return lines
    }

    /// Claims, mentions and stance evidence on an article, as marks for ``ArticleView``.
    func spanMarks(on article: AnnotationID) -> [ArticleView.Mark] {
        let session = workspace.session
        var marks: [ArticleView.Mark] = []
        for claim in session.claims.values where claim.anchor.article == article {
            for fragment in claim.fragments where !fragment.isOrphaned {
                marks.append(.init(range: fragment.range, id: claim.id, style: .span(.claim)))
            }
            if let cue = claim.cue, cue.article == article, !cue.isOrphaned {
                marks.append(.init(range: cue.range, id: claim.id, style: .span(.cue)))
            }
        }
        for mention in session.mentions.values where mention.anchor.article == article {
            for fragment in mention.fragments where !fragment.isOrphaned {
                marks.append(.init(range: fragment.range, id: mention.id, style: .span(.mention)))
            }
        }
        for stance in session.stances.values {
            for evidence in stance.evidence where evidence.article == article && !evidence.isOrphaned {
                marks.append(.init(range: evidence.range, id: stance.id, style: .span(.evidence)))
            }
        }
        return marks.sorted { ($0.range.lowerBound, $0.id ?? "") < ($1.range.lowerBound, $1.id ?? "") }
    }

    /// `s3  …context [hit] context…`
    func hitLine(_ hit: Range<Int>, in text: ArticleText) -> StyledLine {
        let index = text.sentenceIndex(containing: hit.lowerBound) ?? 0
        let sentence = text.segmentation.sentences.isEmpty ? 0..<text.count : text.segmentation.sentences[index].range
        let context = 60
        let from = max(min(sentence.lowerBound, hit.lowerBound), hit.lowerBound - context)
        let to = min(max(sentence.upperBound, hit.upperBound), hit.upperBound + context)
        var line = StyledLine(("s\(index + 1)").padding(toLength: 6, withPad: " ", startingAt: 0), .id)
        line.markTextColumn()
        var excerpt = StyledLine()
        if from > sentence.lowerBound { excerpt.append("…", .dim) }
        excerpt.append(oneLine(text.slice(from..<hit.lowerBound)))
        excerpt.append("[", .dim)
        excerpt.appendIsolated(oneLine(text.slice(hit)), .hit)
        excerpt.append("]", .dim)
        excerpt.append(oneLine(text.slice(hit.upperBound..<to)))
        if to < sentence.upperBound { excerpt.append("…", .dim) }
        line.appendIsolated(excerpt)
        return line
    }

    func regexHits(_ pattern: String, caseInsensitive: Bool, in text: ArticleText) throws(ShellError) -> [Range<Int>] {
        let regex: Regex<AnyRegexOutput>
        do {
            regex = try Regex(pattern).matchingSemantics(.unicodeScalar).ignoresCase(caseInsensitive)
        } catch {
            throw ShellError("invalid regular expression /\(pattern)/: \(error)")
        }
        let string = text.string
        var hits: [Range<Int>] = []
        var lastIndex = string.startIndex
        var lastOffset = 0
        for match in string.matches(of: regex) where !match.range.isEmpty {
            let start = lastOffset + string.unicodeScalars.distance(from: lastIndex, to: match.range.lowerBound)
            let end = start + string.unicodeScalars.distance(from: match.range.lowerBound, to: match.range.upperBound)
            hits.append(start..<end)
            lastIndex = match.range.upperBound
            lastOffset = end
        }
        return hits
    }
}

/// "1 sentence", "3 sentences".
func count(_ n: Int, _ singular: String, plural: String? = nil) -> String {
    Plural.count(n, singular, plural)
}

/// Text on one line: newlines shown as spaces.
func oneLine(_ text: String) -> String {
    text.contains("\n") ? text.replacingOccurrences(of: "\n", with: " ") : text
}
