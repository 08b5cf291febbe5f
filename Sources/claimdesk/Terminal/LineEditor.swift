import CEditLine
import ClaimDeskShell
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The interactive line editor: libedit with UTF-8, history, Tab completion and Ctrl-C.
///
/// libedit calls back into C function pointers that cannot capture Swift
/// state; they find this object again through libedit's client-data slot.
final class LineEditor {
    /// What one read gave.
    enum Input: Equatable {
        case line(String)
        /// Ctrl-C: the line was discarded.
        case interrupted
        /// Ctrl-D on an empty line, or the terminal went away.
        case endOfInput
    }

    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyPath: String?
    private var promptText: UnsafeMutablePointer<CChar>?
    fileprivate var interrupted = false
    /// Completes the line; set by the owner.
    var complete: (String, Int) -> Completion = { _, cursor in Completion(start: cursor, word: "", candidates: []) }

    /// Marks the start and end of invisible characters (colour escapes) in the prompt.
    static let promptEscape: CChar = 1

    init(historyPath: String?) {
        self.historyPath = historyPath
        editLine = el_init("claimdesk", claimdesk_stdin(), claimdesk_stdout(), claimdesk_stderr())
        history = history_init()
        claimdesk_history_set_size(history, 2000)
        claimdesk_history_set_unique(history, 1)
        if let historyPath { claimdesk_history_load(history, historyPath) }

        claimdesk_el_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
        claimdesk_el_set_editor(editLine, "emacs")
        claimdesk_el_set_signal(editLine, 1)
        claimdesk_el_set_history(editLine, history)
        claimdesk_el_set_prompt(editLine, { el in
            guard let el, let data = claimdesk_el_get_client_data(el) else { return nil }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().promptText
        }, Self.promptEscape)

        claimdesk_el_add_function(editLine, "claimdesk-complete", "Complete the word before the cursor") { el, _ in
            guard let el, let data = claimdesk_el_get_client_data(el) else { return UInt8(CC_ERROR) }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().completeAtCursor()
        }
        claimdesk_el_bind(editLine, "^I", "claimdesk-complete")

        // Ctrl-C is read as a key while editing (the terminal's INTR signal is off in
        // edit mode), so it can discard the line without leaving libedit mid-read.
        claimdesk_el_setty_no_signals_while_editing(editLine)
        claimdesk_el_add_function(editLine, "claimdesk-interrupt", "Discard the line") { el, _ in
            guard let el, let data = claimdesk_el_get_client_data(el) else { return UInt8(CC_ERROR) }
            let editor = Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
            editor.interrupted = true
            // Show "^C" at the end of the line, then let libedit's own Enter finish it, so the
            // screen is left exactly as after any other line.
            if let info = el_line(el) {
                let toEnd = info.pointee.lastchar - info.pointee.cursor
                if toEnd > 0 { el_cursor(el, Int32(toEnd)) }
            }
            el_insertstr(el, "^C")
            el_push(el, "\n")
            return UInt8(CC_REFRESH)
        }
        claimdesk_el_bind(editLine, "^C", "claimdesk-interrupt")
    }

    deinit {
        el_end(editLine)
        history_end(history)
        free(promptText)
    }

    /// Reads one line after showing `prompt` (escapes wrapped in ``promptEscape``).
    func readLine(prompt: String) -> Input {
        free(promptText)
        promptText = strdup(prompt)
        interrupted = false
        var count: Int32 = 0
        guard let raw = el_gets(editLine, &count), count > 0 else {
            return .endOfInput
        }
        if interrupted { return .interrupted }
        var line = String(cString: raw)
        while line.hasSuffix("\n") || line.hasSuffix("\r") { line.removeLast() }
        return .line(line)
    }

    /// Adds a line to the history and writes the history file at once, so a crash keeps it.
    func remember(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        claimdesk_history_enter(history, line)
        if let historyPath { claimdesk_history_save(history, historyPath) }
    }

    /// Tab: replaces the word before the cursor with the completion, or lists the choices.
    private func completeAtCursor() -> UInt8 {
        guard let info = el_line(editLine) else { return UInt8(CC_ERROR) }
        let start = info.pointee.buffer!
        let lineBytes = UnsafeBufferPointer(start: UnsafeRawPointer(start).assumingMemoryBound(to: UInt8.self),
                                            count: info.pointee.lastchar - start)
        let cursorBytes = info.pointee.cursor - start
        let line = String(decoding: lineBytes, as: UTF8.self)
        let beforeCursor = String(decoding: lineBytes[0..<cursorBytes], as: UTF8.self)
        let cursor = beforeCursor.count
        let completion = complete(line, cursor)
        let candidates = completion.candidates
        guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        let replacement: String
        if candidates.count == 1 {
            replacement = candidates[0] + (Completion.needsSpace(after: candidates[0]) ? " " : "")
        } else {
            replacement = completion.commonPrefix
        }
        if replacement != completion.word {
            // libedit deletes code points; the completion counts Characters.
            let typed = beforeCursor.unicodeScalars.count - String(beforeCursor.prefix(completion.start)).unicodeScalars.count
            if typed > 0 { el_deletestr(editLine, Int32(typed)) }
            el_insertstr(editLine, replacement)
            return UInt8(CC_REFRESH)
        }
        // Nothing more to insert: list the choices under the line.
        print("\n" + Self.columns(candidates, width: TerminalInfo.width()), terminator: "")
        fflush(claimdesk_stdout())
        return UInt8(CC_REDISPLAY)
    }

    static func columns(_ items: [String], width: Int) -> String {
        let cell = (items.map(\.count).max() ?? 0) + 2
        let perRow = max(1, width / max(cell, 1))
        var out = ""
        for (index, item) in items.enumerated() {
            out += TerminalSafeText.escape(item).padding(toLength: cell, withPad: " ", startingAt: 0)
            if (index + 1) % perRow == 0 || index == items.count - 1 { out += "\n" }
        }
        return out
    }
}
