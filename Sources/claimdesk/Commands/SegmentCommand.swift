import ArgumentParser
import ClaimDeskCore
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
        let data: Data
        do {
            data = try readInput()
        } catch {
            fail("cannot read \(name): \(Self.describe(error))")
        }
        let text: String
        do {
            text = try ArticleDecoder.decode(data)
        } catch {
            fail("cannot read \(name): \(error.message)")
        }
        let scalars = Array(text.unicodeScalars)
        let segmentation = SentenceSegmenter(language: language.forced).segment(scalars)
        let output = switch format {
        case .text: SegmentOutput.text(segmentation, scalars)
        case .jsonl: SegmentOutput.jsonLines(segmentation, scalars)
        }
        FileHandle.standardOutput.write(Data(output))
    }

    private func readInput() throws -> Data {
        if file == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw InputError("no such file; check the path")
        }
        if isDirectory.boolValue { throw InputError("it is a directory; give an article file") }
        guard let handle = FileHandle(forReadingAtPath: file) else {
            throw InputError("permission denied or unreadable; check the file's permissions")
        }
        defer { try? handle.close() }
        return try handle.readToEnd() ?? Data()
    }

    private struct InputError: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    private static func describe(_ error: Error) -> String {
        if let error = error as? InputError { return error.message }
        return error.localizedDescription
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("claimdesk: error: \(message)\n".utf8))
        Foundation.exit(1)
    }
}

/// The two output formats of `claimdesk segment`, as UTF-8 bytes.
enum SegmentOutput {
    /// One sentence a line; white space that holds a line break (a wrapped line) becomes one space.
    static func text(_ segmentation: Segmentation, _ scalars: [Unicode.Scalar]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count + segmentation.sentences.count)
        for sentence in segmentation.sentences {
            var i = sentence.range.lowerBound
            while i < sentence.range.upperBound {
                let scalar = scalars[i]
                guard scalar.properties.isWhitespace else {
                    appendUTF8(scalar, to: &out)
                    i += 1
                    continue
                }
                var end = i
                var breaksLine = false
                while end < sentence.range.upperBound && scalars[end].properties.isWhitespace {
                    switch scalars[end].value {
                    case 0x0A, 0x0B, 0x0C, 0x85, 0x2028, 0x2029: breaksLine = true
                    default: break
                    }
                    end += 1
                }
                if breaksLine {
                    out.append(0x20)
                } else {
                    for k in i..<end { appendUTF8(scalars[k], to: &out) }
                }
                i = end
            }
            out.append(0x0A)
        }
        return out
    }

    /// One JSON object a line: `{"index":1,"paragraph":1,"start":0,"end":12,"text":"…"}`.
    static func jsonLines(_ segmentation: Segmentation, _ scalars: [Unicode.Scalar]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count + segmentation.sentences.count * 64)
        for (index, sentence) in segmentation.sentences.enumerated() {
            out.append(contentsOf: Array("{\"index\":\(index + 1),\"paragraph\":\(sentence.paragraph + 1),".utf8))
            out.append(contentsOf: Array("\"start\":\(sentence.range.lowerBound),\"end\":\(sentence.range.upperBound),".utf8))
            out.append(contentsOf: Array("\"text\":\"".utf8))
            for i in sentence.range { appendJSONEscaped(scalars[i], to: &out) }
            out.append(contentsOf: Array("\"}\n".utf8))
        }
        return out
    }

    static func appendJSONEscaped(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        switch scalar.value {
        case 0x22: out.append(contentsOf: [0x5C, 0x22])
        case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
        case 0x0D: out.append(contentsOf: [0x5C, 0x72])
        case 0x09: out.append(contentsOf: [0x5C, 0x74])
        case 0x00..<0x20, 0x2028, 0x2029:
            let hex = String(scalar.value, radix: 16)
            out.append(contentsOf: Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8))
        default: appendUTF8(scalar, to: &out)
        }
    }

    static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let v = scalar.value
        if v < 0x80 {
            out.append(UInt8(v))
        } else {
            UTF8.encode(scalar) { out.append($0) }
        }
    }
}
