import ClaimDeskCore
import Foundation

/// `set ID FIELD VALUE`: one field of an annotation, source, article or the session.
struct SetCommand: ShellCommand {
    static let id = Positional("ID", .id(CommandCatalog.taggable + [.article]))
    static let field = Positional("FIELD", .text)
    static let value = Positional("VALUE", .text, rest: true)

    static let spec = CommandSpec(
        "set", group: CommandGroup.annotating,
        summary: "Change one field of an annotation, source or the session",
        usage: "set ID FIELD VALUE", example: "set c1 verdict misleading",
        details: [
            "Claims: span, by, via (comma-separated, or none), cue (a selection, or none), kind, verdict, check-worthy.",
            "Sources: name, kind, aliases (comma-separated), role. Mentions: span, source.",
            "Stances: holder, label, target. Propositions: text. Relations: type.",
            "Session: set session organization|organization-url|base-url VALUE.",
            "Articles: title, url, published, modified (2020-03-23 or March 23, 2020), outlet (a source, made an outlet),",
            "byline (comma-separated names), language (en, en-US); none clears a field.",
        ],
        arguments: [id, field, value])

    var id: String
    var field: String
    var value: String
    /// The value as typed, for fields that take a selection (span, cue).
    var rawValue: String

    init(_ arguments: ParsedArguments) throws(ShellError) {
        id = try arguments.required(Self.id)
        field = try arguments.required(Self.field)
        value = try arguments.required(Self.value)
        rawValue = try arguments.requiredRaw(Self.value)
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let typed = id
        if typed.lowercased() == "session" { return try context.setSession(field, value) }
        if AnnotationID(typed).kind == .article { return try context.setArticle(typed, field: field, value: value) }
        let id = try context.existing(typed, kinds: CommandCatalog.taggable)
        let before = try context.stored(id)
        let field = field.lowercased()
        let none = ["none", "-"].contains(value.lowercased())
        var created: [Source] = []
        var notices: [StyledLine] = []
        var after: Record
        switch before {
        case .claim(var claim):
            switch field {
            case "span": claim.fragments = try context.fragments(rawValue)
            case "by", "claimant": claim.claimant = none ? nil : try context.source(value, creating: &created, notices: &notices)
            case "via":
                claim.via = []
                if !none {
                    for name in value.split(separator: ",") {
                        claim.via.append(try context.source(String(name), creating: &created, notices: &notices))
                    }
                }
            case "kind": claim.kind = try context.label(value, .claimKind)
            case "verdict": claim.verdict = try context.label(value, .verdict)
            case "check-worthy": claim.checkWorthy = none ? nil : try context.yesNo(value)
            case "cue": claim.cue = none ? nil : try context.cueAnchor(rawValue, of: claim)
            default: throw context.unknownField(field, of: id, ["span", "by", "via", "cue", "kind", "verdict", "check-worthy"])
            }
            after = .claim(claim)
        case .source(var source):
            switch field {
            case "name":
                let name = value.trimmingCharacters(in: .whitespaces)
                if case .found(let other) = context.workspace.session.lookupSource(name), other.id != id,
                   other.allNames.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
                    throw ShellError("\"\(name)\" already names \(other.id); choose another name")
                }
                source.name = name
            case "kind": source.kind = try context.label(value, .sourceKind)
            case "aliases", "alias":
                source.aliases = none ? [] : value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            case "role": source.role = none ? nil : value
            default: throw context.unknownField(field, of: id, ["name", "kind", "aliases", "role"])
            }
            after = .source(source)
        case .mention(var mention):
            switch field {
            case "span": mention.fragments = try context.fragments(rawValue)
            case "source": mention.source = try context.source(value, creating: &created, notices: &notices)
            default: throw context.unknownField(field, of: id, ["span", "source"])
            }
            after = .mention(mention)
        case .stance(var stance):
            switch field {
            case "holder": stance.holder = try context.source(value, creating: &created, notices: &notices)
            case "label": stance.label = try context.label(value, .stanceLabel)
            case "target": stance.target = try StanceCommand.target(value, in: context.workspace.session)
            default: throw context.unknownField(field, of: id, ["holder", "label", "target"])
            }
            // One stance per holder and target, as `stance` and opening a session require.
            if let same = context.workspace.session.stances.values.first(where: { $0.id != stance.id && $0.holder == stance.holder && $0.target == stance.target }) {
                throw ShellError("\(context.sourceName(stance.holder)) already has a stance on \(stance.target) (\(same.id), \(same.label)); change or remove that one instead")
            }
            after = .stance(stance)
        case .proposition(var proposition):
            guard field == "text" else { throw context.unknownField(field, of: id, ["text"]) }
            proposition.text = value
            after = .proposition(proposition)
        case .relation(var relation):
            guard field == "type" else { throw context.unknownField(field, of: id, ["type"]) }
            relation.type = try context.label(value, .relationType)
            after = .relation(relation)
        default:
            throw ShellError("\(id) has no fields to set")
        }
        if case .claim(let claim) = after, let claimant = claim.claimant, claim.via.contains(claimant) {
            throw context.ownRelay(claimant, created: created, fix: "set \(id) via NAME,… with other relays, or set \(id) by NAME")
        }
        after = try context.modify(after) { (_: inout any Annotation) throws(ShellError) in }
        guard after != before else { return [StyledLine("\(id) \(field) is already ") + (context.shownValue(after, field) ?? StyledLine(value))] }
        let edits = created.map { Change.Edit(before: nil, after: .source($0)) } + [Change.Edit(before: before, after: after)]
        try context.commit("set \(id) \(field)", edits)
        let shown = none ? StyledLine("none") : context.shownValue(after, field) ?? StyledLine(value)
        return notices + [StyledLine(id.rawValue, .id) + StyledLine("  \(field) set to ") + shown]
    }
}
