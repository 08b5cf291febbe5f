import ClaimDeskCore

/// The words of `help`: every command on one line, or one command in full.
public enum HelpText {
    public static func overview() -> [StyledLine] {
        var lines: [StyledLine] = []
        let width = CommandCatalog.all.map { $0.name.rawValue.count }.max() ?? 10
        var group = ""
        for spec in CommandCatalog.all {
            if spec.group != group {
                if !group.isEmpty { lines.append("") }
                group = spec.group
                lines.append(StyledLine(group, .heading))
            }
            let padded = spec.name.rawValue.padding(toLength: width + 2, withPad: " ", startingAt: 0)
            lines.append(StyledLine("  ") + StyledLine(padded, .strong) + StyledLine(spec.summary))
        }
        lines.append("")
        lines.append("help COMMAND shows its usage and an example. Selections: s12 s12-s14 p3 \"words\" \"words\"#2 s12:\"words\" \"first\"..\"last\" f2 f2+ @120-180 or an id.")
        return lines
    }

    public static func command(_ topic: String) throws(ShellError) -> [StyledLine] {
        let words = topic.lowercased().split(separator: " ").map(String.init)
        let tokens = words.enumerated().map { Token(value: $0.element, raw: $0.element, range: $0.offset..<$0.offset + 1, quoted: false) }
        guard let (spec, _) = CommandCatalog.match(tokens) else {
            let names = CommandCatalog.all.map(\.name.rawValue)
            let hint = Suggestion.closest(to: topic, in: names).map { "; did you mean \($0)?" } ?? ""
            throw ShellError("no command \(topic)\(hint) (help lists every command)")
        }
        var lines: [StyledLine] = [StyledLine("usage: ", .dim) + StyledLine(spec.usage, .strong), StyledLine(spec.summary)]
        for detail in spec.details { lines.append(StyledLine(detail)) }
        if !spec.flags.isEmpty {
            let width = spec.flags.map { flagLabel($0).count }.max() ?? 0
            lines.append("")
            for flag in spec.flags {
                lines.append(StyledLine("  " + flagLabel(flag).padding(toLength: width + 2, withPad: " ", startingAt: 0))
                             + StyledLine(flag.summary + (flag.repeatable ? " (may repeat)" : "")))
            }
        }
        lines.append("")
        lines.append(StyledLine("example: ", .dim) + StyledLine(spec.example))
        return lines
    }

    private static func flagLabel(_ flag: FlagSpec) -> String {
        flag.name + (flag.valueName.map { " " + $0 } ?? "")
    }
}

import Foundation
