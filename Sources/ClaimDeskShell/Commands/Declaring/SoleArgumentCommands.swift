// The shapes most commands take: nothing, or one positional that names a file, a selection or a
// session. A command of such a shape declares its spec and stored property, and the protocol
// decodes the one into the other, so it writes no `init(_:)` of its own.

/// A command that takes nothing after its name; Swift writes its `init()`.
protocol ArgumentlessCommand: ShellCommand {
    init()
}

extension ArgumentlessCommand {
    init(_ arguments: ParsedArguments) { self.init() }
}

/// How a command keeps its one positional: `String` when its spec requires it, `String?` when the
/// argument is optional.
protocol SoleArgumentValue: Sendable {
    static func decode(_ arguments: ParsedArguments) throws(ShellError) -> Self
}

extension String: SoleArgumentValue {
    static func decode(_ arguments: ParsedArguments) throws(ShellError) -> String { try arguments.requiredSoleArgument() }
}

extension Optional: SoleArgumentValue where Wrapped == String {
    static func decode(_ arguments: ParsedArguments) -> String? { arguments.soleArgument }
}

/// A command whose one argument is a file to read or write (`load`, `taxonomy load`, `sources export`).
protocol PathCommand: ShellCommand {
    init(path: String)
}

extension PathCommand {
    init(_ arguments: ParsedArguments) throws(ShellError) { self.init(path: try .decode(arguments)) }
}

/// A command whose one argument is a selection of the active article, kept as typed (`show`, `suggest`).
protocol SelectionCommand: ShellCommand {
    associatedtype Selection: SoleArgumentValue
    init(selection: Selection)
}

extension SelectionCommand {
    init(_ arguments: ParsedArguments) throws(ShellError) { self.init(selection: try .decode(arguments)) }
}

/// A command whose one argument names a saved session or its path (`save`, `diff`).
protocol SessionTargetCommand: ShellCommand {
    associatedtype Target: SoleArgumentValue
    init(target: Target)
}

extension SessionTargetCommand {
    init(_ arguments: ParsedArguments) throws(ShellError) { self.init(target: try .decode(arguments)) }
}
