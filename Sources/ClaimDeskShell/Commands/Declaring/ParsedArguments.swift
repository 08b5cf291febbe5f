/// A command's arguments sorted into positionals and flags by ``ArgumentReader``, read back only
/// through the keys the command declares (``Positional``, ``ValueFlag``, ``RepeatedFlag``, ``SwitchFlag``).
public struct ParsedArguments: Sendable {
    /// The spec the tokens were sorted by.
    public let spec: CommandSpec
    /// Tokens for each positional argument of the spec, in order (empty when an optional one is absent).
    let positionals: [[Token]]
    /// For each flag, the tokens of each time it was given.
    let flags: [String: [[Token]]]
    /// The line after the command words, exactly as typed.
    public let restOfLine: String

    private func tokens(_ argument: Positional) -> [Token] {
        guard let index = spec.arguments.firstIndex(of: argument.spec), index < positionals.count else { return [] }
        return positionals[index]
    }

    /// A positional's words joined by spaces, or nil when absent.
    public func text(_ argument: Positional) -> String? {
        let tokens = tokens(argument)
        return tokens.isEmpty ? nil : tokens.map(\.value).joined(separator: " ")
    }

    /// A positional's words as typed (quotes included), joined by spaces, or nil when absent.
    public func raw(_ argument: Positional) -> String? {
        let tokens = tokens(argument)
        return tokens.isEmpty ? nil : tokens.map(\.raw).joined(separator: " ")
    }

    /// A positional's words one by one.
    public func words(_ argument: Positional) -> [String] {
        tokens(argument).map(\.value)
    }

    /// The spec's one positional as a command keeps it: as typed (quotes included) for a selection,
    /// which the resolver reads, and its words joined by spaces otherwise; nil when absent.
    public var soleArgument: String? {
        guard let argument = spec.arguments.first, let tokens = positionals.first, !tokens.isEmpty else { return nil }
        return tokens.map { argument.kind == .selection ? $0.raw : $0.value }.joined(separator: " ")
    }

    /// A positional the spec requires. ``ArgumentReader`` refuses a line without it, so this error
    /// is a guard that keeps a mismatch between spec and command from ever trapping.
    public func required(_ argument: Positional) throws(ShellError) -> String {
        guard let value = text(argument) else { throw missing(argument) }
        return value
    }

    /// A required positional as typed (quotes included).
    public func requiredRaw(_ argument: Positional) throws(ShellError) -> String {
        guard let value = raw(argument) else { throw missing(argument) }
        return value
    }

    /// The spec's one positional, which it requires (see ``soleArgument``).
    public func requiredSoleArgument() throws(ShellError) -> String {
        guard let value = soleArgument else { throw missing(spec.arguments.first?.name ?? "an argument") }
        return value
    }

    private func missing(_ argument: Positional) -> ShellError { missing(argument.spec.name) }

    private func missing(_ name: String) -> ShellError {
        ShellError("\(spec.name) needs \(name); usage: \(spec.usage)")
    }

    /// Each value given for a flag: its words joined by spaces, or as typed for a selection.
    private func values(_ flag: FlagSpec) -> [String] {
        (flags[flag.name] ?? []).map { tokens in
            tokens.map { flag.kind == .selection ? $0.raw : $0.value }.joined(separator: " ")
        }
    }

    /// The value of a flag given once, or nil.
    public subscript(_ flag: ValueFlag) -> String? { values(flag.spec).last }

    /// Every value of a repeatable flag, in the order given.
    public subscript(_ flag: RepeatedFlag) -> [String] { values(flag.spec) }

    /// Whether a switch was given.
    public subscript(_ flag: SwitchFlag) -> Bool { flags[flag.spec.name] != nil }

    /// Whether a flag of any kind was given.
    public func isGiven(_ flag: any FlagKey) -> Bool { flags[flag.spec.name] != nil }
}
