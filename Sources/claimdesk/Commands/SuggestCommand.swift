import ArgumentParser
import ClaimDeskCore
import ClaimDeskWeb
import Foundation

/// `claimdesk suggest FILE [--format text|jsonl]`: candidate attributions in an article, for scripts.
///
/// The same suggestions the shell's `suggest` lists, with offsets in code points of the text as
/// `load` stores it (end exclusive): a web page is read as `load` reads it, a text file is
/// normalised (line ends, NFC) first.
struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Suggest attributions (content, source, cue, chain) in an article.",
        discussion: """
            Reads FILE (a text file, a saved web page, or - for standard input) and prints candidate \
            attributions in reading order. With --format jsonl each line is {"content": [[start, end], …], \
            "source": [[start, end]] or null, "cue": [[start, end], …] or null, "claimant": NAME or null, \
            "via": [NAME, …], "confidence": 0.0–1.0, "rule": TEXT}; offsets are code points of the article \
            text as loaded, end exclusive. docs/suggestions.md describes the rules.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    @Argument(help: "The article: a text file, a saved web page (.html), or - for standard input.")
    var file: String

    @Option(help: "Output format: text (readable) or jsonl (one JSON object a line).")
    var format: Format = .text

    func run() throws {
        let name = file == "-" ? "standard input" : file
        let data: Data
        do {
            data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try DiskHost.readFile(atPath: file)
        } catch {
            fail("cannot read \(name): \(error.message)")
        }
        let bytes = [UInt8](data)
        let text: String
        if file != "-", WebPageReader.isWebPage(extensionName: PathText.pathExtension(file), bytes: bytes) {
            do {
                text = try WebPageReader.read(bytes, headerCharset: nil, pageURL: nil).text
            } catch {
                fail("cannot read \(name): \(error.message)")
            }
        } else {
            do {
                text = try ArticleDecoder.decode(data)
            } catch {
                fail("cannot read \(name): \(error.message)")
            }
        }
        let article = ArticleText(text)
        let suggestions = AttributionSuggester().suggestions(in: article)
        let output = switch format {
        case .text: SuggestionListWriter.text(suggestions, of: article)
        case .jsonl: SuggestionListWriter.jsonLines(suggestions)
        }
        FileHandle.standardOutput.write(Data(output))
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("claimdesk: error: \(message)\n".utf8))
        Foundation.exit(1)
    }
}
