import ClaimDeskCore
import Foundation

extension CommandContext {
    // MARK: - Export

    func exportFormat(_ typed: String) throws(ShellError) -> ExportFormat {
        if let format = ExportFormat(rawValue: typed.lowercased()) { return format }
        let hint = Suggestion.closest(to: typed.lowercased(), in: ExportFormat.names).map { "did you mean \($0)? " } ?? ""
        throw ShellError("unknown export format \(typed); \(hint)formats: \(ExportFormat.names.joined(separator: ", "))")
    }

    /// The file name exports start from: the session's saved name, else `untitled`, made safe.
    var exportBaseName: String {
        let saved = persistence.place.location.flatMap { $0.isUnsaved ? nil : $0.name } ?? workspace.session.name
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
        do {
            return try JSONReader.reading(data) { reader throws(JSONReadError) in
                let map = try BratMap(json: &reader)
                try reader.end()
                return map
            }
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
