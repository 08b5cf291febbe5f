/// The `claimdesk(1)` manual page, in roff, built from the same command table as `help`.
///
/// Generated rather than written by hand so that it cannot drift from the shell: every command in
/// ``CommandCatalog/all`` appears with its usage, summary, details, flags and example. Pure: the
/// executable's `claimdesk manual` prints the text, and `docs/claimdesk.1` is its committed output.
public enum ManualPage {
    /// One option of `claimdesk` itself (not a shell command), as the manual lists it.
    struct Option {
        var label: String
        var text: String
    }

    /// The options of `claimdesk [FILE|SESSION]`; keep in step with the executable's `ShellCommand`.
    static let options: [Option] = [
        Option(label: "-c COMMANDS", text: "Run these shell commands (separated by ;), then exit."),
        Option(label: "--script FILE", text: "Run the shell commands in FILE, then exit."),
        Option(label: "--bail", text: "In batch mode, stop at the first command that fails."),
        Option(label: "--analyst NAME", text: "Who is annotating (default: $CLAIMDESK_ANALYST, else $USER)."),
        Option(label: "--sessions FOLDER", text: "The folder for sessions (default: $CLAIMDESK_SESSIONS, else ./sessions)."),
        Option(label: "--store URL", text: "Keep sessions in a team store, a PostgreSQL database (postgresql://USER@HOST/DATABASE; default: $CLAIMDESK_STORE)."),
        Option(label: "-h, --help", text: "Show the options; claimdesk help SUBCOMMAND shows a subcommand's."),
        Option(label: "--version", text: "Show the version."),
    ]

    /// Subcommands that work without the shell, with what each does.
    static let subcommands: [Option] = [
        Option(label: "segment", text: "Split an article into sentences, as the shell numbers them."),
        Option(label: "suggest", text: "Suggest attributions (content, source, cue, chain) in an article, as text or JSON lines."),
        Option(label: "reanchor", text: "Re-anchor W3C Web Annotations onto a new version of a text."),
        Option(label: "export", text: "Export a session to W3C Web Annotation, ClaimReview, brat, CSV, Markdown or HTML."),
        Option(label: "extract", text: "Print the article text and metadata ClaimDesk finds in a web page."),
        Option(label: "diff", text: "Compare two sessions of the same articles, annotation by annotation."),
        Option(label: "agree", text: "Measure agreement between analysts' sessions of the same articles."),
        Option(label: "merge", text: "Merge analysts' sessions of the same articles into one, marking each disagreement as a conflict."),
        Option(label: "merge-driver", text: "Merge two edits of one session file against their common ancestor (a git merge driver)."),
        Option(label: "push", text: "Send a session from the sessions folder to the team store."),
        Option(label: "pull", text: "Copy a session from the team store into the sessions folder."),
        Option(label: "manual", text: "Print this manual page (roff) to standard output."),
    ]

    static let environment: [Option] = [
        Option(label: "CLAIMDESK_ANALYST", text: "The analyst recorded as author of new annotations."),
        Option(label: "CLAIMDESK_SESSIONS", text: "The folder for sessions."),
        Option(label: "CLAIMDESK_STORE", text: "The team store (a PostgreSQL URL) that keeps sessions instead of the folder; empty for none."),
        Option(label: "CLAIMDESK_HISTORY",
               text: "The shell's history file (default: ${XDG_STATE_HOME:-~/.local/state}/claimdesk/history); empty for none."),
        Option(label: "NO_COLOR", text: "When set, output has no colours."),
        Option(label: "COLUMNS", text: "In a terminal, the width answers are wrapped to (default: the window's width). Pipes and scripts are never wrapped."),
    ]

