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

    /// `arguments` with the leading movable options put after the subcommand they precede, or
    /// nil when the arguments do not start with such options followed by a subcommand's name.
    /// `isSubcommand` is asked only about the first argument after the options.
    static func subcommandFirst(_ arguments: [String], isSubcommand: (String) -> Bool) -> [String]? {
        var options: [String] = []
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            if let equals = argument.firstIndex(of: "="), movable.contains(String(argument[..<equals])) {
                options.append(argument)
                i += 1
            } else if movable.contains(argument), i + 1 < arguments.count {
                options += [argument, arguments[i + 1]]
                i += 2
            } else {
                break
            }
        }
        guard !options.isEmpty, i < arguments.count, isSubcommand(arguments[i]) else { return nil }
        return [arguments[i]] + arguments[(i + 1)...] + options
    }

    /// The movable options' names among the arguments before the first one that is not such an option.
    static func names(in arguments: [String]) -> [String] {
        var names: [String] = []
        var i = 0
        while i < arguments.count {
            let name = arguments[i].split(separator: "=", maxSplits: 1).first.map(String.init) ?? arguments[i]
            guard movable.contains(name) else { break }
            names.append(name)
            i += arguments[i].contains("=") ? 1 : 2
        }
        return names
    }
}
