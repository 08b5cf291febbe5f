import ClaimDeskShell
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The interactive shell: banner, prompt, line editing, and the loop that feeds lines to the shell.
struct InteractiveLoop {
    let shell: Shell

    func run(start: StartTarget?, historyPath: String?) {
        TerminalInfo.prepareLocale()
        // Ctrl-C while a command runs must not kill the shell; while editing it is a key.
        signal(SIGINT, SIG_IGN)
        // The width is read again for every answer (ioctl, or COLUMNS), so a resized window counts
        // from the next command on; the shell gets it too, to fit `list` to it.
        let writer = OutputWriter(color: TerminalInfo.wantsColor()) { [shell] in
            let width = TerminalInfo.outputWidth()
            shell.outputWidth = width
            return width
        }
        let editor = LineEditor(historyPath: historyPath)
        editor.complete = { [shell] line, cursor in shell.complete(line: line, cursor: cursor) }

        writer.write([StyledLine("ClaimDesk \(ClaimDesk.version)", .strong)
                      + StyledLine(" — help lists the commands, Tab completes, Ctrl-D quits.", .dim)])
        if let start {
            shell.outputWidth = TerminalInfo.outputWidth()
            show(shell.start(start), writer)
            walkReview(editor, writer)
        } else {
            writer.write(shell.recoverAbandonedSession())
            shell.outputShown()
        }

        var warnedAboutLoss = false
        while true {
            switch editor.readLine(prompt: writer.prompt(shell.prompt)) {
            case .endOfInput:
                if shell.hasUnjournaledChanges && !warnedAboutLoss {
                    warnedAboutLoss = true
                    writer.writeError("changes are neither saved nor journalled; save NAME keeps them, Ctrl-D again quits without them")
                    continue
                }
                print("")
                farewell(writer)
                return
            case .interrupted:
                continue
            case .line(var line):
                // An unclosed quote at Enter: the value goes on on the next line.
                var discarded = false
                continuation: while LineContinuation.needsMore(line) {
                    let prompt = LineContinuation.prompt(under: shell.prompt.description)
                    switch editor.readLine(prompt: writer.prompt(StyledLine(prompt))) {
                    case .line(let more): line += "\n" + more
                    case .interrupted: discarded = true; break continuation
                    case .endOfInput: break continuation
                    }
                }
                if discarded { continue }
                // History is one line per entry: a continued line is remembered with spaces.
                editor.remember(line.replacingOccurrences(of: "\n", with: " "))
                for command in Tokenizer.commands(line) {
                    shell.outputWidth = TerminalInfo.outputWidth()
                    let result = shell.execute(command)
                    show(result, writer)
                    walkReview(editor, writer)
                    if result.quit {
                        if shell.hasUnjournaledChanges && !warnedAboutLoss {
                            warnedAboutLoss = true
                            writer.writeError("changes are neither saved nor journalled; save NAME keeps them, quit again leaves without them")
                            break
                        }
                        farewell(writer)
                        return
                    }
                }
            }
        }
    }

    /// While a review pass is on: single keys decide, and a reason, comment or command is read as a line.
    private func walkReview(_ editor: LineEditor, _ writer: OutputWriter) {
        while let walk = shell.reviewWalk {
            if walk.question != nil {
                switch editor.readLine(prompt: writer.prompt(StyledLine(walk.prompt))) {
                case .line(let text):
                    if walk.question == .command { editor.remember(text) }
                    show(shell.reviewAnswer(text), writer)
                case .interrupted, .endOfInput:
                    show(shell.reviewAnswer(""), writer)
                }
                continue
            }
            FileHandle.standardOutput.write(Data(walk.prompt.utf8))
            guard let key = KeyReader.readKey() else {
                print("")
                show(shell.reviewKey("q"), writer)
                return
            }
            print(key == "\n" ? "" : KeyReader.echo(key))
            show(shell.reviewKey(key), writer)
        }
    }

    private func show(_ result: ShellResult, _ writer: OutputWriter) {
        writer.write(result.lines)
        if let error = result.error { writer.writeError(error.message) }
        shell.outputShown()
    }

    private func farewell(_ writer: OutputWriter) {
        let unsaved = shell.workspace.unsavedChanges
        if unsaved > 0, let location = shell.sessionLocation {
            let how = location.isUnsaved ? "claimdesk started without arguments reopens it" : "open \(location.name) recovers them"
            writer.write([StyledLine("\(unsaved) unsaved change\(unsaved == 1 ? " is" : "s are") kept in the journal; \(how)", .dim)])
        }
    }
}
