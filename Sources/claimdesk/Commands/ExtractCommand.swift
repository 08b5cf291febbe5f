import ArgumentParser
import ClaimDeskCore
import ClaimDeskWeb
import Foundation

/// `claimdesk extract PAGE.html|URL [--format json|text] [-o OUT]`: what `load` would take from a page.
///
/// For scripts and for comparing with other extractors: the headline, byline, dates, site,
/// canonical URL, language and the text, exactly as `load` would store them.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the article text and metadata ClaimDesk finds in a web page.",
        discussion: """
            Reads a saved page (or fetches an http(s) URL) and prints what load would use. With --format json \
            (the default) one object {"byline","language","modified","published","site","text","title","url"} \
            with strings or null; the text has paragraphs separated by a blank line, the headline first.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, text
    }

    @Argument(help: "A saved web page (.html) or an http(s) URL.")
    var page: String

    @Option(help: "Output format: json or text.")
    var format: Format = .json

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let article: WebArticle
        do {
            article = try PageSource.read(page)
        } catch {
            fail("cannot extract \(page): \(error.message)")
        }
        let bytes = format == .json ? article.json() : Array(article.plainText.utf8)
        if let output {
            do {
                try POSIXFile.writeAtomically(Data(bytes), to: output)
            } catch {
                fail("cannot write \(output): \(error.message)")
            }
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("claimdesk: error: \(message)\n".utf8))
        Foundation.exit(1)
    }
}
