import ClaimDeskCore
import Foundation

/// `import w3c|brat PATH [--map MAP.json]`: annotations from another tool, anchored on the session's articles.
struct ImportCommand: ShellCommand {
    static let formats = ["w3c", "brat"]
    static let format = Positional("FORMAT", .choice(formats))
    static let path = Positional("PATH", .path)
    static let map = ValueFlag("--map", value: "MAP.json", .path, "brat: how the corpus's types become claims, mentions and attributions")

    static let spec = CommandSpec(
        "import", group: CommandGroup.exporting,
        summary: "Import W3C annotations (a .jsonld/.json file) or a brat folder into the session",
        usage: "import w3c|brat PATH [--map MAP.json]", example: "import w3c exports/harbor.w3c.jsonld",
        details: [
            "Spans are anchored on the article whose text the file names, else on the active article,",
            "by position when the text there is the quote, else by the quote and its context.",
            "What cannot be anchored is listed; the rest comes in as one change that undo reverses.",
            "brat --map MAP.json reads another project's types: the map names the entity types that are claims,",
            "mentions (with their sources' kind) and cues, and the events or relations that attribute a claim.",
        ],
        arguments: [format, path], flags: [map])

    /// The format as typed; checked in ``run(in:)``.
    var formatName: String
    var path: String
    var mapPath: String?

    init(_ arguments: ParsedArguments) throws(ShellError) {
        formatName = try arguments.required(Self.format)
        path = try arguments.required(Self.path)
        mapPath = arguments[Self.map]
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        try context.requireWritable()
        let format = formatName.lowercased()
        if mapPath != nil && format != "brat" { throw ShellError("--map is for brat corpora; import \(formatName) takes no map") }
        let map = try mapPath.map { p throws(ShellError) in try context.bratMap(p) }
        guard ImportCommand.formats.contains(format) else {
            let hint = Suggestion.closest(to: format, in: ImportCommand.formats).map { "did you mean \($0)? " } ?? ""
            throw ShellError("cannot import \(formatName); \(hint)import reads w3c (a JSON-LD file) or brat (a folder)")
        }
        var loaded: [StyledLine] = []
        if context.workspace.session.articles.isEmpty {
            // A brat folder carries its texts: load them first, as load would.
            let texts = format == "brat" ? try context.bratDocuments(path).compactMap(\.txt) : []
            guard !texts.isEmpty else {
                throw ShellError("no article to anchor the annotations on; load the article first with load PATH")
            }
            for text in texts { loaded += try context.load(text) }
        }
        var items: [ImportedAnnotation]
        var skipped: [String] = []
        if format == "w3c" {
            let data: Data
            do { data = try context.host.readFile(path) } catch { throw ShellError("cannot import \(path): \(error.message)") }
            do { items = try W3CImporter.parse(data) } catch { throw ShellError("cannot import \(path): \(error.message)") }
        } else {
            (items, skipped) = try context.readBrat(path, map: map)
        }
        let importer = AnnotationImporter(session: context.workspace.session, fallbackArticle: context.workspace.activeArticle,
                                          analyst: context.workspace.analyst, now: context.workspace.now)
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
        try context.commit("import \(format) \(path)", plan.edits)
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
            let unclassified = source.kind == context.workspace.session.taxonomy.fallbackLabel(.sourceKind)
            let hint = unclassified ? "; set its kind with set \(source.id) kind K" : ""
            lines.append(StyledLine("new source ", .notice) + StyledLine(source.id.rawValue, .id)
                         + StyledLine(" \"\(source.name)\" (\(source.kind))" + hint, .notice))
        }
        lines.append(StyledLine("new: ", .dim) + StyledLine(plan.imported.map(\.rawValue).joined(separator: " "), .id))
        return lines
    }
}
