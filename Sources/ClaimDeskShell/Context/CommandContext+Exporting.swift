import ClaimDeskCore
import Foundation

extension CommandContext {
    // MARK: - Export

    func export(_ formatName: String, to path: String?, options: ExportOptions = ExportOptions()) throws(ShellError) -> [StyledLine] {
        let format = try exportFormat(formatName)
        let result: ExportResult
        do { result = try format.export(workspace.session, options: options) } catch { throw ShellError("cannot export \(format.rawValue): \(error.message)") }
        let defaultName = format.defaultName(for: exportBaseName)
        let target = path ?? "exports/" + defaultName
        let written: String
        do {
            written = try ExportWriter(host: host).write(result, to: target, defaultName: defaultName)
        } catch {
            throw ShellError("cannot write \(target): \(error.message); choose another path")
        }
        var lines = [StyledLine("Exported \(count(result.count, "annotation")) as \(format.title) to ") + StyledLine(written, .strong)]
        for warning in result.warnings { lines.append(StyledLine("note: " + warning, .dim)) }
        return lines
    }

    func exportFormat(_ typed: String) throws(ShellError) -> ExportFormat {
        if let format = ExportFormat(rawValue: typed.lowercased()) { return format }
        let hint = Suggestion.closest(to: typed.lowercased(), in: ExportFormat.names).map { "did you mean \($0)? " } ?? ""
        throw ShellError("unknown export format \(typed); \(hint)formats: \(ExportFormat.names.joined(separator: ", "))")
    }

    /// The file name exports start from: the session's saved name, else `untitled`, made safe.
    var exportBaseName: String {
        let saved = workspace.location.flatMap { $0.isUnsaved ? nil : $0.name } ?? workspace.session.name
        return ExportNaming.safeFileName(saved ?? "untitled", fallback: "untitled")
    }

    // MARK: - Import

    /// `BASE.txt`, else the text of the same name one folder up, if either is a file.
    private func textBeside(_ base: String) -> String? {
        if host.pathKind(base + ".txt") == .file { return base + ".txt" }
        let parent = PathText.parent(PathText.parent(base))
        let above = PathText.appending(parent.isEmpty ? "." : parent, PathText.lastComponent(base) + ".txt")
        return PathText.parent(base).isEmpty ? nil : host.pathKind(above) == .file ? above : nil
    }

    func importAnnotations(_ formatName: String, from path: String, map mapPath: String? = nil) throws(ShellError) -> [StyledLine] {
        try requireWritable()
        let format = formatName.lowercased()
        if mapPath != nil && format != "brat" { throw ShellError("--map is for brat corpora; import \(formatName) takes no map") }
        let map = try mapPath.map { p throws(ShellError) in try bratMap(p) }
        guard ImportCommand.formats.contains(format) else {
            let hint = Suggestion.closest(to: format, in: ImportCommand.formats).map { "did you mean \($0)? " } ?? ""
            throw ShellError("cannot import \(formatName); \(hint)import reads w3c (a JSON-LD file) or brat (a folder)")
        }
        var loaded: [StyledLine] = []
        if workspace.session.articles.isEmpty {
            // A brat folder carries its texts: load them first, as load would.
            let texts = format == "brat" ? try bratDocuments(path).compactMap(\.txt) : []
            guard !texts.isEmpty else {
                throw ShellError("no article to anchor the annotations on; load the article first with load PATH")
            }
            for text in texts { loaded += try load(text) }
        }
        var items: [ImportedAnnotation]
        var skipped: [String] = []
        if format == "w3c" {
            let data: Data
            do { data = try host.readFile(path) } catch { throw ShellError("cannot import \(path): \(error.message)") }
            do { items = try W3CImporter.parse(data) } catch { throw ShellError("cannot import \(path): \(error.message)") }
        } else {
            (items, skipped) = try readBrat(path, map: map)
        }
        let importer = AnnotationImporter(session: workspace.session, fallbackArticle: workspace.activeArticle,
                                          analyst: workspace.analyst, now: workspace.now)
        var plan = importer.plan(items)
        plan.skipped = skipped + plan.skipped
        let failures = plan.notAnchored.count + plan.skipped.count
        guard !plan.imported.isEmpty else {
            if failures == 0 {
                guard !plan.alreadyPresent.isEmpty else { throw ShellError("\(path) holds no annotations to import") }
                return [StyledLine("nothing new: the \(count(plan.alreadyPresent.count, "annotation")) of \(path) are in the session already")]
            }
            let first = (plan.notAnchored + plan.skipped)[0]
            throw ShellError("imported nothing from \(path): could not anchor \(plan.notAnchored.count), skipped \(plan.skipped.count) (first: \(first))")
        }
        try commit("import \(format) \(path)", plan.edits)
        var lines = loaded + [StyledLine("imported \(plan.imported.count), could not anchor \(plan.notAnchored.count)" + (plan.notAnchored.isEmpty ? "" : ":"))]
        lines += plan.notAnchored.map { StyledLine("  " + $0, .warning) }
        if !plan.skipped.isEmpty {
            lines.append(StyledLine("skipped \(plan.skipped.count):", .warning))
            lines += plan.skipped.map { StyledLine("  " + $0, .warning) }
        }
        lines += plan.warnings.map { StyledLine("warning: " + $0, .warning) }
        if !plan.alreadyPresent.isEmpty {
            lines.append(StyledLine("already in the session: " + plan.alreadyPresent.map(\.rawValue).joined(separator: ", "), .dim))
        }
        for source in plan.newSources.sorted(by: { $0.id < $1.id }) {
            // A kind the file gave needs no hint; the fallback kind (`other`) does.
            let unclassified = source.kind == workspace.session.taxonomy.fallbackLabel(.sourceKind)
            let hint = unclassified ? "; set its kind with set \(source.id) kind K" : ""
            lines.append(StyledLine("new source ", .notice) + StyledLine(source.id.rawValue, .id)
                         + StyledLine(" \"\(source.name)\" (\(source.kind))" + hint, .notice))
        }
        lines.append(StyledLine("new: ", .dim) + StyledLine(plan.imported.map(\.rawValue).joined(separator: " "), .id))
        return lines
    }

