/// `claimdesk --store URL pull harbor` read as `claimdesk pull harbor --store URL`.
///
/// `--store`, `--sessions` and `--analyst` are the shell's options, and analysts used to
/// `git -C DIR status` put them first for a subcommand too; the parser then took the
/// subcommand's name for a session to open (`claimdesk --store URL index` looked for a session
/// named "index"). Options written before a subcommand's name are moved after it, where the
/// subcommand's own parser accepts them or says which one it does not take.
///
/// The arguments are read once, for both questions ``subcommandFirst(isSubcommand:)`` and
/// ``shellStart(isSubcommand:)`` ask of them.
struct LeadingShellOptions {
    /// The shell's options that take a value and that some subcommands take too.
    static let movable: Set<String> = ["--store", "--sessions", "--analyst"]

    let arguments: [String]
    /// The movable options at the start (as `--name value` or `--name=value`).
    let options: [(name: String, value: String)]
    /// The index of the first argument after them.
    let end: Int

    init(_ arguments: [String]) {
        var options: [(name: String, value: String)] = []
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            if let equals = argument.firstIndex(of: "="), Self.movable.contains(String(argument[..<equals])) {
                options.append((String(argument[..<equals]), String(argument[argument.index(after: equals)...])))
                i += 1
            } else if Self.movable.contains(argument), i + 1 < arguments.count {
                options.append((argument, arguments[i + 1]))
                i += 2
            } else {
                break
            }
        }
        (self.arguments, self.options, end) = (arguments, options, i)
    }

    /// The arguments with the subcommand's name first: what to parse, and the names of the
    /// options that were moved (to check that the subcommand takes them).
    struct Reordered {
        var arguments: [String]
        var optionNames: [String]
        var subcommand: String { arguments[0] }
    }

    /// `arguments` with the leading movable options put after the subcommand they precede, or
    /// nil when the arguments do not start with such options followed by a subcommand's name.
    /// `isSubcommand` is asked only about the first argument after the options.
    func subcommandFirst(isSubcommand: (String) -> Bool) -> Reordered? {
        guard !options.isEmpty, end < arguments.count, isSubcommand(arguments[end]) else { return nil }
        return Reordered(arguments: [arguments[end]] + arguments[(end + 1)...] + arguments[..<end], optionNames: options.map(\.name))
    }

    /// The shell started with nothing but these options and at most one article or session:
    /// `claimdesk --sessions DIR harbor`.
    struct ShellStart: Equatable {
        var target: String?
        var analyst: String?
        var sessions: String?
        var store: String?
    }

    /// The shell's start read from `arguments` without the argument parser, when they are only
    /// leading movable options, each given once with a value that is not an option, and at most
    /// one target that is not an option and not a subcommand's name; nil for anything else, which
    /// the parser reads (and explains when it is a mistake). Parsing the shell's options took
    /// about 2 ms of opening a session with `--sessions`, more than a fifth of opening one of
    /// 1,000 annotations.
    func shellStart(isSubcommand: (String) -> Bool) -> ShellStart? {
        let rest = arguments[end...]
        guard rest.count <= 1, Set(options.map(\.name)).count == options.count else { return nil }
        var start = ShellStart(target: rest.first)
        if let target = start.target, target.hasPrefix("-") || isSubcommand(target) { return nil }
        for option in options {
            guard !option.value.isEmpty, !option.value.hasPrefix("-") else { return nil }
            switch option.name {
            case "--analyst": start.analyst = option.value
            case "--sessions": start.sessions = option.value
            case "--store": start.store = option.value
            default: return nil
            }
        }
        return start
    }
}
