import ArgumentParser
import ClaimDeskCore
import Foundation

/// `claimdesk reanchor ANNOTATIONS --to NEW.txt`: moves W3C annotations onto a new version of a text.
struct ReanchorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reanchor",
        abstract: "Re-anchor W3C Web Annotations onto a new version of a text.",
        discussion: """
            Reads a W3C Web Annotation collection (or a JSON array of annotations, or one \
            annotation) made on an older version of a text, finds where each annotation's \
            quote now is in NEW.txt, and writes the annotations with updated \
            TextQuoteSelector and TextPositionSelector (code points, end exclusive). \
            Annotations whose text is gone are left unchanged and reported as orphaned.
            """)

    @Argument(help: ArgumentHelp("The annotations (JSON-LD or JSON).", valueName: "annotations"))
    var annotations: String?

    @Option(name: .customLong("to"), help: ArgumentHelp("The new version of the text (UTF-8).", valueName: "new.txt"))
    var newText: String?

    @Option(name: [.customShort("o"), .customLong("output")],
            help: ArgumentHelp("Where to write the updated annotations (default: standard output).", valueName: "out.jsonld"))
    var output: String?

    @Option(name: .customLong("report"),
            help: ArgumentHelp("Where to write one JSON line per annotation: id, status, start, end, how, score.",
                               valueName: "report.jsonl"))
    var report: String?

    /// A user mistake: said in one line on standard error, exit status 1.
    struct Failure: Error {
        var message: String
    }

    func run() throws {
        do {
            try reanchor()
        } catch let failure as Failure {
            FileHandle.standardError.write(Data("claimdesk: error: \(failure.message)\n".utf8))
            throw ExitCode(1)
        }
    }

    private func reanchor() throws {
        guard let annotations else {
            throw Failure(message: "no annotation file given; run claimdesk reanchor ANNOTATIONS.jsonld --to NEW.txt")
        }
        guard let newText else {
            throw Failure(message: "no new text given; add --to NEW.txt (the edited version of the article)")
        }
        let documentData = try read(annotations, what: "annotation file")
        let document: JSONValue
        do {
            document = try JSONValue.parse(Array(documentData))
        } catch {
            throw Failure(message: "\(annotations) is not valid JSON \(error.description); give a W3C annotation collection or a JSON array of annotations")
        }
        let text: String
        do {
            text = try ArticleDecoder.decodeVerbatim(try read(newText, what: "new text"))
        } catch let error as ArticleInputError {
            throw Failure(message: "cannot use \(newText) as the new text: \(error.message)")
        }
        let outcome: W3CReanchoring.Outcome
        do {
            outcome = try W3CReanchoring.reanchor(document, onto: text)
        } catch {
            throw Failure(message: "\(annotations): \(error.message)")
        }

        // Laid out as JSONEncoder wrote it before, so re-anchored files diff cleanly against older runs.
        let out = Data(outcome.document.encoded(spelling: .encoderCompatible))
        if let output {
            try write(out, to: output, what: "output")
        } else {
            FileHandle.standardOutput.write(out)
        }
        if let report {
            let lines = outcome.report.map { $0.json + "\n" }.joined()
            try write(Data(lines.utf8), to: report, what: "report")
        }
        for line in outcome.report where line.resolution == nil {
            let name = line.id ?? "#\(line.index)"
            FileHandle.standardError.write(Data("claimdesk: warning: annotation \(name) has no TextQuoteSelector; left unchanged\n".utf8))
        }
        var counts: [String: Int] = [:]
        for line in outcome.report { counts[line.resolution?.how ?? "orphaned", default: 0] += 1 }
        let summary = ["exact", "moved", "fuzzy", "orphaned"].map { "\(counts[$0, default: 0]) \($0)" }.joined(separator: ", ")
        FileHandle.standardError.write(Data("reanchored \(Plural.count(outcome.report.count, "annotation")): \(summary)\n".utf8))
    }

    private func read(_ path: String, what: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Failure(message: "cannot read the \(what) \(path): no such file; check the path")
        }
        if isDirectory.boolValue {
            throw Failure(message: "the \(what) \(path) is a folder; give a file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(message: "cannot read the \(what) \(path): permission denied or unreadable; check its permissions")
        }
        return data
    }

    private func write(_ data: Data, to path: String, what: String) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw Failure(message: "cannot write the \(what) to \(path); check that its folder exists and is writable")
        }
    }
}
