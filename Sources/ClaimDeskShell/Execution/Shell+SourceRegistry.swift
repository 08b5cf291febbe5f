import ClaimDeskCore
import Foundation

extension Shell {
    // MARK: - sources export / sources import

    /// `sources export FILE`: the registry as a file other sessions import.
    func exportSources(to path: String) throws(ShellError) -> [StyledLine] {
        let sources = workspace.session.orderedSources
        guard !sources.isEmpty else { throw ShellError("the registry is empty: no sources to export; add them with source add NAME") }
        do {
            try host.writeFile(SourceRegistryFile(sources: sources).encoded(), to: path)
        } catch {
            throw ShellError("cannot write \(path): \(error.message)")
        }
        return [StyledLine("Wrote \(Plural.count(sources.count, "source")) to \(path); sources import \(path) adds them to another session")]
    }

    /// `sources import FILE`: adds the file's sources to the registry, and aliases, kinds and
    /// roles to the sources the session already has (``SourceRegistryMerge``), as one change.
    func importSources(from path: String) throws(ShellError) -> [StyledLine] {
        let data: Data
        do { data = try host.readFile(path) } catch { throw ShellError("cannot read \(path): \(error.message)") }
        let file: SourceRegistryFile
        do { file = try SourceRegistryFile.decode(data) } catch { throw ShellError("\(path): \(error.message)") }
        let merge = SourceRegistryMerge(file, into: workspace.session, author: workspace.analyst, time: workspace.now)
        guard !merge.edits.isEmpty else {
            return [StyledLine("nothing to import: the registry already has all \(Plural.count(file.entries.count, "source")) of \(path)")]
        }
        try commit("sources import \(path)", merge.edits)
        var lines = [StyledLine("Imported \(path): \(Plural.count(merge.added.count, "new source")), "
                                + "\(Plural.count(merge.updated.count, "known source")) updated (undo takes it back)")]
        for source in merge.added.prefix(20) {
            lines.append(StyledLine("  new ", .dim) + StyledLine(source.id.rawValue, .id) + StyledLine(" ") + isolatedList([source.name])
                         + StyledLine(" (\(source.kind))", .dim))
        }
        if merge.added.count > 20 { lines.append(StyledLine("  … sources lists them all", .dim)) }
        if !merge.unknownKinds.isEmpty {
            lines.append(StyledLine("warning: kinds not in this session's taxonomy (\(merge.unknownKinds.joined(separator: ", "))) became "
                                    + workspace.session.taxonomy.fallbackLabel(.sourceKind), .warning))
        }
        return lines
    }
}
