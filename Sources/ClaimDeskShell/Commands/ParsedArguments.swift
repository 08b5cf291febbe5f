/// A command's arguments sorted into positionals and flags, still as tokens.
public struct ParsedArguments: Sendable {
    /// Tokens for each positional argument of the spec, in order (empty when an optional one is absent).
    public var positionals: [[Token]]
    /// For each flag, the tokens of each time it was given.
    public var flags: [String: [[Token]]]
    /// The line after the command words, exactly as typed.
    public var restOfLine: String

    /// A positional's words joined by spaces, or nil when absent.
    public func text(_ index: Int) -> String? {
        guard index < positionals.count, !positionals[index].isEmpty else { return nil }
        return positionals[index].map(\.value).joined(separator: " ")
    }

    /// A positional's words as typed (quotes included), joined by spaces.
    public func raw(_ index: Int) -> String? {
        guard index < positionals.count, !positionals[index].isEmpty else { return nil }
        return positionals[index].map(\.raw).joined(separator: " ")
    }

    /// A positional the spec requires. ``ArgumentReader`` refuses a line without it, so this error
    /// is a guard that keeps a mismatch between spec and command from ever trapping.
    public func required(_ index: Int) throws(ShellError) -> String {
        guard let value = text(index) else { throw ShellError("argument \(index + 1) is missing; help COMMAND shows the usage") }
        return value
    }

    /// A required positional as typed (quotes included).
    public func requiredRaw(_ index: Int) throws(ShellError) -> String {
        guard let value = raw(index) else { throw ShellError("argument \(index + 1) is missing; help COMMAND shows the usage") }
        return value
    }

    /// A positional's words one by one.
    public func words(_ index: Int) -> [String] {
        index < positionals.count ? positionals[index].map(\.value) : []
    }

    /// Each value given for a flag, words joined by spaces.
    public func values(_ flag: String) -> [String] {
        (flags[flag] ?? []).map { $0.map(\.value).joined(separator: " ") }
    }

    /// Each value given for a flag, as typed.
    public func rawValues(_ flag: String) -> [String] {
        (flags[flag] ?? []).map { $0.map(\.raw).joined(separator: " ") }
    }

    public func value(_ flag: String) -> String? { values(flag).last }

    public func has(_ flag: String) -> Bool { flags[flag] != nil }
}
