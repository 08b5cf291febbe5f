import ClaimDeskCore
import Foundation

/// `sources export FILE.json`: the registry as a file other sessions import.
struct SourcesExportCommand: PathCommand {
    static let spec = CommandSpec(
        "sources export", group: CommandGroup.annotating,
        summary: "Write the source registry (names, kinds, aliases, roles) to a file other sessions can import",
        usage: "sources export FILE.json", example: "sources export desk-sources.json",
        details: ["The file is JSON (format claimdesk.sources); it keeps no annotations, only who the sources are."],
        arguments: [Positional("FILE", .path)])

    var path: String

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let sources = context.workspace.session.orderedSources
        guard !sources.isEmpty else { throw ShellError("the registry is empty: no sources to export; add them with source add NAME") }
        do {
            try context.host.writeFile(SourceRegistryFile(sources: sources).encoded(), to: path)
        } catch {
            throw ShellError("cannot write \(path): \(error.message)")
        }
        return [StyledLine("Wrote \(Plural.count(sources.count, "source")) to \(path); sources import \(path) adds \(sources.count == 1 ? "it" : "them") to another session")]
    }
}

/// `sources import FILE.json`: adds the file's sources to the registry, and aliases, kinds and
/// roles to the sources the session already has (``SourceRegistryMerge``), as one change.
struct SourcesImportCommand: PathCommand {
    static let spec = CommandSpec(
        "sources import", group: CommandGroup.annotating,
        summary: "Add the sources of a registry file to this session's registry",
        usage: "sources import FILE.json", example: "sources import desk-sources.json",
        details: [
            "New names become sources; a name the session has already gains the file's aliases, and its kind and role where it has none.",
            "suggest then recognises the imported names and aliases (Pompeo as Secretary of State Mike Pompeo) and takes their kinds. One change: undo takes it back.",
        ],
        arguments: [Positional("FILE", .path)])

    var path: String

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let data: Data
        do { data = try context.host.readFile(path) } catch { throw ShellError("cannot read \(path): \(error.message)") }
        let file: SourceRegistryFile
        do { file = try SourceRegistryFile.decode(data) } catch { throw ShellError("\(path): \(error.message)") }
        let merge = SourceRegistryMerge(file, into: context.workspace.session, author: context.workspace.analyst, time: context.workspace.now)
        guard !merge.edits.isEmpty else {
            return [StyledLine("nothing to import: the registry already has all \(Plural.count(file.entries.count, "source")) of \(path)")]
        }
        try context.commit("sources import \(path)", merge.edits)
        var lines = [StyledLine("Imported \(path): \(Plural.count(merge.added.count, "new source")), "
                                + "\(Plural.count(merge.updated.count, "known source")) updated (undo takes it back)")]
        for source in merge.added.prefix(20) {
            lines.append(StyledLine("  new ", .dim) + StyledLine(source.id.rawValue, .id) + StyledLine(" ") + isolatedList([source.name])
                         + StyledLine(" (\(source.kind))", .dim))
        }
        if merge.added.count > 20 { lines.append(StyledLine("  … sources lists them all", .dim)) }
        if !merge.unknownKinds.isEmpty {
            lines.append(StyledLine("warning: kinds not in this session's taxonomy (\(merge.unknownKinds.joined(separator: ", "))) became "
                                    + context.workspace.session.taxonomy.fallbackLabel(.sourceKind), .warning))
        }
        return lines
    }
}
