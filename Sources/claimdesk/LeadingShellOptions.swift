/// `claimdesk --store URL pull harbor` read as `claimdesk pull harbor --store URL`.
///
/// `--store`, `--sessions` and `--analyst` are the shell's options, and analysts used to
/// `git -C DIR status` put them first for a subcommand too; the parser then took the
/// subcommand's name for a session to open (`claimdesk --store URL index` looked for a session
/// named "index"). Options written before a subcommand's name are moved after it, where the
/// subcommand's own parser accepts them or says which one it does not take.
enum LeadingShellOptions {
    /// The shell's options that take a value and that some subcommands take too.
    static let movable: Set<String> = ["--store", "--sessions", "--analyst"]

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
    static func subcommandFirst(_ arguments: [String], isSubcommand: (String) -> Bool) -> Reordered? {
        let leading = leadingOptions(arguments)
        let i = leading.end
        guard !leading.options.isEmpty, i < arguments.count, isSubcommand(arguments[i]) else { return nil }
        let options = arguments[..<i]
        return Reordered(arguments: [arguments[i]] + arguments[(i + 1)...] + options, optionNames: leading.options.map(\.name))
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
    static func shellStart(_ arguments: [String], isSubcommand: (String) -> Bool) -> ShellStart? {
        let leading = leadingOptions(arguments)
        let rest = arguments[leading.end...]
        guard rest.count <= 1, Set(leading.options.map(\.name)).count == leading.options.count else { return nil }
        var start = ShellStart(target: rest.first)
        if let target = start.target, target.hasPrefix("-") || isSubcommand(target) { return nil }
        for option in leading.options {
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

    /// The movable options at the start of `arguments` (as `--name value` or `--name=value`) and
    /// the index of the first argument after them.
    private static func leadingOptions(_ arguments: [String]) -> (options: [(name: String, value: String)], end: Int) {
        var options: [(name: String, value: String)] = []
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            if let equals = argument.firstIndex(of: "="), movable.contains(String(argument[..<equals])) {
                options.append((String(argument[..<equals]), String(argument[argument.index(after: equals)...])))
                i += 1
            } else if movable.contains(argument), i + 1 < arguments.count {
                options.append((argument, arguments[i + 1]))
                i += 2
            } else {
                break
            }
        }
        return (options, i)
    }
}
