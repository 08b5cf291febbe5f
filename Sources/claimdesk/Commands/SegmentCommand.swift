import ArgumentParser
import ClaimDeskCore
import ClaimDeskShell
import Foundation

/// `claimdesk segment [FILE|-] [--format text|jsonl] [--lang auto|en|ar|fa|ur]`: prints an article's sentences.
///
/// Both formats show the same segmentation the shell uses. `text` prints one
/// sentence a line (line breaks inside a sentence become spaces); `jsonl`
/// prints one JSON object a line with the keys in the order index, paragraph,
/// start, end, text. `index` and `paragraph` count from 1 as `s12` and `p3`
/// do in the shell; `start` and `end` are code-point offsets (end exclusive)
/// into the normalised text, and `text` is exactly that slice.
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split an article into sentences.",
        discussion: """
            Reads FILE (or standard input for -), normalises it as the shell does (line ends to \\n, NFC) \
            and prints its sentences. With --format jsonl each line is \
            {"index":…,"paragraph":…,"start":…,"end":…,"text":…}: index and paragraph count from 1, \
            start and end are code-point offsets into the normalised text (end exclusive).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    /// `--lang`: `auto` or a language whose rules apply to every paragraph.
    enum LanguageChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, en, ar, fa, ur

        var forced: ScriptLanguage? { ScriptLanguage(code: rawValue) }
    }

    @Argument(help: "The article file, or - for standard input.")
    var file: String = "-"

    @Option(help: "Output format: text (one sentence a line) or jsonl (one JSON object a line).")
    var format: Format = .text

    @Option(name: .customLong("lang"),
            help: "Segmentation rules: auto (each paragraph's script decides), en, ar, fa or ur.")
    var language: LanguageChoice = .auto

    func run() throws {
        let name = file == "-" ? "standard input" : file
        let text: String
        do {
            text = try readArticle()
        } catch let error as ArticleInputError {
            fail("cannot read \(name): \(error.message)")
        } catch {
            fail("cannot read \(name): \(Self.describe(error))")
        }
        let output = FileHandle.standardOutput
        // Segmented and written a block of the text at a time, 64 KB of lines per write, from one
        // reused buffer: the sentences of the whole text are never held at once.
        do {
            try SentenceListWriter.write(sentencesOf: text, segmenter: SentenceSegmenter(language: language.forced),
                                         as: format == .jsonl ? .jsonLines : .text) { chunk in
                try output.write(contentsOf: UnsafeRawBufferPointer(chunk))
            }
        } catch {
            fail("cannot write the sentences: \(Self.describe(error))")
        }
    }

    /// The article's normalised text. A regular file is read into a buffer that is not zeroed
    /// first (``RegularFileBytes``).
    private func readArticle() throws -> String {
        if file == "-" { return try ArticleDecoder.decode(FileHandle.standardInput.readDataToEndOfFile()) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw InputError("no such file; check the path")
        }
        if isDirectory.boolValue { throw InputError("it is a directory; give an article file") }
        guard let handle = FileHandle(forReadingAtPath: file) else {
            throw InputError("permission denied or unreadable; check the file's permissions")
        }
        defer { try? handle.close() }
        if let bytes = try RegularFileBytes.read(handle.fileDescriptor, byteLimit: ArticleDecoder.sizeLimit) {
            return try bytes.withUnsafeBytes { raw in try ArticleDecoder.decode(bytes: raw) }
        }
        return try ArticleDecoder.decode(handle.readToEnd() ?? Data())
    }

    private struct InputError: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    private static func describe(_ error: Error) -> String {
        if let error = error as? InputError { return error.message }
        if let error = error as? HostError { return error.message }
        return error.localizedDescription
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("claimdesk: error: \(message)\n".utf8))
        Foundation.exit(1)
    }
}
