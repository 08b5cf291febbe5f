import ClaimDeskCore

/// What kind of value an argument takes: drives parsing, completion and help.
public enum ArgumentKind: Equatable, Sendable {
    /// A span of the active article (`s3`, `"words"`, `@10-20`, an id).
    case selection
    /// A source by name, alias, unique prefix or id.
    case source
    /// An id of one of these kinds.
    case id([AnnotationKind])
    /// A label from the session's taxonomy.
    case label(Taxonomy.Facet)
    case path
    case sessionName
    case command
    case tag
    /// Free text.
    case text
    /// One of a fixed set of words.
    case choice([String])
    case number
}

/// A positional argument.
public struct ArgumentSpec: Equatable, Sendable {
    public var name: String
    /// Tells apart two arguments shown with the same name (`link ID RELATION ID`); never shown.
    public var key: String
    public var kind: ArgumentKind
    public var optional: Bool
    /// Takes every remaining word (joined by spaces, or as a list for repeated values).
    public var rest: Bool

    public init(_ name: String, _ kind: ArgumentKind, optional: Bool = false, rest: Bool = false, key: String? = nil) {
        self.name = name
        self.key = key ?? name
        self.kind = kind
        self.optional = optional
        self.rest = rest
    }
}

/// A `--flag`, with or without a value.
public struct FlagSpec: Equatable, Sendable {
    public var name: String
    public var valueName: String?
    public var kind: ArgumentKind
    public var repeatable: Bool
    public var summary: String

    public init(_ name: String, value valueName: String? = nil, _ kind: ArgumentKind = .text, repeatable: Bool = false,
                _ summary: String) {
        self.name = name
        self.valueName = valueName
        self.kind = kind
        self.repeatable = repeatable
        self.summary = summary
    }

    public var takesValue: Bool { valueName != nil }
}

/// A shell command: its words, usage, help text, arguments and flags.
///
/// Each command type declares one (``ShellCommand/spec``); together they drive parsing, `help`,
/// completion, the manual page and the check that `docs/commands.md` documents every command.
public struct CommandSpec: Equatable, Sendable {
    public var name: CommandName
    public var group: String
    public var summary: String
    public var usage: String
    public var example: String
    public var details: [String]
    public var arguments: [ArgumentSpec]
    public var flags: [FlagSpec]
    /// Reads the rest of the line as typed (`find`), so a stray quote in it is text, not an error.
    public var readsWholeLine = false

    /// The words a user types: `claim`, `source add`.
    public var words: [String] { name.rawValue.split(separator: " ").map(String.init) }

    public func flag(_ name: String) -> FlagSpec? { flags.first { $0.name == name } }
}

/// A command's name as typed: one word (`claim`) or two (`source add`).
///
/// The set of names is the set of command types in ``CommandCatalog/commands``; there is no
/// separate list to keep in step.
public struct CommandName: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public var description: String { rawValue }
}
