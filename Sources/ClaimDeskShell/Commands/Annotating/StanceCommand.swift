import ClaimDeskCore
import Foundation

/// `stance HOLDER LABEL TARGET [--evidence SEL]...`: a source's stance towards a proposition or a claim.
struct StanceCommand: ShellCommand {
    static let holder = Positional("HOLDER", .source, rest: true)
    static let label = Positional("LABEL", .label(.stanceLabel))
    static let target = Positional("TARGET", .id([.proposition, .claim]))
    static let evidence = RepeatedFlag("--evidence", value: "SEL", .selection, "a span that shows the stance")

    static let spec = CommandSpec(
        "stance", group: CommandGroup.annotating,
        summary: "Record a source's stance towards a proposition or a claim",
        usage: "stance HOLDER LABEL TARGET [--evidence SEL]...", example: "stance Marsh favor pr1 --evidence s3",
        details: ["TARGET is a proposition (pr1) or a claim (c2)."],
        arguments: [holder, label, target], flags: [evidence])

    var holder: String
    var label: String
    var target: String
    /// Each `--evidence` selection as typed.
    var evidence: [String]

    init(_ arguments: ParsedArguments) throws(ShellError) {
        holder = try arguments.required(Self.holder)
        label = try arguments.required(Self.label)
        target = try arguments.required(Self.target)
        evidence = arguments[Self.evidence]
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let labelValue = try context.label(label, .stanceLabel)
        let target = try Self.target(target, in: context.workspace.session)
        var evidence: [Anchor] = []
        // Fragments given as one --evidence are pieces of evidence of their own.
        for raw in self.evidence { evidence += try context.fragments(raw) }
        var created: [Source] = []
        var notices: [StyledLine] = []
        let holder = try context.source(holder, creating: &created, notices: &notices)
        let session = context.workspace.session
        if let same = session.stances.values.first(where: { $0.holder == holder && $0.target == target }) {
            throw ShellError("\(context.sourceName(holder)) already has a stance on \(target) (\(same.id), \(same.label)); change it with set \(same.id) label L")
        }
        let stance = Stance(id: session.nextID(.stance), holder: holder, label: labelValue, target: target,
                            evidence: evidence, author: context.workspace.analyst, created: context.workspace.now)
        let edits = created.map { Change.Edit(before: nil, after: .source($0)) } + [Change.Edit(before: nil, after: .stance(stance))]
        try context.commit("stance \(stance.id)", edits)
        return notices + [StyledLine(stance.id.rawValue, .id)
                          + StyledLine("  \(context.sourceName(holder)) ") + StyledLine(labelValue, .label)
                          + StyledLine(" \(target): \(context.targetText(target))")]
    }

    /// A proposition or claim id that exists, or a proposition by its exact text.
    static func target(_ typed: String, in session: Session) throws(ShellError) -> AnnotationID {
        let id = AnnotationID(typed)
        switch id.kind {
        case let kind? where kind == .proposition || kind == .claim:
            guard session.record(id) != nil else {
                throw ShellError("no \(kind.rawValue) \(id); list \(kind.plural) shows them")
            }
            return id
        default:
            if let match = session.propositions.values.first(where: { $0.text.caseInsensitiveCompare(typed) == .orderedSame }) {
                return match.id
            }
            throw ShellError("a stance target is a proposition or a claim id (pr1, c2), not \(typed); add one with proposition add TEXT")
        }
    }
}