    /// The whole page.
    public static func roff() -> String {
        var page: [String] = [
            ".TH CLAIMDESK 1 \"\" \"ClaimDesk\" \"User Commands\"",
            // Left-aligned: commands and examples read better without stretched spaces.
            ".ad l",
            ".SH NAME",
            "claimdesk \\- " + escape("an annotation workbench for news claims, sources and stances"),
            ".SH SYNOPSIS",
            ".B claimdesk",
            escape("[FILE|SESSION] [-c COMMANDS | --script FILE] [--bail] [--analyst NAME] [--sessions FOLDER] [--store URL]"),
            ".br",
            ".B claimdesk",
            escape("SUBCOMMAND [OPTIONS]"),
            ".SH DESCRIPTION",
            escape("Opens the ClaimDesk shell, where an analyst loads a news article, marks the claims it carries, "
                + "the sources that make or relay them and the stances actors take, and saves the work as a session. "
                + "FILE is an article to load (.txt or .md); SESSION is a session to open (NAME or PATH.json)."),
            ".PP",
            escape("With a terminal on standard input this is the interactive shell. Otherwise, or with --script or -c, "
                + "commands are read without prompts, errors are reported as FILE:LINE: error: ..., and the exit status "
                + "is 1 when any command failed."),
            ".SH OPTIONS",
        ]
        page += list(options, bold: true)
        page += [".SH SUBCOMMANDS"]
        page += list(subcommands, bold: true)
        page += [".SH SHELL COMMANDS", escape("Inside the shell, help lists these and help COMMAND shows one.")]
        var group = ""
        for spec in CommandCatalog.all {
            if spec.group != group {
                group = spec.group
                page.append(".SS " + escape(group))
            }
            page += command(spec)
        }
        page += [
            ".SS Selections",
            escape("Where a command takes SEL: s12 (a sentence), s12-s14, p3 (a paragraph), \"words\", \"words\"#2, "
                + "s12:\"words\", s12:\"first words\"..\"last words\", f2 (a hit of the last find; f2+ its clause, f2++ its sentence), "
                + "@120-180 (code point offsets, end exclusive) or an annotation id."),
            ".SH ENVIRONMENT",
        ]
        page += list(environment, bold: false)
        page += [
            ".SH EXAMPLES",
            ".nf",
            escape("claimdesk docs/examples/harbor-talks.txt"),
            escape("claimdesk harbor -c 'list claims; export html review.html'"),
            escape("claimdesk manual > /usr/local/share/man/man1/claimdesk.1"),
            ".fi",
        ]
        return page.joined(separator: "\n") + "\n"
    }

    /// One shell command: its usage as the tag, then summary, details, flags and example.
    static func command(_ spec: CommandSpec) -> [String] {
        var lines = [".TP", bold(spec.usage), escape(spec.summary + ".")]
        // `help` breaks details to fit its lines; here they are one paragraph that roff fills.
        if !spec.details.isEmpty { lines += [".br", escape(spec.details.joined(separator: " "))] }
        for flag in spec.flags {
            let label = flag.name + (flag.valueName.map { " " + $0 } ?? "")
            lines += [".br", bold(label) + "  " + escape(flag.summary + (flag.repeatable ? " (may repeat)" : ""))]
        }
        lines += [".br", "Example: " + bold(spec.example)]
        return lines
    }

    static func list(_ items: [Option], bold: Bool) -> [String] {
        items.flatMap { [".TP", bold ? Self.bold($0.label) : escape($0.label), escape($0.text)] }
    }

    /// Bold text inline (not `.B`, which would read quotes in the text as argument quoting).
    static func bold(_ text: String) -> String {
        "\\fB" + escape(text) + "\\fR"
    }

    /// Four or more upper-case hex digits, as roff's `\[uXXXX]` wants them.
    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Text as roff reads it literally: backslashes and hyphens escaped, no line taken for a request.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\e"
            case "-": out += "\\-"
            case "\n": out += " "
            case _ where scalar.value > 0x7F: out += "\\[u" + hex(scalar.value) + "]"
            default: out.unicodeScalars.append(scalar)
            }
        }
        if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
        return out
    }
}
