import ClaimDeskCore
import Foundation

/// `taxonomy`: the label sets the session uses.
struct TaxonomyCommand: ArgumentlessCommand {
    static let spec = CommandSpec(
        "taxonomy", group: CommandGroup.sessions,
        summary: "Show the label sets this session uses")

    func run(in context: CommandContext) -> [StyledLine] {
        context.taxonomyShow()
    }
}

/// `taxonomy load FILE.json`: replaces the session's label sets.
struct TaxonomyLoadCommand: PathCommand {
    static let spec = CommandSpec(
        "taxonomy load", group: CommandGroup.sessions,
        summary: "Replace the session's label sets with those of a JSON file",
        usage: "taxonomy load FILE.json", example: "taxonomy load docs/examples/taxonomy.json",
        details: ["The file has the keys sourceKinds, claimKinds, verdicts, stanceLabels, relationTypes; missing keys keep their labels."],
        arguments: [Positional("FILE", .path)])

    var path: String

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let data: Data
        do { data = try context.host.readFile(path) } catch { throw ShellError("cannot read \(path): \(error.message)") }
        let json: JSONValue
        do { json = try JSONValue.parse(Array(data)) } catch {
            throw ShellError("\(path) is not valid JSON \(error.description); see docs/taxonomy.md for the shape")
        }
        guard case .object(let object) = json else {
            throw ShellError("\(path) is not a JSON object; see docs/taxonomy.md for the shape")
        }
        var taxonomy = context.workspace.session.taxonomy
        let known = Taxonomy.Facet.allCases.map(\.key)
        for key in object.keys where !known.contains(key) {
            let hint = Suggestion.closest(to: key, in: known).map { "did you mean \($0)? " } ?? ""
            throw ShellError("\(path): unknown key \"\(key)\"; \(hint)keys are \(known.joined(separator: ", "))")
        }
        for facet in Taxonomy.Facet.allCases {
            guard let value = object[facet.key] else { continue }
            guard let items = value.arrayValue, items.allSatisfy({ $0.stringValue != nil }) else {
                throw ShellError("\(path): \"\(facet.key)\" must be an array of strings")
            }
            let labels = items.compactMap(\.stringValue)
            switch facet {
            case .sourceKind: taxonomy.sourceKinds = labels
            case .claimKind: taxonomy.claimKinds = labels
            case .verdict: taxonomy.verdicts = labels
            case .stanceLabel: taxonomy.stanceLabels = labels
            case .relationType: taxonomy.relationTypes = labels
            }
        }
        do { try taxonomy.validate() } catch { throw ShellError("\(path): \(error.message)") }
        if let (id, facet, label) = context.firstLabelOutside(taxonomy) {
            throw ShellError("\(id) uses the \(facet.rawValue) \"\(label)\", which \(path) lacks; add it to the file or change \(id) first")
        }
        guard taxonomy != context.workspace.session.taxonomy else { return ["the taxonomy is unchanged"] }
        try context.commit("taxonomy load", [Change.Edit(before: .taxonomy(context.workspace.session.taxonomy), after: .taxonomy(taxonomy))])
        return [StyledLine("Loaded the taxonomy from \(path)")] + context.taxonomyShow()
    }
}
