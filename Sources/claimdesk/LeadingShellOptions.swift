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
        var options: [String] = [], names: [String] = []
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            if let equals = argument.firstIndex(of: "="), movable.contains(String(argument[..<equals])) {
                options.append(argument)
                names.append(String(argument[..<equals]))
                i += 1
            } else if movable.contains(argument), i + 1 < arguments.count {
                options += [argument, arguments[i + 1]]
                names.append(argument)
                i += 2
            } else {
                break
            }
        }
        guard !options.isEmpty, i < arguments.count, isSubcommand(arguments[i]) else { return nil }
        return Reordered(arguments: [arguments[i]] + arguments[(i + 1)...] + options, optionNames: names)
    }
}
