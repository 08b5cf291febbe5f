import ClaimDeskCore

/// Sorts a command's tokens into positionals and flags according to its spec.
///
/// A flag whose value is a source or free text takes every word up to the
/// next flag, so `claim s3 --by American officials` needs no quotes; other
/// flags take one word.
public enum ArgumentReader {
    /// - Parameters:
    ///   - tokens: the tokens after the command words.
    ///   - commandEnd: where the command words end in `line`, in Characters.
    public static func read(_ tokens: [Token], line: String, commandEnd: Int, spec: CommandSpec) throws(ShellError) -> ParsedArguments {
        var positionalTokens: [Token] = []
        var flags: [String: [[Token]]] = [:]
        var i = 0
        while i < tokens.endIndex {
            let token = tokens[i]
            guard token.isFlag else {
                positionalTokens.append(token)
                i += 1
                continue
            }
            var name = token.raw
            var inlineValue: Token? = nil
            if let eq = name.firstIndex(of: "=") {
                let value = String(name[name.index(after: eq)...])
                inlineValue = Token(value: value, raw: value, range: token.range, quoted: false)
                name = String(name[..<eq])
            }
            guard let flag = spec.flag(name) else {
                let known = spec.flags.map(\.name)
                if known.isEmpty { throw ShellError("\(spec.name.rawValue) takes no flags; usage: \(spec.usage)") }
                let hint = Suggestion.closest(to: name, in: known).map { "did you mean \($0)? " } ?? ""
                throw ShellError("unknown flag \(name) for \(spec.name.rawValue); \(hint)usage: \(spec.usage)")
            }
            if flags[name] != nil, !flag.repeatable {
                throw ShellError("\(name) is given twice; give it once")
            }
            i += 1
            guard flag.takesValue else {
                if inlineValue != nil { throw ShellError("\(name) takes no value") }
                flags[name, default: []].append([])
                continue
            }
            var value: [Token] = []
            if let inlineValue {
                value = [inlineValue]
            } else {
                let greedy = flag.kind == .source || flag.kind == .text
                while i < tokens.endIndex, !tokens[i].isFlag {
                    value.append(tokens[i])
                    i += 1
                    if !greedy { break }
                }
            }
            guard !value.isEmpty else {
                throw ShellError("\(name) needs a value: \(name) \(flag.valueName ?? "VALUE")")
            }
            flags[name, default: []].append(value)
        }

        var positionals: [[Token]] = []
        var next = 0
        let required = spec.arguments.filter { !$0.optional }.count
        // Optional arguments are filled from the left only with words the required ones leave over.
        var spare = positionalTokens.count - required
        for (index, argument) in spec.arguments.enumerated() {
            let remaining = positionalTokens.count - next
            if argument.rest {
                // A rest argument leaves one word for each required argument after it.
                let after = spec.arguments[(index + 1)...].filter { !$0.optional }.count
                let take = max(0, remaining - after)
                positionals.append(Array(positionalTokens[next..<next + take]))
                next += take
            } else if remaining > 0 && (!argument.optional || spare > 0) {
                positionals.append([positionalTokens[next]])
                next += 1
                if argument.optional { spare -= 1 }
            } else {
                positionals.append([])
            }
            if positionals.last?.isEmpty ?? true, !argument.optional {
                throw ShellError("\(spec.name.rawValue) needs \(argument.name); usage: \(spec.usage)")
            }
        }
        if next < positionalTokens.count {
            let extra = positionalTokens[next...].map(\.raw).joined(separator: " ")
            throw ShellError("too many arguments to \(spec.name.rawValue) (\(extra)); usage: \(spec.usage)")
        }

        let chars = Array(line)
        let rest = commandEnd < chars.count ? String(chars[commandEnd...]).trimmingCharacters(in: .whitespaces) : ""
        return ParsedArguments(spec: spec, positionals: positionals, flags: flags, restOfLine: rest)
    }
}

import Foundation
