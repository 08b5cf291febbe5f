/// A shell command as a type: what it is called and takes (its ``spec``), its arguments decoded
/// into stored properties, and what it does.
///
/// As with swift-argument-parser's `ParsableCommand`, the declaration is the single source:
/// parsing, `help`, completion, the manual page and the check on `docs/commands.md` all read
/// ``spec``; a command reads its flags back through the typed keys it declares, never by a string.
/// ``run(in:)`` changes the session only through the context and answers with lines or one error.
public protocol ShellCommand: Sendable {
    /// The command's words, group, usage, help text, positionals and flags.
    static var spec: CommandSpec { get }

    /// Decodes the arguments ``ArgumentReader`` sorted by ``spec``; a value the command cannot
    /// take is an error here or in ``run(in:)``, whichever the command has always reported first.
    init(_ arguments: ParsedArguments) throws(ShellError)

    /// Does the command's work on the context's session.
    func run(in context: CommandContext) throws(ShellError) -> [StyledLine]
}
