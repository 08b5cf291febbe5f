import ClaimDeskCore
import Foundation

/// `export FORMAT [PATH] [--all]`: the session in an exchange or review format.
struct ExportCommand: ShellCommand {
    static let format = Positional("FORMAT", .choice(ExportFormat.names))
    static let path = Positional("PATH", .path, optional: true)
    static let all = SwitchFlag("--all", "claimreview: publish claims not yet accepted in review too")

    static let spec = CommandSpec(
        "export", group: CommandGroup.exporting,
        summary: "Export the session: w3c, claimreview, brat, csv, markdown or html",
        usage: "export FORMAT [PATH] [--all]", example: "export html",
        details: [
            "Formats: w3c (W3C Web Annotation JSON-LD), claimreview (schema.org ClaimReview), brat (a folder of .txt/.ann),",
            "csv (one row per annotation), markdown (a review document), html (a self-contained review report).",
            "Without PATH writes exports/SESSION.EXT (a folder for brat); a PATH ending in / is a folder to write into.",
            "claimreview writes accepted claims with a verdict only, and says how many it left out; --all writes every claim with a verdict.",
        ],
        arguments: [format, path], flags: [all])

    /// The format as typed; checked in ``run(in:)``.
    var formatName: String
    var path: String?
    var options: ExportOptions

    init(_ arguments: ParsedArguments) throws(ShellError) {
        formatName = try arguments.required(Self.format)
        path = arguments.text(Self.path)
        options = ExportOptions(includeUnaccepted: arguments[Self.all])
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let format = try context.exportFormat(formatName)
        let result: ExportResult
        do { result = try format.export(context.workspace.session, options: options) } catch { throw ShellError("cannot export \(format.rawValue): \(error.message)") }
        let defaultName = format.defaultName(for: context.exportBaseName)
        let target = path ?? "exports/" + defaultName
        let written: String
        do {
            written = try ExportWriter(host: context.host).write(result, to: target, defaultName: defaultName)
        } catch {
            throw ShellError("cannot write \(target): \(error.message); choose another path")
        }
        var lines = [StyledLine("Exported \(count(result.count, "annotation")) as \(format.title) to ") + StyledLine(written, .strong)]
        for warning in result.warnings { lines.append(StyledLine("note: " + warning, .dim)) }
        return lines
    }
}