    /// The annotations of a brat folder (or of one `.ann` file), with what was left out.
    func readBrat(_ path: String, map: BratMap? = nil) throws(ShellError) -> ([ImportedAnnotation], [String]) {
        let documents = try bratDocuments(path)
        var items: [ImportedAnnotation] = []
        var skipped: [String] = []
        for document in documents {
            let ann = try readText(document.ann)
            let txt = try document.txt.map { p throws(ShellError) in try readText(p) }
            let parsed = map.map { BratMappedImporter.parse(ann: ann, text: txt, name: document.name, map: $0) }
                ?? BratImporter.parse(ann: ann, text: txt, name: document.name)
            items += parsed.annotations
            skipped += parsed.skipped
        }
        return (items, skipped)
    }

    /// A brat map file, read and checked.
    func bratMap(_ path: String) throws(ShellError) -> BratMap {
        let data: Data
        do { data = try host.readFile(path) } catch { throw ShellError("cannot read the map \(path): \(error.message)") }
        var reader = JSONReader([UInt8](data))
        do {
            let map = try BratMap(json: &reader)
            try reader.end()
            return map
        } catch {
            throw ShellError("cannot read the map \(path): \(error.description); docs/commands.md (import) shows its keys")
        }
    }

    /// The .ann files of a brat folder (or one .ann file), each with its .txt when there is one:
    /// beside it, or in the folder above (one annotator's folder, `corpus/ana/doc.ann` over `corpus/doc.txt`).
    func bratDocuments(_ path: String) throws(ShellError) -> [(name: String, ann: String, txt: String?)] {
        var documents: [(name: String, ann: String, txt: String?)] = []
        switch host.pathKind(path) {
        case .missing:
            throw ShellError("cannot import \(path): no such folder; import brat takes the folder of a brat export")
        case .file:
            guard path.hasSuffix(".ann") else {
                throw ShellError("cannot import \(path): import brat takes a folder of .ann and .txt files (or one .ann file)")
            }
            let base = String(path.dropLast(4))
            documents.append((PathText.lastComponent(base), path, textBeside(base)))
        case .folder:
            let names: [String]
            do { names = try host.listFiles(path) } catch { throw ShellError("cannot import \(path): \(error.message)") }
            for name in names.sorted() where name.hasSuffix(".ann") && !name.hasPrefix(".") {
                let base = String(name.dropLast(4))
                documents.append((base, PathText.appending(path, name), textBeside(PathText.appending(path, base))))
            }
            guard !documents.isEmpty else { throw ShellError("cannot import \(path): it has no .ann files; import brat takes the folder of a brat export") }
        }
        return documents
    }

    private func readText(_ path: String) throws(ShellError) -> String {
        let data: Data
        do { data = try host.readFile(path) } catch { throw ShellError("cannot import \(path): \(error.message)") }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ShellError("cannot import \(path): it is not UTF-8 text")
        }
        return text
    }
}
