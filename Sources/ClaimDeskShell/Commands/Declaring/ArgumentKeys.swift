import ClaimDeskCore

/// A flag as a command declares it: the key it reads its value back through.
///
/// A command keeps its flags as static keys (`static let by = ValueFlag("--by", …)`) and lists them in
/// its spec, so that a misspelt flag is a compile error rather than a silent nil at run time.
public protocol FlagKey: Sendable {
    var spec: FlagSpec { get }
}

/// A flag given at most once with a value: read back as `String?` (the words after it, or the
/// selection as typed when its kind is ``ArgumentKind/selection``).
public struct ValueFlag: FlagKey {
    public let spec: FlagSpec

    public init(_ name: String, value valueName: String, _ kind: ArgumentKind = .text, _ summary: String) {
        spec = FlagSpec(name, value: valueName, kind, summary)
    }
}

/// A flag that may be given several times, each with a value: read back as `[String]`, in order.
public struct RepeatedFlag: FlagKey {
    public let spec: FlagSpec

    public init(_ name: String, value valueName: String, _ kind: ArgumentKind = .text, _ summary: String) {
        spec = FlagSpec(name, value: valueName, kind, repeatable: true, summary)
    }
}

/// A flag without a value: read back as `Bool`.
public struct SwitchFlag: FlagKey {
    public let spec: FlagSpec

    public init(_ name: String, _ summary: String) {
        spec = FlagSpec(name, .text, summary)
    }
}

/// A positional argument as a command declares it; its place is its place in the spec's list.
public struct Positional: Sendable {
    public let spec: ArgumentSpec

    /// - Parameter key: tells apart two arguments shown with the same name (`link ID RELATION ID`).
    public init(_ name: String, _ kind: ArgumentKind, optional: Bool = false, rest: Bool = false, key: String? = nil) {
        spec = ArgumentSpec(name, kind, optional: optional, rest: rest, key: key)
    }
}

extension CommandSpec {
    /// A spec from a command's declared keys.
    ///
    /// - Parameters:
    ///   - usage: the command's name when left out, as for a command without arguments.
    ///   - example: the usage when left out.
    public init(_ name: CommandName, group: String, summary: String, usage: String? = nil, example: String? = nil,
                details: [String] = [], arguments: [Positional] = [], flags: [any FlagKey] = [], readsWholeLine: Bool = false) {
        let usage = usage ?? name.rawValue
        self.init(name: name, group: group, summary: summary, usage: usage, example: example ?? usage, details: details,
                  arguments: arguments.map(\.spec), flags: flags.map(\.spec), readsWholeLine: readsWholeLine)
    }
}
